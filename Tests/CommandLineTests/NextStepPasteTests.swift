import Foundation
import LeakModel
@testable import LeakTriage
import Testing
@testable import LeakTestSupport

/// Each kind of next step, pasted into `sh -c` with fake `daslang`, `gdb` and `lldb` first on
/// `PATH`: the fakes record the command line they received, which must be what the step means.
@Suite struct NextStepPasteTests {
    private func finding(in log: String, _ matches: (Finding) -> Bool) throws -> Finding {
        try #require(try Fixtures.analyse([try Fixtures.corpus(log)]).findings.first(where: matches))
    }

    private func paste(_ command: String?) throws -> [String] {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try FakeTools(in: directory).paste(try #require(command))
    }

    @Test func aGCStepBreaksOnceUnderGDBWithTheIdInTheEnvironment() throws {
        let gc = try finding(in: "gc_app_leak.log") { $0.detector == .gcNode && $0.location?.line == 20 && $0.kind == "Expression" }
        #expect(try paste(gc.nextStep) == [
            "gdb [-q] [-batch] [-ex] [run] [-ex] [bt] [--args] [daslang] [programs/gc_app_leak.das] env[491063]",
            "daslang [programs/gc_app_leak.das] env[491063]",
        ])
        #expect(try paste(gc.nextStepMacOS) == [
            "lldb [--batch] [-o] [run] [-k] [bt] [-k] [kill] [--] [daslang] [programs/gc_app_leak.das] env[491063]",
            "daslang [programs/gc_app_leak.das] env[491063]",
        ])
    }

    @Test func aSmartPointerStepContinuesThroughEveryBreakWithAShortBacktrace() throws {
        let program = try finding(in: "smartptr_leak.log") { $0.detector == .smartPtr && $0.kind == "Program" }
        let received = try paste(program.nextStep)
        #expect(received.count == 2)
        #expect(received.first?.hasPrefix("gdb [-q] [-batch] [-ex] [handle SIGTRAP stop print] [-ex] [run] [-ex] [bt 6] "
            + "[-ex] [python while gdb.selected_inferior().pid: gdb.execute(\"continue\"); "
            + "gdb.execute(\"bt 6\") if gdb.selected_inferior().pid else None] "
            + "[--args] [daslang] [--track-smart-ptr] [2e7] ") == true)
        #expect(received.last?.hasPrefix("daslang [--track-smart-ptr] [2e7] ") == true)
        let macOS = try paste(program.nextStepMacOS)
        #expect(macOS.first?.hasPrefix("lldb [--batch] [-o] [target stop-hook add --one-liner \"bt 6\" --auto-continue true] [-o] [run] "
            + "[--] [daslang] [--track-smart-ptr] [2e7] ") == true)
        #expect(macOS.count == 2)
    }

    @Test func aJobStatusStepRunsDaslangWithTheDecimalId() throws {
        let channel = try finding(in: "jobque_many_boxes.log") { $0.kind == "Channel" && $0.identities.contains("13") }
        #expect(try paste(channel.nextStep) == ["daslang [--track-job-status] [19] [programs/jobque_many_boxes.das] env[]"])
        #expect(channel.nextStepMacOS == nil)
    }

    @Test func aHeapStepRunsDaslangWithTracking() throws {
        let blocks = try finding(in: "heap_report_default_untracked.log") { $0.detector == .heapReport && $0.kind == "block" }
        let received = try paste(blocks.nextStep)
        #expect(received.count == 1)
        #expect(received.first?.hasPrefix("daslang [-track-allocations] [-heap-report] ") == true)
    }

    /// A draft of one smart-pointer or gc-node occurrence, for steps with paths a corpus log does not hold.
    private func draft(_ payload: Occurrence.Payload) -> FindingDraft {
        var draft = FindingDraft(first: Occurrence(payload, position: LogPosition(input: 0, line: 1)))
        draft.add(draft.first)
        return draft
    }

    @Test func aTestRunByDastestIsRerunThroughTheRunner() throws {
        let steps = NextStep.commands(for: draft(.smartPointer(.context(name: ""), id: HexNumber(0x54b))), script: "ignored.das",
                                      testFile: "tests/strings/view parity.das")
        #expect(try paste(steps.command).last
            == "daslang [--track-smart-ptr] [54b] [dastest/dastest.das] [--] [--test] [tests/strings/view parity.das] env[]")
        #expect(try paste(steps.macOS).last
            == "daslang [--track-smart-ptr] [54b] [dastest/dastest.das] [--] [--test] [tests/strings/view parity.das] env[]")
        let gc = NextStep.commands(for: draft(.gcNode(type: "TypeDecl", phase: .app, id: 674640)), script: "ignored.das",
                                   testFile: "tests/decs/test_gc.das")
        #expect(try paste(gc.command).last == "daslang [dastest/dastest.das] [--] [--test] [tests/decs/test_gc.das] env[674640]")
    }

    @Test func scriptsThatNeedQuotingArriveAsOneArgument() throws {
        let steps = NextStep.commands(for: draft(.gcNode(type: "TypeDecl", phase: .app, id: 7)), script: "my game/it's $HOME.das")
        #expect(try paste(steps.command).last == "daslang [my game/it's $HOME.das] env[7]")
        #expect(try paste(steps.macOS).last == "daslang [my game/it's $HOME.das] env[7]")
    }
}
