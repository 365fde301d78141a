import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// `--format native`'s reporter: the reports the parser read, printed as daslang printed them.
@Suite struct NativeReporterTests {
    @Test("a log's reports print back as its report lines", arguments: ["combined_all.log", "rwdi_combined_all.stderr", "heap_report_linear.log"])
    func reportsPrintAsTheLogPrintedThem(_ name: String) throws {
        let events = try Fixtures.events(try Fixtures.corpus(name))
        let reports = events.compactMap { event -> ReportState? in
            if case let .report(report) = event { return report }
            return nil
        }
        #expect(!reports.isEmpty)
        let reporter = try #require(OutputFormat.native.reporters.reports)
        let text = reporter.render(SelectedReports(reports: reports), options: RenderOptions())
        let log = String(decoding: try Fixtures.corpus(name), as: UTF8.self)
        // Every printed line is a line of the log, in the log's order.
        var rest = Substring(log)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let found = try #require(rest.range(of: line + "\n"), "\(name): \(line)")
            rest = rest[found.upperBound...]
        }
        var pieces: [String] = []
        reporter.write(SelectedReports(reports: reports), options: RenderOptions()) { pieces.append($0) }
        #expect(pieces.count == reports.count)
        #expect(pieces.joined() == text)
    }

    @Test func nothingSelectedPrintsNothing() {
        #expect(NativeReporter().render(SelectedReports(reports: []), options: RenderOptions()).isEmpty)
    }

    @Test func onlyNativePrintsReports() {
        for format in OutputFormat.allCases {
            #expect((format.reporters.reports != nil) == (format == .native), "\(format)")
            #expect((format.reporters.run != nil) != (format == .native), "\(format)")
        }
    }
}
