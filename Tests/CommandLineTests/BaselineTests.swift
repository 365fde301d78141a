import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// Baselines accept known findings up to their counts, fail on the excess, and only ever shrink.
@Suite struct BaselineTests {
    @Test func aRecordedBaselineAcceptsTheSameRunAndFailsOnMore() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let baseline = directory.appendingPathComponent("leaks.baseline.json").path
        let log = Fixtures.corpusPath("combined_all.log")
        let write = try CLIRunner.run(["run", "--format", "json", "--write-baseline", baseline, log])
        #expect(write.status == 1)
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        let written = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(written?["schema"] as? String == "leaktriage-baseline/1")

        #expect(try CLIRunner.run(["run", "--baseline", baseline, log]).status == 0)
        // Another real run of the same code (other ids and addresses) is still known.
        #expect(try CLIRunner.run(["run", "--baseline", baseline, Fixtures.corpusPath("rwdi_combined_all.stdout")]).status == 0)

        // One more `new [[ ]]` block than recorded: the excess fails.
        let more = LogEditing.duplicatingLines(try LogEditing.corpusText("combined_all.log")) { $0.contains("0x560644f2a4a0") }
        let morePath = directory.appendingPathComponent("more.log").path
        try more.write(toFile: morePath, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["run", "--baseline", baseline, morePath]).status == 1)
    }

    @Test func theGateFailsOnLeaksBeyondTheBaselineNeverOnNotes() throws {
        let findings = try Fixtures.analyse([try Fixtures.corpus("heap_report_default.log")]).findings
        let leaks = findings.filter { $0.severity != .note }
        #expect(!leaks.isEmpty && leaks.count < findings.count)
        #expect(findings.failing(beyond: nil) == leaks)
        #expect(findings.failing(beyond: Baseline(recording: findings)).isEmpty)
        var fewer = Baseline(recording: findings)
        fewer.entries[leaks[0].fingerprint]?.count -= 1
        #expect(findings.failing(beyond: fewer) == [leaks[0]])
    }

    @Test func aReportOfOursServesAsABaseline() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let report = directory.appendingPathComponent("report.json").path
        let log = Fixtures.corpusPath("gc_app_leak.log")
        #expect(try CLIRunner.run(["run", "--format", "json", "--output", report, log]).status == 1)
        #expect(try CLIRunner.run(["run", "--baseline", report, log]).status == 0)
        #expect(try CLIRunner.run(["run", "--baseline", report, Fixtures.corpusPath("combined_all.log")]).status == 1)
    }

    @Test func updatingOnlyLowersCounts() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let baseline = directory.appendingPathComponent("b.json").path
        let full = Fixtures.corpusPath("jobque_many_boxes.log")
        _ = try CLIRunner.run(["run", "--write-baseline", baseline, full])
        let before = try String(contentsOfFile: baseline, encoding: .utf8)
        // A run with fewer LockBoxes lowers their count; a run with new findings adds nothing.
        let fewer = LogEditing.removingLines(try LogEditing.corpusText("jobque_many_boxes.log")) { $0.contains("JobStatus #f ") }
            .replacingOccurrences(of: "total 10 leaked JobStatus", with: "total 9 leaked JobStatus")
        let fewerPath = directory.appendingPathComponent("fewer.log").path
        try fewer.write(toFile: fewerPath, atomically: true, encoding: .utf8)
        _ = try CLIRunner.run(["run", "--update-baseline", baseline, fewerPath, Fixtures.corpusPath("gc_app_leak.log")])
        let after = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(after != before)
        #expect(!after.contains("gc_node"))
        let counts = { (text: String) in try BaselineJSON.parse(Data(text.utf8)).entries.values.map(\.count) }
        #expect(try counts(after).contains(7) && counts(before).contains(8))
        // Raising is never done: the full run again leaves the lowered counts.
        _ = try CLIRunner.run(["run", "--update-baseline", baseline, full])
        #expect(try String(contentsOfFile: baseline, encoding: .utf8) == after)
    }

    /// A baseline written by recipe `v1` (`Tests/Fixtures/baselines`, by leaktriage before `v2`).
    private func legacyBaseline(_ name: String) -> String {
        Fixtures.directory.appendingPathComponent("baselines").appendingPathComponent(name).path
    }

    @Test func aBaselineWrittenWithRecipeV1StillAcceptsItsRun() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let big = directory.appendingPathComponent("big_profiler.log").path
        try Data(try Fixtures.corpus("big_profiler.log.gz")).write(to: URL(fileURLWithPath: big))
        // 21 v1 entries (one per recursion depth) accept the 3 findings v2 makes of them.
        #expect(try CLIRunner.run(["run", "--baseline", legacyBaseline("big_profiler.v1.baseline.json"), big]).status == 0)
        let combined = legacyBaseline("combined_all.v1.baseline.json")
        #expect(try CLIRunner.run(["run", "--baseline", combined, Fixtures.corpusPath("combined_all.log")]).status == 0)
        let more = LogEditing.duplicatingLines(try LogEditing.corpusText("combined_all.log")) { $0.contains("0x560644f2a4a0") }
        let morePath = directory.appendingPathComponent("more.log").path
        try more.write(toFile: morePath, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["run", "--baseline", combined, morePath]).status == 1)
        // Updating rewrites the entries under their v2 fingerprints, and the result accepts the run.
        let updated = directory.appendingPathComponent("updated.json").path
        try FileManager.default.copyItem(atPath: legacyBaseline("big_profiler.v1.baseline.json"), toPath: updated)
        _ = try CLIRunner.run(["run", "--update-baseline", updated, big])
        let rewritten = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: updated))) as? [String: Any])
        let entries = try #require(rewritten["findings"] as? [[String: Any]])
        #expect(entries.map { $0["count"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) } == [1, 12000, 12000])
        #expect(try CLIRunner.run(["run", "--baseline", updated, big]).status == 0)
    }

    @Test func aBrokenBaselineIsExitTwoNamingTheFile() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.json").path
        try "{ not json".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["run", "--baseline", broken, Fixtures.corpusPath("gc_app_leak.log")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.json"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("a baseline of the wrong shape is refused saying what is wrong", arguments: [
        ("{ not json", nil),
        ("[1, 2]", "expected an object with a \"schema\" key"),
        ("{\"schema\": 1}", "expected an object with a \"schema\" key"),
        ("{\"schema\": \"other/1\", \"findings\": []}", "schema \"other/1\" is neither leaktriage-baseline/1 nor leaktriage/1"),
        ("{\"schema\": \"leaktriage-baseline/1\", \"findings\": {}}", "expected a \"findings\" array"),
        ("{\"schema\": \"leaktriage-baseline/1\", \"findings\": [7]}", "expected a \"findings\" array"),
        ("{\"schema\": \"leaktriage-baseline/1\", \"findings\": [{\"fingerprint\": \"a\", \"count\": -1}]}",
         "finding 0 has no fingerprint or no non-negative count"),
        ("{\"schema\": \"leaktriage-baseline/1\", \"findings\": [{\"count\": 1}]}", "finding 0 has no fingerprint or no non-negative count"),
    ] as [(String, String?)])
    func aMisshapenBaselineIsRefused(text: String, reason: String?) {
        #expect {
            _ = try BaselineJSON.parse(Data(text.utf8))
        } throws: { error in
            guard let error = error as? BaselineJSON.ReadError else { return false }
            switch error {
            case .notJSON: return reason == nil
            case let .unexpectedShape(found): return found == reason
            }
        }
    }

    @Test func aBaselineReadsTheFieldsItKnowsAndAddsUpRepeatedFingerprints() throws {
        let text = """
            {"schema": "leaktriage-baseline/1", "findings": [
              {"fingerprint": "a", "count": 2, "detector": "gc_node", "kind": "TypeDecl", "title": "t", "extra": [1]},
              {"fingerprint": "a", "count": 3, "detector": 5},
              {"fingerprint": "b", "count": 0}
            ]}
            """
        let baseline = try BaselineJSON.parse(Data(text.utf8))
        #expect(baseline.entries["a"] == Baseline.Entry(fingerprint: "a", count: 5, detector: "", kind: "", title: ""))
        #expect(baseline.entries["b"]?.count == 0)
        #expect(try BaselineJSON.parse(Data(BaselineJSON.render(baseline).utf8)) == baseline)
        #expect(try BaselineJSON.parse(Data(BaselineJSON.render(Baseline(entries: [:])).utf8)).entries.isEmpty)
    }
}

