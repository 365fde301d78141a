import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// `--format github` stays within GitHub's annotation budget, most important first, says how
/// many it left out, lists everything in the step summary, and prints nothing a log could turn
/// into a second command.
@Suite struct GitHubAnnotationTests {
    /// A report with `errors`, `warnings` and `notes` findings, interleaved, in rank order.
    static func report(errors: Int, warnings: Int, notes: Int) -> LeakReport {
        var remaining = (error: errors, warning: warnings, note: notes)
        var ordered: [Severity] = []
        while remaining != (0, 0, 0) {
            if remaining.error > 0 { ordered.append(.error); remaining.error -= 1 }
            if remaining.warning > 0 { ordered.append(.warning); remaining.warning -= 1 }
            if remaining.note > 0 { ordered.append(.note); remaining.note -= 1 }
        }
        let findings = ordered.enumerated().map { index, severity in
            Finding(rank: index + 1, detector: .gcNode, kind: "TypeDecl", fingerprint: "fingerprint\(index + 1)", fingerprintKey: "",
                    title: "leak \(index + 1)", count: 1, location: SourceLocation(file: "x.das", line: index + 1, column: 1),
                    occurrences: [LogPosition(input: 0, line: index + 1)], severity: severity)
        }
        return LeakReport(inputs: [InputSummary(path: "ci.log", lines: 100, bytes: 1000)], summary: [:], findings: findings,
                          panics: [], traces: [], diagnostics: [])
    }

    static func commands(_ output: String) -> [GitHubCommandLine] {
        output.split(separator: "\n").compactMap { GitHubCommandLine($0) }
    }

    @Test func atMostTenOfEachKindAreShownAndTheRestAreCounted() throws {
        let report = Self.report(errors: 25, warnings: 14, notes: 12)
        let output = GitHubReporter().render(report, options: RenderOptions(root: "/r"))
        let commands = Self.commands(output)
        #expect(commands.count == output.split(separator: "\n").count)
        #expect(commands.filter { $0.name == "error" }.count == 10)
        #expect(commands.filter { $0.name == "warning" }.count == 10)
        #expect(commands.filter { $0.name == "notice" }.count == 10)
        #expect(commands.count <= 50)
        // 15 errors, 4 warnings and 2 notes did not fit, and one more note gave way to the count.
        let last = try #require(commands.last)
        #expect(last.name == "notice")
        #expect(last.message.hasPrefix("22 more not shown"))
    }

    @Test func theFirstFindingsOfEachKindAreTheOnesShown() {
        let report = Self.report(errors: 25, warnings: 14, notes: 12)
        let commands = Self.commands(GitHubReporter().render(report, options: RenderOptions(root: "/r")))
        for (kind, severity) in [("error", Severity.error), ("warning", .warning)] {
            let expected = report.findings.filter { $0.severity == severity }.prefix(10).map(\.title)
            #expect(commands.filter { $0.name == kind }.map { $0.properties["title"] ?? "" } == expected)
        }
        let ranks = commands.dropLast().compactMap { Int($0.message.dropFirst().prefix { $0.isNumber }) }
        #expect(ranks.count == 29)
        #expect(ranks == ranks.sorted(), "annotations keep triage order")
    }

    @Test func aReportWithinTheBudgetIsShownWhole() {
        let report = Self.report(errors: 10, warnings: 10, notes: 10)
        let commands = Self.commands(GitHubReporter().render(report, options: RenderOptions(root: "/r")))
        #expect(commands.count == 30)
        #expect(!commands.contains { $0.message.contains("more not shown") })
    }

    @Test func theStepSummaryListsEveryFinding() {
        let report = Self.report(errors: 25, warnings: 14, notes: 12)
        let summary = GitHubReporter().stepSummary(report, options: RenderOptions(root: "/r"))
        let rows = summary.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") && !$0.hasPrefix("| ---") }
        #expect(rows.count == 51)
        #expect(summary.contains("22 of these are only listed here"))
        for finding in report.findings { #expect(summary.contains("| \(finding.rank) | \(finding.severity.rawValue) | \(finding.title) |")) }
    }

    @Test func everyAnnotationOfTheHostileReportIsOneCommandTheRunnerReadsBack() throws {
        let report = HostileReport.report
        let output = GitHubReporter().render(report, options: HostileReport.options)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == report.findings.count + report.diagnostics.count)
        #expect(!output.contains("\r"))
        let commands = lines.compactMap { GitHubCommandLine($0) }
        #expect(commands.count == lines.count)
        for (finding, command) in zip(report.findings, commands) {
            #expect(command.name == GitHubReporter.Kind(finding.severity).rawValue)
            #expect(command.properties["title"] == CIFormatEscapingTests.sanitized(finding.title))
            #expect(command.message.hasPrefix("#\(finding.rank) · "))
        }
    }

    @Test func findingsWithoutASourceLocationHaveNoFileProperty() {
        let report = HostileReport.report
        let commands = Self.commands(GitHubReporter().render(report, options: HostileReport.options))
        for (finding, command) in zip(report.findings, commands) {
            #expect((command.properties["file"] == nil) == (finding.location == nil), "#\(finding.rank)")
        }
        #expect(commands[0].properties["file"] == "programs/100%,a:b.das")
        #expect(commands[1].properties["file"] == "src/jobs \"quoted\" 'single'.das")
        // Born at `…:41:9`: daslang counts columns from 0, GitHub from 1.
        #expect(commands[0].properties["col"] == "10")
    }

    @Test func severitiesMapOntoAnnotationKinds() {
        #expect(GitHubReporter.Kind(.error) == .error)
        #expect(GitHubReporter.Kind(.warning) == .warning)
        #expect(GitHubReporter.Kind(.note) == .notice)
    }
}
