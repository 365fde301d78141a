import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `replay`: traces paired to the addRefs never released, and reports printed again natively.
@Suite struct ReplayTests {
    private func traces(_ name: String) throws -> [TraceAnalysis] {
        try Fixtures.analyse([try Fixtures.corpus(name)]).traces
    }

    @Test func aLockBoxTraceEndsWithTheTwoAddRefsNeverReleased() throws {
        let analyses = try traces("jobque_track_traced.log")
        #expect(analyses.count == 1)
        let trace = try #require(analyses.first)
        #expect(trace.trace.subtype == "LockBox")
        #expect(trace.finalReferenceCount == 2)  // the dump says rc=2
        #expect(trace.unmatched.map { $0.event.location?.description } == ["programs/jobque_track.das:24:16", "programs/jobque_track.das:26:4"])
        #expect(trace.gaps.isEmpty)
    }

    @Test func hiddenCaptureReferencesAreNamed() throws {
        let trace = try #require(try traces("jobque_wait_group_traced.log").first)
        #expect(trace.finalReferenceCount == 1)
        #expect(trace.unmatched.map { $0.event.location?.description } == ["programs/jobque_wait_group_leak.das:16:17"])
        let capture = try #require(try traces("jobque_capture_leak_traced.log").first)
        #expect(capture.unmatched.compactMap(\.hiddenReference).count == 1)
    }

    @Test func aLostTraceLineIsAGap() throws {
        let text = LogEditing.removingLines(try LogEditing.corpusText("jobque_wait_group_traced.log")) { $0.contains("addRef (rc=2)") }
        let trace = try #require(try Fixtures.analyse([Array(text.utf8)]).traces.first)
        #expect(trace.gaps.map { [$0.expected, $0.found] } == [[2, 3]])
    }

    @Test func replayOffersTheFormatsWithAReplayReporterAndNative() throws {
        #expect(OutputFormat.allCases.filter { $0.reporters.replay != nil } == [.text, .json])
        let result = try CLIRunner.run(["replay", "--format", "sarif", Fixtures.corpusPath("jobque_many_boxes_track_dec.log")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Please provide one of 'text', 'json' or 'native'"))
    }

    @Test func theJSONFollowsTheContract() throws {
        let result = try CLIRunner.run(["replay", "--format", "json", Fixtures.corpusPath("jobque_many_boxes_track_dec.log")])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "leaktriage-replay/1")
        let trace = try #require((json["traces"] as? [[String: Any]])?.first)
        // Traced as --track-job-status 11: the object is #b.
        #expect(trace["id"] as? String == "b")
        #expect(trace["id_decimal"] as? Int == 11)
        #expect(trace["final_rc"] as? Int == 1)
    }

    @Test("native replay prints a real log's reports exactly", arguments: ["combined_all.log", "rwdi_combined_all.log", "multi_script_heap.log"])
    func nativeReplayPrintsTheReportsBack(name: String) throws {
        let result = try CLIRunner.run(["replay", "--format", "native", Fixtures.corpusPath(name)])
        #expect(result.status == 0)
        let original = try LogEditing.corpusText(name)
        // Every printed line is a line of the original log, in the same order.
        var remaining = original.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard let index = remaining.firstIndex(of: line) else {
                Issue.record("\(name): \(line) is not in the original in order")
                return
            }
            remaining = remaining[(index + 1)...]
        }
    }

    @Test func nativeOutputKeepsOnlyTheSelectedLeaksWithTotalsRecomputed() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let baseline = directory.appendingPathComponent("b.json").path
        // A baseline of the gc leaks only: everything else is beyond it.
        _ = try CLIRunner.run(["run", "--only", "gc", "--write-baseline", baseline, Fixtures.corpusPath("combined_all.log")])
        let result = try CLIRunner.run(["run", "--format", "native", "--only", "jobque", Fixtures.corpusPath("combined_all.log")])
        #expect(result.stdout == """
              JobStatus #1 (rc=1) Channel created at programs/combined_all.das:66:19
            total 1 leaked JobStatus objects
              Feature #4 owner=#1
              Feature #2
            total 2 leaked Feature objects

            """)
        let beyond = try CLIRunner.run(["replay", "--format", "native", "--baseline", baseline, Fixtures.corpusPath("combined_all.log")])
        #expect(!beyond.stdout.contains("GC APP LEAK"))
        #expect(beyond.stdout.contains("total 1 leaked handles of type WebSocketClient"))
    }

    @Test func diffPrintsTheNewLeakAsDaslangWould() throws {
        let directory = try CLIRunner.temporaryDirectory()
        var head = try LogEditing.corpusText("gc_app_leak.log")
        head = head.replacingOccurrences(
            of: "  node 0x565418af2760: id=491063 type=Expression magic=0x1ee70002 programs/gc_app_leak.das:20:31\n",
            with: "  node 0x565418af2760: id=491063 type=Expression magic=0x1ee70002 programs/gc_app_leak.das:20:31\n"
                + "  node 0x565418af2790: id=491099 type=Function magic=0x1ee70002 programs/gc_app_leak.das:60:5\n")
            .replacingOccurrences(of: "GC APP LEAK: 12", with: "GC APP LEAK: 13").replacingOccurrences(of: "count=12", with: "count=13")
        let headPath = directory.appendingPathComponent("head.log").path
        try head.write(toFile: headPath, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["diff", "--format", "native", Fixtures.corpusPath("gc_app_leak.log"), headPath])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first == "GC APP LEAK: 1 gc_node(s) after execution")
        #expect(lines.last?.hasSuffix("type=Function magic=0x1ee70002 programs/gc_app_leak.das:60:5") == true)
    }
}
