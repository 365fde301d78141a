import LeakModel
@testable import LeakParsers
import Testing
@testable import LeakTestSupport

/// Where a profiler block ends: at its header's count, even when its last leak has no frame
/// (dastest prints `PASS tests/….das` right after such a block), while a leak whose frames come
/// after other output is still read whole and the interleaving noted.
@Suite struct ProfilerBlockEndTests {
    @Test("a dastest suite log under the profiler has no diagnostic", arguments: [
        "dt_decs_prof.log.gz", "dt_json_prof.log.gz", "dt_async_prof.log", "dt_functional_prof.log", "dt_hash_map_prof.log",
    ])
    func suiteLogsHaveNoDiagnostic(_ name: String) throws {
        let report = try Fixtures.analyse([try Fixtures.suite(name)])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(report.summary[.profiler]?.occurrences ?? 0 > 0)
    }

    @Test func aBlockWhoseLastLeakHasNoFrameEndsAtItsCount() throws {
        let (lines, lastLeak, frames) = try Self.lastLeakOfProfilerBasic()
        // The last leak's frames removed, the runner's PASS line after the block.
        var edited = lines
        edited.replaceSubrange((lastLeak + 1)..<(lastLeak + 1 + frames.count), with: [try Self.passLine()])
        let report = try Fixtures.analyse([HostileLogs.joined(edited)])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(report.summary[.profiler]?.occurrences == 7)
    }

    @Test("a last leak's frames after interleaved output are read, and the interleaving noted", arguments: [1, 3, 64])
    func framesAfterInterleavedOutput(_ interleaved: Int) throws {
        let (lines, lastLeak, _) = try Self.lastLeakOfProfilerBasic()
        var edited = lines
        edited.insert(contentsOf: Array(repeating: try Self.unrelatedLine(), count: interleaved), at: lastLeak + 1)
        let original = try Self.stacks(HostileLogs.joined(lines))
        let events = try Fixtures.events(HostileLogs.joined(edited))
        #expect(try Self.stacks(HostileLogs.joined(edited)) == original)
        let notes = events.compactMap { event -> Diagnostic? in
            if case let .diagnostic(diagnostic) = event { return diagnostic }
            return nil
        }
        #expect(notes.map(\.message) == ["unrelated output interleaved inside the profiler block of context '<unnamed>'"])
        #expect(notes.first?.position?.line == lastLeak + 2)
    }

    @Test func moreOutputThanAnInterleavingEndsTheBlock() throws {
        let (lines, lastLeak, frames) = try Self.lastLeakOfProfilerBasic()
        var edited = lines
        edited.insert(contentsOf: Array(repeating: try Self.unrelatedLine(), count: ProfilerBlockReader.interleavingWindow + 1), at: lastLeak + 1)
        let stacks = try Self.stacks(HostileLogs.joined(edited))
        #expect(stacks.count == 7)
        #expect(stacks.last?.isEmpty == true)
        #expect(!frames.isEmpty)
    }

    /// Other output of dastest that marks no test boundary (a runner line closes a block whose
    /// count is reached, so it cannot stand for interleaved output): its closing `SUCCESS!` line.
    private static func unrelatedLine() throws -> [UInt8] {
        let lines = try Fixtures.suite("dt_async_prof.log").split(separator: 0x0A).map(Array.init)
        return try #require(lines.first { String(decoding: $0, as: UTF8.self).contains("SUCCESS! (") })
    }

    /// A PASS line of dastest, as a real suite run prints it (colour included).
    private static func passLine() throws -> [UInt8] {
        let lines = try Fixtures.suite("dt_hash_map_prof.log").split(separator: 0x0A).map(Array.init)
        return try #require(lines.first { $0.contains(0x1B) && String(decoding: $0, as: UTF8.self).contains("PASS tests/") })
    }

    /// profiler_basic.log's lines, the index of its last `[leak]` line and that leak's frame lines.
    private static func lastLeakOfProfilerBasic() throws -> (lines: [[UInt8]], lastLeak: Int, frames: [[UInt8]]) {
        let lines = try HostileLogs.lines("profiler_basic.log")
        let lastLeak = try #require(lines.lastIndex { String(decoding: $0, as: UTF8.self).contains("[leak] size=") })
        let frames = lines[(lastLeak + 1)...].prefix { String(decoding: $0, as: UTF8.self).hasPrefix("[I]   at ") }
        return (lines, lastLeak, Array(frames))
    }

    private static func stacks(_ bytes: [UInt8]) throws -> [[StackFrame]] {
        try Fixtures.events(bytes).compactMap { event in
            if case let .occurrence(occurrence) = event { return occurrence.stack }
            return nil
        }
    }
}

/// Other runtimes' stack frames (Java's `  at com.example.Foo(Foo.java:12)`, node's
/// `  at fn (/app/x.js:1:2)`) after a profiler block are not frames of its last leak.
@Suite struct ForeignFrameTests {
    @Test("foreign frames after a block join no stack", arguments: [false, true])
    func foreignFramesAfterABlock(lastLeakHasFrames: Bool) throws {
        var lines = try HostileLogs.lines("profiler_basic.log")
        let lastLeak = try #require(lines.lastIndex { String(decoding: $0, as: UTF8.self).contains("[leak] size=") })
        if !lastLeakHasFrames { lines.removeSubrange((lastLeak + 1)...) }
        // The frames first: right after the block's last line, where a frame of its own would be.
        let foreign = try LookAlikeLog.templates().filter { $0.tool == "java" || $0.tool == "node" }
            .sorted { $0.text.hasPrefix("  at ") && !$1.text.hasPrefix("  at ") }
        #expect(foreign.count >= 5)
        var edited = lines
        for (index, template) in foreign.enumerated() {
            edited.append(Array(LookAlikeLog.line(template, seed: UInt64(index + 1), wrapping: .infoMarker).dropLast()))
        }
        let alone = try Fixtures.events(HostileLogs.joined(lines))
        let withForeign = try Fixtures.events(HostileLogs.joined(edited))
        #expect(withForeign.map { String(describing: $0) } == alone.map { String(describing: $0) })
    }
}
