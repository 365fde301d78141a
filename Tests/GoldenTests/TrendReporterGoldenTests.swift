import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// The trend reporters print their golden files for the hostile trend (`HostileTrend`), and
/// the CI formats annotate its growing and new findings only.
@Suite struct TrendReporterGoldenTests {
    @Test(arguments: [(OutputFormat.text, "hostile.trend.text.txt"), (.json, "hostile.trend.json"), (.html, "hostile.trend.html")])
    func trendFormatMatchesItsGoldenFile(format: OutputFormat, golden: String) throws {
        let reporter = try #require(format.reporters.trend)
        let rendered = reporter.render(HostileTrend.trend, options: HostileReport.options)
        try ReporterGoldenTests.expectGolden(rendered, golden)
        var pieces = ""
        reporter.write(HostileTrend.trend, options: HostileReport.options) { pieces += $0 }
        #expect(pieces == rendered)
    }

    @Test func githubAnnotatesTheGrowingAndNewFindings() throws {
        let report = TrendAnnotations.report(of: HostileTrend.trend)
        #expect(report.findings.map(\.fingerprint) == ["9f2c111111110123456789abcdef0123", "9f2c222222220123456789abcdef0123"])
        #expect(report.findings.map(\.rank) == [1, 2])
        #expect(report.inputs.count == 8)
        // Both come from the last run: their positions move past the three runs before it.
        #expect(report.findings.first?.occurrences.first == LogPosition(input: 6, line: 57))
        try ReporterGoldenTests.expectGolden(GitHubReporter().render(report, options: HostileReport.options), "hostile.trend.github.txt")
    }

    @Test func theAnnotationFormatsHaveNoTrendReporterOfTheirOwn() {
        #expect(OutputFormat.allCases.filter { $0.reporters.trend != nil } == [.text, .json, .html])
    }
}