/// The contract's exit codes and the `run` options, end to end.
@Suite struct RunCommandTests {
    @Test func exitCodesFollowTheContract() throws {
        #expect(try CLIRunner.run([Fixtures.corpusPath("clean_run.log")]).status == 0)
        #expect(try CLIRunner.run([Fixtures.corpusPath("gc_app_leak.log")]).status == 1)
        #expect(try CLIRunner.run(["run", "--fail-on", "none", Fixtures.corpusPath("gc_app_leak.log")]).status == 0)
        #expect(try CLIRunner.run(["run", "--format", "bogus", Fixtures.corpusPath("gc_app_leak.log")]).status == 2)
        #expect(try CLIRunner.run(["run", "/nonexistent/x.log"]).status == 2)
        #expect(try CLIRunner.run(["run", "--strict", Fixtures.corpusPath("smartptr_no_dump_leaks.log")]).status == 3)
        #expect(try CLIRunner.run(["run", Fixtures.corpusPath("smartptr_no_dump_leaks.log")]).status == 1)
        #expect(try CLIRunner.run(["run", "--strict", Fixtures.corpusPath("jobque_capture_leak.log")]).status == 3)
        #expect(try CLIRunner.run(["run", "--strict", Fixtures.corpusPath("combined_all.log")]).status == 1)
    }

