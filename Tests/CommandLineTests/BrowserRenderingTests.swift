import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// The HTML pages as headless Chromium renders them: every fingerprint and the byte totals in
/// the DOM, the page's own script allowed by its content security policy and working (a click
/// zooms the flame graph), and a screenshot. Needs the Debian `chromium` package; set
/// `LEAKTRIAGE_SCREENSHOTS=<dir>` to keep the screenshots for a look.
@Suite(.enabled(if: Chromium.isInstalled, "needs headless Chromium: apt-get install chromium (scripts/setup does not install it)"))
struct BrowserRenderingTests {
    /// A page written by `leaktriage arguments… --format html` into `directory`.
    static func writePage(_ arguments: [String], named name: String, in directory: URL) throws -> URL {
        let page = directory.appendingPathComponent(name)
        let result = try CLIRunner.run(arguments + ["--format", "html", "--output", page.path, "--root", SourceLineTests.sources.path])
        #expect(result.status == 1, "\(result.stderr)")
        return page
    }

    /// The DOM Chromium renders for `page`, with no content security policy complaint.
    static func renderedDOM(_ page: URL) throws -> String {
        let output = try Chromium.dom(page)
        #expect(!output.stderr.contains("Content Security Policy"), "\(output.stderr)")
        #expect(output.stdout.contains("</html>"))
        return output.stdout
    }

    /// Takes a screenshot of `page`; kept in `$LEAKTRIAGE_SCREENSHOTS` when set.
    static func expectScreenshot(_ page: URL, in directory: URL) throws {
        let keep = ProcessInfo.processInfo.environment["LEAKTRIAGE_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        let target = (keep ?? directory).appendingPathComponent(page.deletingPathExtension().lastPathComponent + ".png")
        _ = try Chromium.run(page, ["--screenshot=\(target.path)"])
        let png = try Data(contentsOf: target)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a rendered page, not a blank one")
    }

    @Test func theBigProfilerPageRendersEveryFingerprintAndTheProfilerTotal() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try HTMLReportTests.unpacked("big_profiler.log.gz", in: directory)
        let page = try Self.writePage([log], named: "big_profiler.html", in: directory)
        let dom = try Self.renderedDOM(page)
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")])
        for finding in report.findings {
            #expect(dom.contains(">\(finding.fingerprint.prefix(12))<"))
        }
        #expect(dom.contains("576,000 B"))
        #expect(dom.contains("<svg class=\"graph\""))
        try Self.expectScreenshot(page, in: directory)
    }

    @Test(arguments: ["combined_all.log", "rwdi_combined_all.log"])
    func anAllDetectorPageRendersEveryFindingAndEveryTotal(log: String) throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.writePage([Fixtures.corpusPath(log)], named: log.replacingOccurrences(of: ".log", with: ".html"), in: directory)
        let dom = try Self.renderedDOM(page)
        let report = try Fixtures.analyse([try Fixtures.corpus(log)])
        for finding in report.findings {
            #expect(dom.contains(">\(finding.fingerprint.prefix(12))<"), "\(finding.title)")
        }
        for (detector, summary) in report.summary where summary.occurrences > 0 {
            #expect(dom.contains(">\(summary.occurrences.formattedWithThousandsSeparators)<"), "\(detector)")
            if let bytes = summary.bytes { #expect(dom.contains("\(bytes.formattedWithThousandsSeparators) B"), "\(detector)") }
        }
        #expect(dom.contains("<pre class=\"source\">"), "the scripts are in Tests/Fixtures/sources")
        try Self.expectScreenshot(page, in: directory)
    }

    @Test func theDiffPageRenders() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.writePage(
            ["diff", Fixtures.corpusPath("rwdi_no_dump_leaks.log"), Fixtures.corpusPath("rwdi_combined_all.log")], named: "diff.html", in: directory)
        let dom = try Self.renderedDOM(page)
        #expect(dom.contains("cpp_heap: change in leaked bytes by stack"))
        #expect(dom.contains("<h2>New ("))
        try Self.expectScreenshot(page, in: directory)
    }

    @Test func clickingAFrameZoomsIntoIt() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.writePage([Fixtures.corpusPath("rwdi_combined_all.log")], named: "zoom.html", in: directory)
        // The page with its policy removed and, once it has loaded, a click on a frame narrower
        // than half the C++ graph: the page's own script must do the zooming.
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        let policy = try #require(html.range(of: "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", options: .regularExpression))
        let click = "<script>var g = Array.from(document.querySelectorAll('.flame')[1].querySelectorAll('svg.fg-n'));"
            + "var n = g.find(function (e) { return parseFloat(e.getAttribute('width')) < 50; });"
            + "n.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
            + "var hidden = g.filter(function (e) { return e.style.display === 'none'; }).length;"
            + "document.body.setAttribute('data-zoomed', n.getAttribute('x') + ' ' + n.getAttribute('width') + ' ' + g[0].getAttribute('width') + ' ' + (hidden > 0));</script>"
        let clicking = html.replacingCharacters(in: policy, with: "").replacingOccurrences(of: "</body>", with: click + "</body>")
        let copy = directory.appendingPathComponent("zoom-click.html")
        try Data(clicking.utf8).write(to: copy)
        let dom = try Chromium.dom(copy).stdout
        // The clicked frame fills the width, its ancestors too, and frames beside it are hidden.
        #expect(dom.contains("data-zoomed=\"0.0000% 100.0000% 100.0000% true\""))
    }
}
