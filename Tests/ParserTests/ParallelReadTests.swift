import Foundation
import LeakModel
import LeakParsers
import Testing
@testable import LeakTestSupport

/// A log read by ``ParallelLogReader`` gives exactly the events of the one-thread parser, in
/// the same order, whatever the block size: on every corpus log, the dastest suite logs,
/// look-alike output around real reports, and lines longer than any block.
@Suite(.timeLimit(.minutes(10)))
struct ParallelReadTests {
    static let blockSizes = [7, 4096, 65_537]

    @Test("every corpus log reads the same in parallel", arguments: Fixtures.corpusNames + ["big_profiler.log.gz"])
    func corpusLog(_ name: String) throws {
        try expectSameEvents(try Fixtures.corpus(name), blockSizes: name.hasSuffix(".gz") ? [1 << 20] : Self.blockSizes)
    }

    @Test("suite logs read the same in parallel", arguments: ["dt_decs_prof.log.gz", "dt_async_prof.log", "dt_json_plain.log"])
    func suiteLog(_ name: String) throws {
        try expectSameEvents(try Fixtures.suite(name), blockSizes: [64, 4096, 1 << 20])
    }

    @Test func lookAlikesAndCIShapesAroundReportsReadTheSame() throws {
        var bytes = try LookAlikeLog.log(lines: 3000, seed: 99)
        for shape in CIShape.allCases { bytes += shape.apply(to: try Fixtures.corpus("combined_all.log")) }
        bytes += try LookAlikeLog.log(lines: 500, seed: 7)
        bytes += try Fixtures.corpus("jobque_scope_race.stdout")
        try expectSameEvents(bytes, blockSizes: Self.blockSizes)
    }

    @Test func linesLongerThanABlockAreCutAsTheParserCutsThem() throws {
        var lines = try HostileLogs.lines("combined_all.log")
        let node = try HostileLogs.lineNumber(of: "  node 0x", in: "combined_all.log")
        lines[node] += Array(repeating: UInt8(ascii: "a"), count: 3 << 20)
        lines.insert(Array(repeating: UInt8(ascii: "y"), count: 100_000) + [0x0D], at: node)
        lines.insert(Array(repeating: UInt8(ascii: "\t"), count: 65_536) + [0x0D], at: 2)
        var bytes = HostileLogs.joined(lines)
        // The last line without a newline, longer than a block.
        bytes += Array("  node 0x1: id=".utf8) + Array(repeating: UInt8(ascii: "9"), count: 2 << 20)
        try expectSameEvents(bytes, blockSizes: [7, 65_536, 65_537, 1 << 20])
    }

    @Test func anEmptyFileHasNoLines() throws {
        try expectSameEvents([], blockSizes: [1, 4096])
    }

    /// The events and line count of the one-thread parser fed in chunks, as `run` feeds it.
    private static func sequentialEvents(_ bytes: [UInt8]) throws -> (events: [LogEvent], lines: Int) {
        var events: [LogEvent] = []
        let parser = try LogParser(input: 0) { events.append($0) }
        bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(start + 65_536, raw.count)
                parser.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        parser.finish()
        return (events, parser.lineCount)
    }

    private func expectSameEvents(_ bytes: [UInt8], blockSizes: [Int]) throws {
        let sequential = try Self.sequentialEvents(bytes)
        let url = try CLIRunner.temporaryDirectory().appendingPathComponent("log")
        try Data(bytes).write(to: url)
        for blockSize in blockSizes {
            let descriptor = open(url.path, O_RDONLY)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            var events: [LogEvent] = []
            let parser = try LogParser(input: 0) { events.append($0) }
            let totals = try ParallelLogReader.read(descriptor, into: parser, blockSize: blockSize)
            #expect(totals.bytes == bytes.count)
            #expect(totals.lines == sequential.lines, "block size \(blockSize)")
            #expect(events.map { String(describing: $0) } == sequential.events.map { String(describing: $0) }, "block size \(blockSize)")
        }
    }
}

/// `run` reads a large file with two threads and a pipe with one: the same JSON but for the input's name.
@Suite(.timeLimit(.minutes(10)))
struct ParallelRunTests {
    @Test func aLargeFileAndThePipeGiveTheSameReport() throws {
        var bytes = try Fixtures.corpus("big_profiler.log.gz")
        bytes += try LookAlikeLog.log(lines: 20_000, seed: 5) + (try Fixtures.corpus("combined_all.log"))
        #expect(bytes.count >= ParallelLogReader.minimumSize)
        let url = try CLIRunner.temporaryDirectory().appendingPathComponent("large.log")
        try Data(bytes).write(to: url)
        let file = try CLIRunner.run(["run", "--format", "json", url.path])
        let pipe = try CLIRunner.run(["run", "--format", "json", "-"], stdin: bytes)
        #expect(file.status == pipe.status)
        #expect(file.stderr == pipe.stderr.replacingOccurrences(of: "<stdin>:", with: url.path + ":"))
        var fromFile = try #require(try JSONSerialization.jsonObject(with: Data(file.stdout.utf8)) as? [String: Any])
        var fromPipe = try #require(try JSONSerialization.jsonObject(with: Data(pipe.stdout.utf8)) as? [String: Any])
        let fileInputs = try #require(fromFile.removeValue(forKey: "inputs") as? [[String: Any]])
        let pipeInputs = try #require(fromPipe.removeValue(forKey: "inputs") as? [[String: Any]])
        #expect(fileInputs.first?["lines"] as? Int == pipeInputs.first?["lines"] as? Int)
        #expect(fileInputs.first?["bytes"] as? Int == bytes.count)
        #expect(NSDictionary(dictionary: fromFile) == NSDictionary(dictionary: fromPipe))
    }
}
