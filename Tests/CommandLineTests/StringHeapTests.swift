import Foundation
import Testing
@testable import LeakTestSupport

/// Strings on daslang's string heap are data whatever they hold: a string that reads like a
/// heap row or any other report line is still one string of its chunk, counted as nothing and
/// printed back by `replay --format native`. Made from real heap logs, with every distinct
/// report line of real logs injected as a string under a string-heap chunk.
@Suite struct StringHeapTests {
    /// A linear string heap (one tab before each string) and a persistent one (string decks, two tabs).
    @Test("report-like strings under a string-heap chunk are strings", arguments: [
        ("heap_report_linear.log", "\tkey_3", 1),
        ("heap_report_default_untracked.log", "\t\tkey_17", 2),
    ])
    func reportLikeStrings(_ name: String, _ before: String, _ indent: Int) throws {
        var lines = try HostileLogs.lines(name)
        let at = try HostileLogs.lineNumber(of: before, in: name) - 1
        #expect(lines[at] == Array(before.utf8))
        let strings = try Self.reportLines() + [Array("q size 99 bytes, at 0x31337".utf8), [], [0x09] + Array("tabbed".utf8)]
        lines.insert(contentsOf: strings.map { Array(repeating: 0x09, count: indent) + $0 }, at: at)
        let directory = try CLIRunner.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        try Data(HostileLogs.joined(lines)).write(to: URL(fileURLWithPath: path))

        let replay = try CLIRunner.run(["replay", "--format", "native", path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stderr.isEmpty)
        // The first line is the program's own; every later one is the report's.
        let expected = String(decoding: HostileLogs.joined(Array(lines.dropFirst())), as: UTF8.self)
        #expect(replay.stdout == expected)

        let original = try CLIRunner.run(["run", "--format", "json", "--strict", Fixtures.corpusPath(name)])
        let injected = try CLIRunner.run(["run", "--format", "json", "--strict", path])
        #expect(injected.status == original.status)
        #expect(try Self.summary(injected) == Self.summary(original))
    }

    /// Every distinct report line of real logs of each detector, without its `[I] ` marker.
    private static func reportLines() throws -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        var result: [[UInt8]] = []
        for name in ["combined_all.log", "heap_report_linear.log", "heap_report_default_untracked.log", "heap_report_many.log",
                     "rwdi_combined_all.stderr", "jobque_capture_leak_traced.log", "hv_server_leak.log"] {
            for var line in try HostileLogs.lines(name).dropFirst() {
                if line.starts(with: Array("[I] ".utf8)) { line.removeFirst(4) }
                if seen.insert(line).inserted { result.append(line) }
            }
        }
        return result
    }

    private static func summary(_ result: CLIRunner.Result) throws -> NSDictionary {
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(document?["summary"] as? NSDictionary)
    }
}
