import LeakModel
import LeakTriage
import Testing
@testable import LeakTestSupport

/// Triage on real logs: order, causes and consequences, known non-leaks, next steps.
@Suite struct TriageTests {
    private func report(_ names: String...) throws -> LeakReport {
        try Fixtures.analyse(try names.map { try Fixtures.corpus($0) })
    }

    @Test func mechanismsComeInTriageOrder() throws {
        let findings = try report("combined_all.log").findings
        let order = findings.map(\.mechanism.triageRank)
        #expect(order == order.sorted())
        #expect(findings.first?.mechanism == .gc)
        #expect(findings.last?.mechanism == .handles)
        #expect(findings.map(\.rank) == Array(1...findings.count))
    }

    @Test func featuresAreConsequencesOfTheirJobStatus() throws {
        let findings = try report("jobque_feature_in_channel.log").findings
        let channel = try #require(findings.first { $0.kind == "Channel" })
        let features = findings.filter { $0.kind == "Feature" }
        #expect(features.count == 2)  // the two owned by #1, and the one embedded in it
        #expect(features.allSatisfy { $0.consequenceOf == channel.fingerprint })
        // The worker Context is kept alive by the Features it owns.
        let context = try #require(findings.first { $0.detector == .smartPtr && $0.kind == "Context" })
        #expect(features.contains { $0.fingerprint == context.consequenceOf })
    }

    @Test func leaksAfterAnExceptionAreItsConsequences() throws {
        let result = try report("profiler_exception.log")
        let panic = try #require(result.panics.first)
        #expect(panic.kind == .exception)
        #expect(panic.location == SourceLocation(file: "programs/profiler_exception.das", line: 27, column: 4))
        #expect(result.findings.allSatisfy { $0.consequenceOf == PanicFingerprint.fingerprint(of: panic) })
    }

    @Test func theCppRuntimeBaselineIsAKnownNonLeak() throws {
        let findings = try report("rwdi_clean_run.log").findings
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == .note && $0.knownNonLeak != nil })
    }

    @Test func cppSitesFollowTheSmartPointersThatOwnThem() throws {
        let findings = try report("rwdi_smartptr_leak.log").findings
        let program = try #require(findings.first { $0.detector == .smartPtr && $0.kind == "Program" })
        let programSites = findings.filter { $0.detector == .cppHeap && $0.stack.contains { $0.function?.contains("das::Program::") ?? false } }
        #expect(!programSites.isEmpty)
        #expect(programSites.allSatisfy { $0.knownNonLeak != nil || $0.consequenceOf == program.fingerprint })
    }

    @Test func stringHeapContentsAreKnownNonLeaks() throws {
        let findings = try report("heap_report_default.log").findings
        let strings = findings.filter { $0.kind == "string" }
        #expect(strings.map(\.count) == [40])
        #expect(strings.allSatisfy { $0.severity == .note })
        #expect(findings.filter { $0.kind == "new [[ ]]" }.map(\.location?.description) == ["programs/heap_report_default.das:22:17"])
    }

    @Test func nextStepsAreCommandsDaslangAccepts() throws {
        let findings = try report("jobque_many_boxes.log", "gc_app_leak.log", "smartptr_leak.log", "heap_report_default_untracked.log").findings
        // Dump ids are hex; --track-job-status takes decimal: #13 is traced as 19.
        let channel = try #require(findings.first { $0.kind == "Channel" && $0.identities.contains("13") })
        #expect(channel.nextStep == "daslang --track-job-status 19 programs/jobque_many_boxes.das")
        // DAS_GC_BREAK_ON_ID takes the decimal id as printed (the first node of the finding).
        let gc = try #require(findings.first { $0.detector == .gcNode && $0.location?.line == 20 && $0.kind == "Expression" })
        #expect(gc.nextStep == "DAS_GC_BREAK_ON_ID=491063 gdb -q -batch -ex run -ex bt --args daslang programs/gc_app_leak.das")
        #expect(gc.nextStepMacOS == "DAS_GC_BREAK_ON_ID=491063 lldb --batch -o run -k bt -k kill -- daslang programs/gc_app_leak.das")
        // --track-smart-ptr takes the hex id as printed.
        let program = try #require(findings.first { $0.detector == .smartPtr && $0.kind == "Program" })
        #expect(program.nextStep?.hasPrefix("gdb -q -batch ") == true)
        #expect(program.nextStep?.contains(" --args daslang --track-smart-ptr 2e7 ") == true)
        #expect(program.nextStepMacOS?.contains(" -- daslang --track-smart-ptr 2e7 ") == true)
        // Untracked heap blocks: rerun with single-dash tracking flags.
        let blocks = try #require(findings.first { $0.detector == .heapReport && $0.kind == "block" })
        #expect(blocks.nextStep?.hasPrefix("daslang -track-allocations -heap-report ") == true)
    }

    @Test func cumulativeGCReportsCountEachNodeOnce() throws {
        let result = try report("multi_script_heap.log")
        #expect(result.findings.filter { $0.detector == .gcNode }.reduce(0) { $0 + $1.count } == 4)
    }
}
