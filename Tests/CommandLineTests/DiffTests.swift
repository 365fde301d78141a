import LeakModel
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `diff` classifies leaks across a code change made to a real log: a fix, a new leak,
/// moved code, a changed count, another checkout.
@Suite struct DiffTests {
    private func report(_ text: String) throws -> LeakReport {
        try Fixtures.analyse([Array(text.utf8)])
    }

    /// combined_all after a change: 3 lines added above everything, the handle released,
    /// one more `new [[ ]]` block kept, and a new gc survivor (one TypeDecl node line copied
    /// to a place further down, with the header counts that go with it).
    private func changedHead() throws -> String {
        var text = try LogEditing.corpusText("combined_all.log")
        text = LogEditing.removingLines(text) { $0.contains("Handle<WebSocketClient>") || $0.contains("leaked handles of type") }
        text = LogEditing.duplicatingLines(text) { $0.contains("0x560644f2a4a0") }
        text = text.replacingOccurrences(of: "96\tprograms/combined_all.das:46:16", with: "144\tprograms/combined_all.das:46:16")
        text = text.replacingOccurrences(
            of: "  node 0x56064528dd20: id=723289 type=TypeDecl magic=0x1ee70001 programs/combined_all.das:54:37\n",
            with: "  node 0x56064528dd20: id=723289 type=TypeDecl magic=0x1ee70001 programs/combined_all.das:54:37\n"
                + "  node 0x56064528dd88: id=723290 type=TypeDecl magic=0x1ee70001 programs/combined_all.das:88:9\n")
        text = text.replacingOccurrences(of: "GC APP LEAK: 8 gc_node(s)", with: "GC APP LEAK: 9 gc_node(s)")
            .replacingOccurrences(of: ": count=8", with: ": count=9")
        text = LogEditing.shiftLines(text, of: "programs/combined_all.das", by: 3)
        return text.replacingOccurrences(of: "programs/combined_all.das", with: "/ci/other-checkout/programs/combined_all.das")
    }

    @Test func aCodeChangeIsClassifiedLeakByLeak() throws {
        let base = try report(try LogEditing.corpusText("combined_all.log"))
        let head = try report(try changedHead())
        #expect(head.diagnostics.isEmpty, "\(head.diagnostics)")
        let diff = DiffEngine.diff(base: base, head: head)
        #expect(diff.new.map(\.detector) == [.gcNode])
        #expect(diff.new.first?.location?.line == 91)
        #expect(diff.fixed.map(\.detector) == [.handleRegistry])
        #expect(diff.persisting.count == base.findings.count - 1)
        let changed = diff.persisting.filter { $0.countDelta != 0 }
        #expect(changed.map(\.countDelta) == [1])
        #expect(changed.first?.bytesDelta == 48)
        // Everything that has a line in the script moved by three lines, and says from where.
        for entry in diff.persisting where entry.finding.location?.file.hasSuffix("combined_all.das") == true {
            #expect(entry.movedFrom.map { $0.line.map { $0 + 3 } } == entry.finding.location.map(\.line))
        }
    }

    @Test func theSameRunTwiceIsAllPersisting() throws {
        let base = try report(try LogEditing.corpusText("combined_all.log"))
        let head = try report(try LogEditing.corpusText("rwdi_combined_all.stdout"))
        let diff = DiffEngine.diff(base: base, head: head)
        #expect(diff.new.isEmpty)
        #expect(diff.fixed.isEmpty)
        #expect(diff.persisting.allSatisfy { $0.countDelta == 0 && $0.movedFrom == nil })
    }

    @Test func aFixedLeakNextToANewOneIsNotAMove() throws {
        // Base: the 12 gc survivors of gc_app_leak. Head: the nodes at line 19 fixed, and new ones at line 40.
        let text = try LogEditing.corpusText("gc_app_leak.log")
        let head = text.replacingOccurrences(of: "gc_app_leak.das:19:", with: "gc_app_leak.das:40:")
        let diff = DiffEngine.diff(base: try report(text), head: try report(head))
        #expect(diff.persisting.filter { $0.movedFrom != nil }.count == 2)
        // A consistent shift of one line's leaks alone reads as a move: both kinds on line 19 moved together.
        #expect(diff.new.isEmpty && diff.fixed.isEmpty)
    }

    @Test func theCommandLineReportsNewAndFailsOnThem() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let headPath = directory.appendingPathComponent("head.log").path
        try changedHead().write(toFile: headPath, atomically: true, encoding: .utf8)
        let base = Fixtures.corpusPath("combined_all.log")
        let json = try CLIRunner.run(["diff", "--format", "json", base, headPath])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"schema\": \"leaktriage-diff/1\""))
        #expect(json.stdout.contains("\"moved_from\": {"))
        let same = try CLIRunner.run(["diff", base, Fixtures.corpusPath("rwdi_combined_all.stdout")])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("0 new, 0 fixed"))
        let shards = try CLIRunner.run(["diff", "--base", base, "--head", Fixtures.corpusPath("gc_app_leak.log"),
                                        "--head", headPath, "--fail-on", "none"])
        #expect(shards.status == 0)
    }
}

/// `diff --baseline`: a new finding already accepted by the baseline does not fail.
@Suite struct DiffBaselineTests {
    @Test func acceptedNewFindingsDoNotFail() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let baseline = directory.appendingPathComponent("b.json").path
        let base = Fixtures.corpusPath("gc_app_leak.log")
        let head = Fixtures.corpusPath("combined_all.log")
        #expect(try CLIRunner.run(["diff", base, head]).status == 1)
        _ = try CLIRunner.run(["run", "--write-baseline", baseline, head])
        #expect(try CLIRunner.run(["diff", "--baseline", baseline, base, head]).status == 0)
    }
}
