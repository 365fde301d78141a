import Foundation
import LeakModel
import Testing
@testable import LeakTestSupport

/// Lines of other tools' output that share a first word or a shape with a report line
/// (`JobStatus #12 queued`, `total 48`, `  at com.example.Foo(Foo.java:12)`, `FATAL: …`) are
/// ordinary output: a log of them alone has no finding and no diagnostic, and around real
/// reports they change nothing.
@Suite(.timeLimit(.minutes(10)))
struct LookAlikeTests {
    @Test func theTemplatesCoverManyTools() throws {
        let templates = try LookAlikeLog.templates()
        #expect(Set(templates.map(\.tool)).count >= 30)
        #expect(templates.count >= 120)
    }

    @Test("a look-alike line is ordinary output however CI wraps it", arguments: try LookAlikeLog.templates())
    func aLookAlikeLineIsOrdinary(_ template: LookAlikeLog.Template) throws {
        for wrapping in LookAlikeLog.Wrapping.allCases {
            for seed in 1...4 as ClosedRange<UInt64> {
                let line = LookAlikeLog.line(template, seed: seed, wrapping: wrapping)
                // dastest's own lines are context (which test file a block belongs to), never report lines.
                let events = try Fixtures.events(line).filter { event in
                    if case .testRunner = event { return template.tool != "dastest" }
                    return true
                }
                #expect(events.isEmpty, "\(String(decoding: line, as: UTF8.self)): \(events)")
            }
        }
    }

    @Test func aLogOfLookAlikesIsCleanUnderStrict() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let path = directory.appendingPathComponent("lookalike.log")
        try Data(LookAlikeLog.log(lines: 50_000, seed: 0x10C4)).write(to: path)
        for format in ["json", "text"] {
            let result = try CLIRunner.run(["run", "--strict", "--format", format, path.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.isEmpty)
            if format == "json" {
                let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                #expect((document["findings"] as? [Any])?.isEmpty == true)
                #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test("dastest's own output is ordinary", arguments: ["dt_decs_plain.log", "dt_json_plain.log"])
    func dastestOutputIsOrdinary(_ name: String) throws {
        let report = try Fixtures.analyse([try Fixtures.suite(name)])
        #expect(report.findings.isEmpty)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    /// Every corpus log with look-alike output before it, after it, and before each report
    /// header: the same counts and the same diagnostics as the log alone.
    @Test func lookAlikesAroundRealReportsChangeNothing() throws {
        let headers = ["=== Memory leaks in context '", "GC APP LEAK", "GC COMPILE LEAK", "--- heap report ---",
                       "FATAL: exiting with code 1 --", "=== daslang C++ heap leak report"].map { Array($0.utf8) }
        for (index, name) in Fixtures.corpusNames.enumerated() {
            let lines = try HostileLogs.lines(name)
            var mixed = try LookAlikeLog.log(lines: 150, seed: UInt64(index) + 1)
            for (number, line) in lines.enumerated() {
                let content = line.starts(with: Array("[I] ".utf8)) ? Array(line.dropFirst(4)) : line
                if headers.contains(where: { content.starts(with: $0) }) {
                    mixed += try LookAlikeLog.log(lines: 40, seed: UInt64(index << 20 | number))
                }
                mixed += line + [0x0A]
            }
            let alone = try Fixtures.analyse([try Fixtures.corpus(name)])
            // A dump cut off at the end of the log (no total line) is still open there: what
            // follows it sits inside it and is named when it starts like its entries.
            if !alone.diagnostics.contains(where: { $0.message.contains("ends without its total line") }) {
                mixed += try LookAlikeLog.log(lines: 150, seed: UInt64(index) + 7)
            }
            let withLookAlikes = try Fixtures.analyse([mixed])
            #expect(withLookAlikes.summary == alone.summary, "\(name)")
            #expect(withLookAlikes.diagnostics.map(\.message) == alone.diagnostics.map(\.message), "\(name)")
        }
    }
}

/// The other side: a real report line whose structure is intact but whose number no report
/// could print is still named, not taken for a look-alike.
@Suite struct HalfRecognisedStructureTests {
    @Test("a real line with an absurd number keeps its diagnostic", arguments: [
        AbsurdNumber(log: "combined_all.log", original: "count=8", absurd: "count=99999999999999999999"),
        AbsurdNumber(log: "combined_all.log", original: ": id=723282 ", absurd: ": id=99999999999999999999 "),
        AbsurdNumber(log: "jobque_primitives_leak.log", original: "#1 (rc=2) Channel", absurd: "#1 (rc=99999999999999999999) Channel"),
        AbsurdNumber(log: "combined_all.log", original: "Feature #4 owner=#1", absurd: "Feature #4 owner=#11111111111111111"),
        AbsurdNumber(log: "hv_server_leak.log", original: "idx=0 gen=1 (rc=1)", absurd: "idx=99999999999999999999 gen=1 (rc=1)"),
        AbsurdNumber(log: "jobque_capture_leak_traced.log", original: "addRef (rc=0)", absurd: "addRef (rc=99999999999999999999)"),
        AbsurdNumber(log: "smartptr_leak.log", original: "total 4 tracked", absurd: "total 99999999999999999999 tracked"),
    ])
    func absurdNumberInAnEntryLine(_ edit: AbsurdNumber) throws {
        let bytes = try HostileLogs.replacing(edit.original, with: edit.absurd, in: edit.log)
        let line = try HostileLogs.lineNumber(of: edit.original, in: edit.log)
        let report = try Fixtures.analyse([bytes])
        #expect(report.diagnostics.contains { $0.position?.line == line && $0.message.contains("could not be read") && $0.untrustworthy },
                "\(report.diagnostics.map(\.message))")
    }
}
