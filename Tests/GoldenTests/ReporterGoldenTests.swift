import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// Every output format, rendered from the one hostile finding list of `HostileReport`, is
/// exactly its golden file in `Tests/Fixtures/golden/`. Set `LEAKTRIAGE_RECORD_GOLDEN=1` to
/// rewrite the golden files after an intended change, then review the diff.
@Suite struct ReporterGoldenTests {
    static let directory = Fixtures.directory.appendingPathComponent("golden")

    /// The formats printed from findings (native is printed from a log's report lines).
    static let findingFormats = OutputFormat.allCases.filter { $0.reporters.run != nil }

    /// The golden file of each format printed from findings.
    static func goldenName(_ format: OutputFormat) -> String? {
        switch format {
        case .text: return "hostile.text.txt"
        case .json: return "hostile.json"
        case .sarif: return "hostile.sarif"
        case .github: return "hostile.github.txt"
        case .junit: return "hostile.junit.xml"
        case .codequality: return "hostile.codequality.json"
        case .html: return "hostile.html"
        case .native: return nil
        }
    }

    @Test("each format prints its golden file for the hostile findings", arguments: findingFormats)
    func formatMatchesItsGoldenFile(format: OutputFormat) throws {
        let reporter = try #require(format.reporters.run)
        let rendered = reporter.render(HostileReport.report, options: HostileReport.options(drawing: HostileReport.report))
        try Self.expectGolden(rendered, try #require(Self.goldenName(format)))
    }

    @Test func theGitHubStepSummaryMatchesItsGoldenFile() throws {
        let rendered = GitHubReporter().stepSummary(HostileReport.report, options: HostileReport.options)
        try Self.expectGolden(rendered, "hostile.github-summary.md")
    }

    /// A diff of the hostile report with itself changed: the Feature only in head (new), the
    /// handle only in base (fixed), the profiler leak grown from 8 to 16 bytes (persisting, and a
    /// flame graph of deltas, since both sides have its stack).
    static var hostileDiff: LeakDiff {
        var base = HostileReport.report, head = HostileReport.report
        base.findings.removeAll { $0.kind == "Feature" }
        head.findings.removeAll { $0.detector == .handleRegistry }
        if let index = base.findings.firstIndex(where: { $0.detector == .profiler }) { base.findings[index].bytes = 8 }
        return DiffEngine.diff(base: base, head: head)
    }

    @Test func theDiffPageMatchesItsGoldenFile() throws {
        let diff = Self.hostileDiff
        #expect(diff.new.count == 1 && diff.fixed.count == 1 && diff.persisting.contains { $0.bytesDelta == 8 })
        try Self.expectGolden(DiffHTMLReporter().render(diff, options: HostileReport.options(drawing: diff)), "hostile.diff.html")
    }

    @Test func onlyTheFormatsForPeopleAndJSONHaveADiffReporterOfTheirOwn() throws {
        #expect(OutputFormat.allCases.filter { $0.reporters.diff != nil } == [.text, .json, .html])
        let diff = Self.hostileDiff
        let reporter = try #require(OutputFormat.html.reporters.diff)
        var pieces = ""
        reporter.write(diff, options: HostileReport.options(drawing: diff)) { pieces += $0 }
        #expect(pieces == DiffHTMLReporter().render(diff, options: HostileReport.options(drawing: diff)))
    }

    @Test func hostileSourceLinesAreEscapedLikeLogText() throws {
        var options = HostileReport.options(drawing: HostileReport.report)
        let location = try #require(HostileReport.findings[0].location)
        options.sourceLines.add("\t<script>alert(1)</script> \u{1B}[2J & done", file: location.file, line: try #require(location.line))
        let html = HTMLReporter().render(HostileReport.report, options: options)
        #expect(html.contains("<pre class=\"source\">41 | &#9;&lt;script&gt;alert(1)&lt;/script&gt; \u{FFFD}[2J &amp; done"))
        let text = TextReporter().render(HostileReport.report, options: options)
        #expect(text.contains("41 | \t<script>alert(1)</script> \u{FFFD}[2J & done\n"))
        // Column 9 is the space after `<script>`: the tab is one byte.
        #expect(text.contains("   | \t" + String(repeating: " ", count: 8) + "^\n"))
    }

    @Test("rendering is deterministic", arguments: findingFormats)
    func renderingTwiceGivesTheSameBytes(format: OutputFormat) throws {
        let reporter = try #require(format.reporters.run)
        let first = reporter.render(HostileReport.report, options: HostileReport.options)
        #expect(reporter.render(HostileReport.report, options: HostileReport.options) == first)
    }

    static func expectGolden(_ rendered: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LEAKTRIAGE_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: url)
        }
        let golden = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        #expect(rendered == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }
}
