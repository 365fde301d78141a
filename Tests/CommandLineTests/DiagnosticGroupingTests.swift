import Foundation
import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// Diagnostics of the same kind are one line on standard error and in the text report, with
/// their count and first and last place; the JSON keeps each one and adds the groups.
struct DiagnosticGroupingTests {
    /// Many runs in one CI log: each real corpus log that gives a diagnostic (a job panic, a
    /// silenced dump, a rejected option, a gc break, a crash), repeated 300 times.
    static let repeatedLogs = [
        "jobque_capture_leak.log", "combined_no_dump_leaks.log", "jobque_many_boxes_track_hex_rejected.log",
        "combined_single_dash_no_dump_leaks.log", "gc_break_on_id.log", "hv_no_dump_leaks.log",
    ]
    static let repetitions = 300

    static func ciLog() throws -> [UInt8] {
        var log: [UInt8] = []
        let pieces = try repeatedLogs.map(Fixtures.corpus)
        for _ in 0..<repetitions { for piece in pieces { log += piece } }
        return log
    }

    @Test func aLogRepeatingDiagnosticsHundredsOfTimesFitsAScreenOnStandardError() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ci.log").path
        try Data(try Self.ciLog()).write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["run", path])
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count <= 40)
        #expect(result.stdout.split(separator: "\n").count < 200)
        let panic = try #require(lines.first { $0.contains("a job panicked (JOB EXCEPTION)") })
        #expect(panic.contains("×\(Self.repetitions), first at \(path):"))
        #expect(panic.contains(", last at \(path):"))
        // Every stderr diagnostic line is also in the text report, the same grouping.
        let textPanic = try #require(result.stdout.split(separator: "\n").first { $0.contains("a job panicked (JOB EXCEPTION)") })
        #expect(textPanic.hasSuffix(panic.split(separator: ": ", maxSplits: 2).last.map(String.init) ?? "?"))
    }

    @Test func gitHubGetsOneAnnotationPerKindWithItsCount() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ci.log").path
        try Data(try Self.ciLog()).write(to: URL(fileURLWithPath: path))
        let result = try CLIRunner.run(["run", "--format", "github", "--root", directory.path, path])
        let panics = result.stdout.split(separator: "\n").filter { $0.contains("a job panicked (JOB EXCEPTION)") }
        #expect(panics.count == 1)
        #expect(panics.first?.hasPrefix("::warning title=leaktriage%3A this log may not show every leak::") == true)
        #expect(panics.first?.contains("×\(Self.repetitions), first at ") == true)
    }

    @Test func jsonKeepsEachDiagnosticAndAddsGroupsThatCountEveryOne() throws {
        let report = try Fixtures.analyse([try Self.ciLog()], chunkSize: 1 << 16)
        let total = report.diagnosticGroups.reduce(0) { $0 + $1.count }
        #expect(total > 500)
        #expect(report.diagnostics.count == 501)  // the kept ones and the note that counts the rest
        #expect(report.diagnostics.last?.message == "\(total - 500) more diagnostics not shown")
        let json = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(report, options: RenderOptions()).utf8))
        let groups = try #require((json as? [String: Any])?["diagnostic_groups"] as? [[String: Any]])
        #expect(groups.count == report.diagnosticGroups.count)
        #expect(groups.compactMap { $0["count"] as? Int }.reduce(0, +) == total)
        let panic = try #require(groups.first { ($0["template"] as? String)?.hasPrefix("a job panicked") == true })
        #expect(panic["count"] as? Int == Self.repetitions)
        #expect((panic["first"] as? [String: Any])?["line"] as? Int != (panic["last"] as? [String: Any])?["line"] as? Int)
    }

    @Test func kindIsTheMessageTemplateNotItsText() throws {
        // The same rejected option at different ids and lines is one kind; its varying parts show as "…".
        let log = try Fixtures.corpus("jobque_many_boxes_track_hex_rejected.log")
        let edited = String(decoding: log, as: UTF8.self)
        let other = edited.replacingOccurrences(of: "got b", with: "got 0x1f")
        let report = try Fixtures.analyse([log + Array("noise\n".utf8) + Array(other.utf8)])
        #expect(report.diagnostics.count == 2)
        #expect(report.diagnostics[0].message != report.diagnostics[1].message)
        #expect(report.diagnosticGroups.count == 1)
        let group = try #require(report.diagnosticGroups.first)
        #expect(group.count == 2)
        #expect(!group.sameMessage)
        #expect(group.message == "daslang rejected --track-job-status …: it takes a decimal id (dump ids are hex); no leak report was produced")
        let line = try #require(DiagnosticLines().lines(report.diagnosticGroups, in: report).first)
        #expect(line.text.hasSuffix("×2, first at input0:1, last at input0:3"))
    }

    @Test func kindWordsStayInTheTemplate() {
        let name = "GC APP LEAK report"
        let message: DiagnosticMessage = "\(kind: name) announces \(12) node(s) but \(3) were listed"
        #expect(message.text == "GC APP LEAK report announces 12 node(s) but 3 were listed")
        #expect(message.template == "GC APP LEAK report announces … node(s) but … were listed")
    }

    @Test func moreKindsThanAScreenEndWithOneNoteCountingTheRest() {
        let diagnostics = (0..<50).map { index in
            Diagnostic(severity: index.isMultiple(of: 2) ? .note : .warning, position: LogPosition(input: 0, line: index + 1),
                       message: "kind \(index)", untrustworthy: false)
        }
        let report = LeakReport(inputs: [InputSummary(path: "ci.log", lines: 50, bytes: 500)], summary: [:], findings: [],
                                panics: [], traces: [], diagnostics: diagnostics)
        let lines = DiagnosticLines().lines(report.diagnosticGroups, in: report)
        #expect(lines.count == DiagnosticLines.defaultLimit)
        // Warnings come before notes, so the ones left out are notes.
        #expect(lines.prefix(DiagnosticLines.defaultLimit - 1).allSatisfy { $0.severity == .warning })
        #expect(lines.last?.text == "36 more kinds of diagnostic (36 in all) not shown; --format json lists them")
    }
}
