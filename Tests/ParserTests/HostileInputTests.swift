import LeakModel
import Testing
@testable import LeakTestSupport

/// What the parser keeps bounded, and the numbers it refuses, on real corpus logs cut, repeated
/// or corrupted: memory does not grow with what a log repeats, and no value a log prints can
/// make a sum overflow or a count be believed when no report could print it.
@Suite struct HostileInputTests {
    @Test func deckCountsWhoseProductOverflowsAreDiagnosed() throws {
        // Deck size and allocated count both at the largest value a line may carry: their product overflows.
        var bytes = try HostileLogs.replacing("decks of size 16\n", with: "decks of size 281474976710656\n", in: "heap_report_default_untracked.log")
        bytes = HostileLogs.replacing(Array("\t3 of 4096,".utf8), with: Array("\t281474976710656 of 4096,".utf8), in: bytes).bytes
        let report = try Fixtures.analyse([bytes])
        #expect(report.diagnostics.contains { $0.message.hasPrefix("deck counts do not add up") && $0.position?.line == 5 })
        #expect(report.isUntrustworthy)
    }

    @Test func numbersBeyondAnyRealReportAreNotRead() throws {
        let bytes = try HostileLogs.replacing("GC APP LEAK: 12 ", with: "GC APP LEAK: 281474976710657 ", in: "gc_app_leak.log")
        let report = try Fixtures.analyse([bytes])
        #expect(report.summary[.gcNode]?.occurrences == 0)
        #expect(report.diagnostics.contains { $0.message.hasPrefix("a gc_node report header could not be read") && $0.position?.line == 2 })
    }

    @Test func theLargestNumberALineMayCarryIsRead() throws {
        let bytes = try HostileLogs.replacing("GC APP LEAK: 12 ", with: "GC APP LEAK: 281474976710656 ", in: "gc_app_leak.log")
        let report = try Fixtures.analyse([bytes])
        #expect(report.summary[.gcNode]?.occurrences == 12)
        #expect(report.diagnostics.contains { $0.message.contains("announces 281474976710656 node(s) but 12 were listed") })
    }

    @Test func aStackDeeperThanTheLimitKeepsItsFirstFrames() throws {
        var lines = try HostileLogs.lines("profiler_basic.log")
        let frame = try HostileLogs.lineNumber(of: "[I]   at ", in: "profiler_basic.log")
        lines.insert(contentsOf: Array(repeating: lines[frame - 1], count: 2000), at: frame)
        let events = try Fixtures.events(HostileLogs.joined(lines))
        let stacks = events.compactMap { event -> [StackFrame]? in
            if case let .occurrence(occurrence) = event { return occurrence.stack }
            return nil
        }
        #expect(stacks.first?.count == 1024)
        #expect(stacks.count == 7)
        #expect(events.contains { event in
            if case let .diagnostic(diagnostic) = event { return diagnostic.message.contains("more than 1024 frames") }
            return false
        })
    }

    @Test func handleLinesWaitingForTheirTypeAreBounded() throws {
        // The documentation's rendering without the type, made from a real line, 5000 times before its total.
        var lines = try HostileLogs.lines("hv_client_leak.log")
        let number = try HostileLogs.lineNumber(of: "  Handle<", in: "hv_client_leak.log")
        let untyped = HostileLogs.replacing(Array("<WebSocketClient>".utf8), with: [], in: lines[number - 1]).bytes
        lines.replaceSubrange((number - 1)..<number, with: Array(repeating: untyped, count: 5000))
        let report = try Fixtures.analyse([HostileLogs.joined(lines)])
        #expect(report.summary[.handleRegistry]?.occurrences == 5000)
        #expect(report.diagnostics.contains { $0.message.contains("handle lines without a type") })
    }

    @Test func aHeapReportWithMoreLocationsThanCheckedStillCountsEveryRow() throws {
        // One real big-stuff row repeated at 5000 different columns.
        var lines = try HostileLogs.lines("heap_report_many.log")
        let number = try HostileLogs.lineNumber(of: "programs/profiler_many.das:19:12", in: "heap_report_many.log")
        let row = lines[number - 1]
        let rows = (1...5000).map { HostileLogs.replacing(Array(":19:12".utf8), with: Array(":19:\($0)".utf8), in: row).bytes }
        lines.insert(contentsOf: rows, at: number)
        let report = try Fixtures.analyse([HostileLogs.joined(lines)])
        #expect(report.summary[.heapReport]?.occurrences == 3001 + 1 + 5000)
        #expect(report.diagnostics.contains { $0.message.contains("bytes per location not checked") })
    }

    @Test("a long line reads the same whatever the chunks", arguments: [1, 7, 4096, 65_536, 65_537, 1 << 20])
    func longLinesAcrossChunks(chunkSize: Int) throws {
        var lines = try HostileLogs.lines("combined_all.log")
        let number = try HostileLogs.lineNumber(of: "  node 0x", in: "combined_all.log")
        lines.insert(Array(repeating: UInt8(ascii: "y"), count: 100_000), at: number)
        lines[number + 1] += Array(repeating: UInt8(ascii: "z"), count: 70_000)
        let bytes = HostileLogs.joined(lines)
        let whole = try Fixtures.analyse([bytes], chunkSize: bytes.count)
        #expect(try Fixtures.analyse([bytes], chunkSize: chunkSize) == whole)
        #expect(whole.summary[.gcNode]?.occurrences == 7)
        #expect(whole.diagnostics.contains { $0.message.hasPrefix("a gc_node line is longer than 65536 bytes") })
    }

    @Test func aLocationNumberNoSourceFileHasStaysInThePath() {
        #expect(SourceLocation(parsing: "programs/a.das:12:7") == SourceLocation(file: "programs/a.das", line: 12, column: 7))
        #expect(SourceLocation(parsing: "programs/a.das:99999999999999999999") == SourceLocation(file: "programs/a.das:99999999999999999999"))
        #expect(SourceLocation(parsing: "programs/a.das:-3:+4") == SourceLocation(file: "programs/a.das:-3:+4"))
        #expect(SourceLocation(parsing: ":5") == nil)
    }
}
