import Foundation
import LeakModel
import LeakReporters
import Testing

/// Every output format, rendered from the one hostile finding list of `HostileReport`, is
/// exactly its golden file in `Tests/Fixtures/golden/`. Set `LEAKTRIAGE_RECORD_GOLDEN=1` to
/// rewrite the golden files after an intended change, then review the diff.
@Suite struct ReporterGoldenTests {
    static let directory = Fixtures.directory.appendingPathComponent("golden")

    /// The golden file of each format.
    static func goldenName(_ format: OutputFormat) -> String {
        switch format {
        case .text: return "hostile.text.txt"
        case .json: return "hostile.json"
        case .sarif: return "hostile.sarif"
        case .github: return "hostile.github.txt"
        case .junit: return "hostile.junit.xml"
        case .codequality: return "hostile.codequality.json"
        }
    }

    @Test("each format prints its golden file for the hostile findings", arguments: OutputFormat.allCases)
    func formatMatchesItsGoldenFile(format: OutputFormat) throws {
        let rendered = format.reporter.render(HostileReport.report, options: HostileReport.options)
        try Self.expectGolden(rendered, Self.goldenName(format))
    }

    @Test func theGitHubStepSummaryMatchesItsGoldenFile() throws {
        let rendered = GitHubReporter().stepSummary(HostileReport.report, options: HostileReport.options)
        try Self.expectGolden(rendered, "hostile.github-summary.md")
    }

    @Test("rendering is deterministic", arguments: OutputFormat.allCases)
    func renderingTwiceGivesTheSameBytes(format: OutputFormat) {
        let first = format.reporter.render(HostileReport.report, options: HostileReport.options)
        #expect(format.reporter.render(HostileReport.report, options: HostileReport.options) == first)
    }

    @Test("each reporter says which format it prints", arguments: OutputFormat.allCases)
    func reporterNamesItsFormat(format: OutputFormat) {
        #expect(format.reporter.format == format)
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
