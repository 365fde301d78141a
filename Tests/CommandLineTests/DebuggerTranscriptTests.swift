import Foundation
import LeakModel
import LeakParsers
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `replay` reads what a gc-node or smart-pointer next step prints under gdb or lldb: the real
/// corpus transcripts (daslang under gdb) and transcripts of gdb 13 and lldb 14 running the
/// stand-in program of `Tests/Fixtures/debugger` with the exact next-step command lines.
@Suite struct DebuggerTranscriptTests {
    private func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.directory.appendingPathComponent(path)))
    }

    private func sessions(_ path: String, chunkSize: Int = 4096) throws -> [DebuggerSessionAnalysis] {
        let bytes = try fixture(path)
        let parser = DebuggerTranscriptParser(input: 0)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            bytes[offset..<end].withUnsafeBytes { parser.feed($0) }
            offset = end
        }
        let findings = try Fixtures.analyse([bytes]).findings
        return parser.finish().map { DebuggerSessionAnalysis($0, findings: findings) }
    }

    @Test func theCorpusSmartPointerRunNamesEveryCallSiteInOrderWithCounts() throws {
        let all = try sessions("corpus/smartptr_track_gdb.log", chunkSize: 777)
        let session = try #require(all.first)
        #expect(all.count == 1)
        #expect(session.transcript.debugger == .gdb)
        #expect(session.transcript.smartPointer?.description == "2e7")
        // INDEX.md: 42 SIGTRAP stops, each with a 6-frame backtrace; the first is Program's constructor.
        #expect(session.transcript.stops.count == 42)
        #expect(session.transcript.stops.allSatisfy { $0.reason == "SIGTRAP" && $0.frames.count == 6 })
        #expect(session.callSites.reduce(0) { $0 + $1.count } == 42)
        #expect(session.callSites.first?.function == "das::Program::Program")
        #expect(session.callSites.first?.count == 1)
        #expect(session.callSites.prefix(4).map(\.function)
            == ["das::Program::Program", "das::parseDaScript", "das::DasParserState::operator=", "das::inferTypesDirty"])
        #expect(session.callSites.last?.function == "das::Program::simulate")
        #expect(Set(session.callSites.map(\.function)).count == session.callSites.count)
        // Then the program's own end: exit code 01, and the dump that still lists 2e7.
        #expect(session.transcript.exit?.code == 1)
        #expect(session.findingsAfter.filter { $0.detector == .smartPtr }.reduce(0) { $0 + $1.count } == 4)
        #expect(session.trackedPointerStillAlive == true)
    }

    @Test func aTranscriptInsideAGitHubLogReadsTheSame() throws {
        // Each line as `gh run view --log` shows it in a job's log: a timestamp before it, CRLF after.
        let lines = String(decoding: try Fixtures.corpus("smartptr_track_gdb.log"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let shaped = lines.map { "2026-11-24T12:00:00.1234567Z " + $0 + "\r" }.joined(separator: "\n")
        let parser = DebuggerTranscriptParser(input: 0)
        Array(shaped.utf8).withUnsafeBytes { parser.feed($0) }
        let session = DebuggerSessionAnalysis(try #require(parser.finish().first), findings: [])
        let plain = try #require(try sessions("corpus/smartptr_track_gdb.log").first)
        #expect(session.callSites == plain.callSites)
        #expect(session.transcript.exit == plain.transcript.exit)
        #expect(session.transcript.smartPointer == plain.transcript.smartPointer)
    }

    @Test func theSuiteGCBreakSaysWhereTheNodeWasMade() throws {
        let session = try #require(try sessions("suite/debugger_gc_break_on_id.log").first)
        #expect(session.transcript.gcNode == 674640)
        #expect(session.isGCNodeBreak)
        #expect(session.transcript.stops.count == 1)
        #expect(session.transcript.stops.first?.frames.count == 14)
        #expect(session.madeBy == ["das::TypeDecl::TypeDecl", "das::ExprTypeDecl::clone",
                                   "das::FusionPoint_Set_Set_VoidPtr::SimNode_Set_Local_Any::eval"])
        // gdb -batch ended the program after the backtrace: no exit line.
        #expect(session.transcript.exit == nil)
    }

    @Test func theSuiteSmartPointerBreakWithoutItsEchoStillNamesTheFirstCallSite() throws {
        // The `tracking 54b aka …` echo was lost: gdb ended the program before stdout was flushed.
        let session = try #require(try sessions("suite/debugger_track_smart_ptr.log").first)
        #expect(session.transcript.smartPointer == nil)
        #expect(!session.isGCNodeBreak)
        #expect(session.callSites.map(\.function) == ["das::ModuleFileAccess::ModuleFileAccess"])
    }

    @Test(arguments: ["debugger/gdb_track_smart_ptr.log", "debugger/lldb_track_smart_ptr.log"])
    func bothDebuggersTranscriptsOfTheSmartPointerStepReadAlike(_ path: String) throws {
        let session = try #require(try sessions(path).first)
        #expect(session.transcript.debugger == (path.contains("lldb") ? .lldb : .gdb))
        #expect(session.transcript.smartPointer?.description == "2e7")
        // os_debug_break and the signal frames are the break's machinery, never a call site.
        #expect(session.callSites.map(\.function) == ["program_program", "parse_das_script", "simulate"])
        #expect(session.callSites.map(\.count) == [1, 2, 1])
        #expect(session.callSites.map { $0.location?.line } == [11, 12, 13])
        #expect(session.transcript.exit?.code == 1)
        #expect(session.trackedPointerStillAlive == true)
    }

    @Test(arguments: ["debugger/gdb_gc_break_on_id.log", "debugger/lldb_gc_break_on_id.log"])
    func bothDebuggersTranscriptsOfTheGCStepReadAlike(_ path: String) throws {
        let all = try sessions(path)
        let session = try #require(all.first)
        #expect(all.count == 1)
        #expect(session.transcript.gcNode == 491063)
        // lldb prints the stop twice (at the stop, then for `bt`): one stop, the longer backtrace kept.
        #expect(session.transcript.stops.count == 1)
        #expect(session.madeBy == ["gc_node_gc_node", "type_decl_clone", "main"])
        // Ended by the debugger (`kill`, or gdb -batch) at the break, not by the program.
        #expect(session.transcript.exit == nil)
    }

    @Test(arguments: ["debugger/gdb_threads.log", "debugger/lldb_threads.log"])
    func breaksInOtherThreadsAreStopsToo(_ path: String) throws {
        // gdb says `Thread 2 "thr" received signal SIGTRAP`; lldb lists the thread without its `*` marker.
        let session = try #require(try sessions(path).first)
        #expect(session.transcript.stops.map(\.reason) == ["SIGTRAP", "SIGTRAP"])
        #expect(session.callSites.map(\.function) == ["worker", "main"])
        #expect(session.transcript.exit?.code == 3)
    }

    @Test func aTranscriptOfEndlessBreaksIsReadInBoundedMemory() throws {
        // The first stop of the corpus run: its announcing line and its first four frames, over and over.
        let lines = String(decoding: try Fixtures.corpus("smartptr_track_gdb.log"), as: UTF8.self).split(separator: "\n")
        let stop = try #require(lines.firstIndex { $0.hasPrefix("Program received signal SIGTRAP") })
        let block = lines[stop...stop + 6].joined(separator: "\n") + "\n"
        let parser = DebuggerTranscriptParser(input: 0)
        let log = Array(String(repeating: block, count: 10_050).utf8)
        log.withUnsafeBytes { parser.feed($0) }
        let transcript = try #require(parser.finish().first)
        #expect(transcript.stops.count == 10_000)
        #expect(transcript.stopsNotKept == 50)
        #expect(transcript.stops.allSatisfy { $0.frames.count == 4 })
        let session = DebuggerSessionAnalysis(transcript, findings: [])
        #expect(session.callSites.map(\.function) == ["das::Program::Program"])
        #expect(session.callSites.first?.count == 10_000)
    }

    @Test func functionNamesLoseTheirParametersButNotTheirTemplates() {
        let session = DebuggerSessionAnalysis(DebuggerTranscript(debugger: .gdb, stops: [
            DebuggerTranscript.Stop(reason: "SIGTRAP", position: LogPosition(input: 0, line: 1), frames: [
                StackFrame(function: "raise"),
                StackFrame(function: "das::SimNode_ExtFuncCall<void (*)(char*), &das::rtti_builtin_compile>::eval(das::Context&)"),
            ]),
            DebuggerTranscript.Stop(reason: "SIGTRAP", position: LogPosition(input: 0, line: 2), frames: [
                StackFrame(function: "das::DasParserState::operator=(das::DasParserState&&) [clone .isra.0]"),
            ]),
            DebuggerTranscript.Stop(reason: "SIGTRAP", position: LogPosition(input: 0, line: 3), frames: [
                StackFrame(function: "(anonymous namespace)::Visitor::operator()(int) const"),
            ]),
        ]), findings: [])
        #expect(session.callSites.map(\.function) == [
            "das::SimNode_ExtFuncCall<void (*)(char*), &das::rtti_builtin_compile>::eval",
            "das::DasParserState::operator=",
            "(anonymous namespace)::Visitor::operator()",
        ])
    }

    @Test func replayPrintsTheSessionAndItsJSON() throws {
        let path = Fixtures.corpusPath("smartptr_track_gdb.log")
        let text = try CLIRunner.run(["replay", path])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.first == "smart pointer 2e7 (--track-smart-ptr 2e7) under gdb: 42 breaks at 17 call sites; then the program exited with code 1")
        #expect(lines.dropFirst().first?.hasPrefix("  made    das::Program::Program ") == true)
        #expect(lines.contains { $0.hasPrefix("  touched das::parseDaScript ") && $0.contains("×4  first at \(path):14") })
        #expect(lines.contains("  2e7 is still alive in the dump after the breaks"))
        let json = try CLIRunner.run(["replay", "--format", "json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let session = try #require((object["debugger_sessions"] as? [[String: Any]])?.first)
        #expect(session["breaks"] as? Int == 42)
        #expect(session["smart_ptr"] as? String == "2e7")
        #expect((session["exit"] as? [String: Any])?["code"] as? Int == 1)
        #expect((session["call_sites"] as? [[String: Any]])?.compactMap { $0["count"] as? Int }.reduce(0, +) == 42)
        // The same bytes on standard input give the same answer.
        let piped = try CLIRunner.run(["replay", "-"], stdin: try Fixtures.corpus("smartptr_track_gdb.log"))
        #expect(piped.stdout.split(separator: "\n").first == lines.first)
    }
}