    @Test func onlyKeepsTheNamedMechanisms() throws {
        let result = try CLIRunner.run(["run", "--format", "json", "--only", "gc,handles", Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 1)
        let mechanisms = result.stdout.split(separator: "\n").filter { $0.contains("\"mechanism\":") }
        #expect(!mechanisms.isEmpty)
        #expect(mechanisms.allSatisfy { $0.contains("\"gc\"") || $0.contains("\"handles\"") })
        #expect(try CLIRunner.run(["run", "--only", "memory", Fixtures.corpusPath("combined_all.log")]).status == 2)
    }

    @Test func stdinIsReadWithDash() throws {
        let bytes = try Fixtures.corpus("hv_server_leak.log")
        let result = try CLIRunner.run(["run", "--format", "json", "-"], stdin: bytes)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"path\": \"-\""))
        #expect(result.stdout.contains("\"handle_registry\": {\n      \"bytes\": null,\n      \"occurrences\": 5"))
    }

    @Test func theJSONSummaryHasAllSevenDetectors() throws {
        let result = try CLIRunner.run(["run", "--format", "json", Fixtures.corpusPath("clean_run.log")])
        for detector in Detector.allCases { #expect(result.stdout.contains("\"\(detector.rawValue)\": {")) }
        #expect(result.stdout.contains("\"schema\": \"leaktriage/1\""))
    }

    @Test func colourOnlyWhenAsked() throws {
        let log = Fixtures.corpusPath("gc_app_leak.log")
        #expect(!(try CLIRunner.run([log]).stdout.contains("\u{1B}[")))
        #expect(try CLIRunner.run(["run", "--color", "always", log]).stdout.contains("\u{1B}["))
    }
}

/// A hostile baseline file cannot crash the gate.
@Suite struct HostileBaselineTests {
    @Test func hugeRepeatedCountsSaturate() throws {
        let text = """
            {"schema": "leaktriage-baseline/1", "findings": [
              {"fingerprint": "f", "count": \(Int.max)}, {"fingerprint": "f", "count": \(Int.max)}]}
            """
        let directory = try CLIRunner.temporaryDirectory()
        let path = directory.appendingPathComponent("huge.json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["run", "--baseline", path, Fixtures.corpusPath("gc_app_leak.log")])
        #expect(result.status == 1)
    }
}
