import Foundation
import LeakModel
import LeakReporters
import Testing

/// Every output format, rendered from the one hostile finding list of `HostileReport`, is
/// exactly its golden file in `Tests/Fixtures/golden/`. Set `LEAKTRIAGE_RECORD_GOLDEN=1` to
/// rewrite the golden files after an intended change, then review the diff.
@Suite struct ReporterGoldenTests {
    static let directory = Fixtures.directory.appendingPathComponent("golden")

    /// The formats printed from findings (native is printed from a log's report lines).
    static let findingFormats = OutputFormat.allCases.filter { $0.reporter != nil }

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
        let reporter = try #require(format.reporter)
        let rendered = reporter.render(HostileReport.report, options: HostileReport.options)
        try Self.expectGolden(rendered, try #require(Self.goldenName(format)))
    }

    @Test func theGitHubStepSummaryMatchesItsGoldenFile() throws {
        let rendered = GitHubReporter().stepSummary(HostileReport.report, options: HostileReport.options)
        try Self.expectGolden(rendered, "hostile.github-summary.md")
    }

    @Test("rendering is deterministic", arguments: findingFormats)
    func renderingTwiceGivesTheSameBytes(format: OutputFormat) throws {
        let reporter = try #require(format.reporter)
        let first = reporter.render(HostileReport.report, options: HostileReport.options)
        #expect(reporter.render(HostileReport.report, options: HostileReport.options) == first)
    }

    @Test("each reporter says which format it prints", arguments: findingFormats)
    func reporterNamesItsFormat(format: OutputFormat) throws {
        #expect(try #require(format.reporter).format == format)
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
