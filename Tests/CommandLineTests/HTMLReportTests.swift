import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `--format html` for `run` and `diff`: one self-contained page that no log text can add markup
/// or script to, with every finding, the totals and the flame graphs, for real logs.
@Suite struct HTMLReportTests {
    /// The page `leaktriage arguments… --output <temp>` writes, and the run's result.
    static func page(_ arguments: [String]) throws -> (html: String, result: CLIRunner.Result) {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("report.html")
        let result = try CLIRunner.run(arguments + ["--format", "html", "--output", output.path])
        return (String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self), result)
    }

    /// A corpus log written out whole (gunzipped) to a temporary directory.
    static func unpacked(_ name: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent(name.replacingOccurrences(of: ".gz", with: "")).path
        try Data(try Fixtures.corpus(name)).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Texts of the hostile report that would be markup, an entity or a control character if
    /// they reached the page unescaped.
    static let hostileTexts: [String] = HostileReport.findings.flatMap { finding in
        [finding.title, finding.knownNonLeak, finding.nextStep, finding.location?.description].compactMap { $0 }
    } + HostileReport.report.diagnostics.map(\.message) + [HostileReport.exception.message]

    @Test func noHostileTextReachesThePageUnescaped() throws {
        let html = HTMLReporter().render(HostileReport.report, options: HostileReport.options(drawing: HostileReport.report))
        for text in Self.hostileTexts where text.contains(where: { "<>&\"'".contains($0) }) {
            #expect(!html.contains(text), "\(text)")
        }
        #expect(html.contains(HTMLText.escape("string-heap contents are interned ]]> & <!-- not a comment -->")))
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script")
        #expect(!html.contains("<!--"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test func thePageIsWrittenOneCardAtATimeAndJoinsToTheWholePage() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("rwdi_combined_all.log")])
        var pieces: [String] = []
        HTMLReporter().write(report, options: HostileReport.options(drawing: report)) { pieces.append($0) }
        #expect(pieces.joined() == HTMLReporter().render(report, options: HostileReport.options(drawing: report)))
        #expect(pieces.count > report.findings.count)
        let largestCard = pieces.filter { $0.contains("<article") }.map(\.utf8.count).max() ?? 0
        #expect(pieces.filter { $0.contains("<article") }.allSatisfy { $0.components(separatedBy: "<article").count == 2 }, "one card per piece")
        #expect(largestCard < 20_000)
    }

    @Test("every corpus log makes a page with every finding and one script", arguments: Fixtures.corpusNames)
    func everyCorpusLogMakesACompletePage(name: String) throws {
        let report = try Fixtures.analyse([try Fixtures.corpus(name)])
        let html = HTMLReporter().render(report, options: HostileReport.options(drawing: report))
        for finding in report.findings {
            #expect(html.contains("data-fingerprint=\"\(finding.fingerprint)\""))
        }
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.hasSuffix("</html>\n"))
        let graphs = HTMLReporter.stackDetectors.filter { !FlameGraph.stacks(of: report.findings, detector: $0).isEmpty }
        #expect(html.components(separatedBy: "<svg class=\"graph\"").count - 1 == graphs.count)
    }

    @Test func htmlTextEscapesEveryCharacterThatEndsTextOrAnAttribute() {
        #expect(HTMLText.escape("<a href=\"x\" onclick='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; onclick=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{1B}[31m\u{00}\u{85}b") == "a\u{FFFD}[31m\u{FFFD}\u{FFFD}b")
        #expect(HTMLText.escape("line\nnext\ttab\r") == "line&#10;next&#9;tab&#13;")
    }

    @Test(arguments: ["combined_all.log", "rwdi_combined_all.log", "profiler_many.log"])
    func thePageLoadsNothingFromAnywhere(log: String) throws {
        let (html, result) = try Self.page([Fixtures.corpusPath(log)])
        #expect(result.status == 1)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("src="), "no image, script or frame source")
        #expect(!html.contains("url("), "no style resource")
        #expect(!html.contains("@import"))
        let links = html.components(separatedBy: "href=\"").dropFirst()
        #expect(links.allSatisfy { $0.hasPrefix("#") }, "links stay on the page")
        // Inline SVG needs no namespace in HTML: the page names no address at all.
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("//www."))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
    }

    @Test func theBigProfilerPageHasEveryFindingTheTotalAndOneSmallFlameGraph() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try Self.unpacked("big_profiler.log.gz", in: directory)
        let (html, result) = try Self.page([log])
        #expect(result.status == 1)
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")])
        #expect(report.findings.count == 3)  // one per allocation site (fingerprint v2)
        for finding in report.findings {
            #expect(html.contains(">\(finding.fingerprint.prefix(12))</code>"))
        }
        #expect(html.contains("data-bytes=\"576000\">576,000 B<"))
        #expect(html.components(separatedBy: "<svg class=\"graph\"").count == 2)
        #expect(html.utf8.count < 1_000_000, "\(html.utf8.count) bytes; the bar is well under 10 MB")
    }

    @Test func aTestSuitePageListsHundredsOfFindingsAndSaysWhatTheGraphLeavesOut() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("dt_decs_prof.log")
        try Data(try Fixtures.suite("dt_decs_prof.log.gz")).write(to: log)
        let (html, _) = try Self.page([log.path])
        let report = try Fixtures.analyse([try Fixtures.suite("dt_decs_prof.log.gz")])
        #expect(report.findings.count > 500)
        for finding in report.findings {
            #expect(html.contains("data-fingerprint=\"\(finding.fingerprint)\""))
        }
        let total = try #require(report.summary[.profiler]?.bytes)
        #expect(html.contains("data-bytes=\"\(total)\">\(total.formattedWithThousandsSeparators) B<"))
        #expect(html.contains("more without a stack are not drawn"))
        #expect(html.utf8.count < 10_000_000)
    }

    @Test func anAllDetectorPageListsTheTriageOrderWithConsequencesUnderTheirCauses() throws {
        let (html, _) = try Self.page([Fixtures.corpusPath("rwdi_combined_all.log")])
        let report = try Fixtures.analyse([try Fixtures.corpus("rwdi_combined_all.log")])
        var last = html.startIndex
        for finding in report.findings where finding.knownNonLeak == nil {
            let card = try #require(html.range(of: "id=\"f-\(finding.fingerprint)\""), "\(finding.title)")
            #expect(card.lowerBound > last, "#\(finding.rank) in triage order")
            last = card.lowerBound
            let article = html[html[..<card.lowerBound].range(of: "<article", options: .backwards)!.lowerBound..<card.lowerBound]
            #expect(article.contains("consequence") == (finding.consequenceOf != nil))
        }
        for detector in HTMLReporter.stackDetectors {
            #expect(html.contains("\(detector.rawValue): leaked bytes by stack"))
        }
        #expect(html.contains("data-bytes=\"641428\">641,428 B<"))
        let stacked = try #require(report.findings.first { $0.detector == .profiler && !$0.stack.isEmpty })
        #expect(html.contains("&#10;the stack of #\(stacked.rank) ends here</title>"), "frames name the findings whose stacks end there")
        #expect(html.contains("<button type=\"button\" class=\"copy\">copy</button>"))
    }

    @Test func theDiffPageShowsNewFixedAndPersistingAndADeltaFlameGraph() throws {
        let base = Fixtures.corpusPath("rwdi_no_dump_leaks.log"), head = Fixtures.corpusPath("rwdi_combined_all.log")
        let (html, result) = try Self.page(["diff", base, head])
        #expect(result.status == 1)
        let diff = DiffEngine.diff(
            base: try Fixtures.analyse([try Fixtures.corpus("rwdi_no_dump_leaks.log")]),
            head: try Fixtures.analyse([try Fixtures.corpus("rwdi_combined_all.log")]))
        #expect(html.contains("<h2>New (\(diff.new.count))</h2>"))
        #expect(html.contains("<h2>Fixed (\(diff.fixed.count))</h2>"))
        #expect(html.contains("<h2>Persisting (\(diff.persisting.count))</h2>"))
        for finding in diff.new + diff.fixed + diff.persisting.map(\.finding) {
            #expect(html.contains("data-fingerprint=\"\(finding.fingerprint)\""))
        }
        // The base log has no profiler block: only the C++ report has stacks on both sides.
        #expect(html.contains("cpp_heap: change in leaked bytes by stack"))
        #expect(!html.contains("profiler: change in leaked bytes"))
        #expect(html.contains("base 698,280 B → head 641,428 B (-56,852 B)"))
    }

    @Test func theDiffPageSaysWhatPersistingFindingsChanged() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = Fixtures.corpusPath("combined_all.log")
        let head = directory.appendingPathComponent("head.log")
        let text = LogEditing.shiftLines(
            LogEditing.duplicatingLines(try LogEditing.corpusText("combined_all.log")) { $0.contains("0x560644f2a4a0") },
            of: "programs/combined_all.das", by: 3)
            .replacingOccurrences(of: "96\tprograms/combined_all.das:49:16", with: "144\tprograms/combined_all.das:49:16")
        try Data(text.utf8).write(to: head)
        let (html, _) = try Self.page(["diff", base, head.path])
        #expect(html.contains("count 2 → 3 (<span class=\"delta up\">+1</span>) · bytes <span class=\"delta up\">+48 B</span>"))
        #expect(html.contains("moved from <code>programs/combined_all.das:46:16</code>"))
    }

    @Test func annotateWritesThePageOnlyToAFile() throws {
        let result = try CLIRunner.run(["annotate", "--format", "html", Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--output"))
    }
}
