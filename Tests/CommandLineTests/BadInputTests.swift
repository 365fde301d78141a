import Foundation
import Testing
@testable import LeakTestSupport

/// Missing, broken and hostile inputs and outputs, run through the built `leaktriage` binary:
/// each ends with the exit code of `CONTRACT.md` and a one-line message on standard error that
/// names the file (and the line where there is one). Nothing crashes, hangs, or leaves a
/// half-written file. Every hostile log is a real corpus log, cut, repeated or corrupted.
@Suite(.timeLimit(.minutes(10)))
struct BadInputTests {
    // MARK: inputs the tool cannot read

    @Test func aMissingFileExits2NamingIt() throws {
        let path = try CLIRunner.temporaryDirectory().appendingPathComponent("missing.log").path
        let result = try CLIRunner.run(["run", path])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["leaktriage: error: cannot read \(path): No such file or directory"])
        #expect(result.stdout.isEmpty)
    }

    @Test func aDirectoryExits2NamingIt() throws {
        let path = try CLIRunner.temporaryDirectory().path
        let result = try CLIRunner.run(["run", "--format", "json", path])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["leaktriage: error: cannot read \(path): is a directory"])
    }

    @Test func aCompressedLogExits2NamingItInsteadOfReadingAsClean() throws {
        // The corpus ships big logs gzipped; read as text they held no report and passed --strict.
        let gzipped = Array(try Data(contentsOf: Fixtures.directory.appendingPathComponent("corpus/big_profiler.log.gz")))
        let result = try run(on: gzipped, "--strict", name: "big_profiler.log.gz")
        #expect(result.status == 2)
        #expect(stderrLines(result).first
            == "leaktriage: error: cannot read big_profiler.log.gz: gzip-compressed (decompress it first: gzip -dc big_profiler.log.gz | leaktriage -)")
        #expect(result.stdout.isEmpty)
        // A pipe's first chunk tells too (the start only: the tool stops reading, the pipe must not fill).
        let piped = try CLIRunner.run(["run", "-"], stdin: Array(gzipped.prefix(4096)))
        #expect(piped.status == 2)
        #expect(stderrLines(piped).first?.hasPrefix("leaktriage: error: cannot read -: gzip-compressed") == true)
    }

    // MARK: logs with nothing to read

    @Test func anEmptyFileHasNothingToReport() throws {
        let result = try run(on: [], "--format", "json", "--strict")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(try occurrences(result).values.allSatisfy { $0 == 0 })
    }

    @Test func randomBinaryIsReadWithoutFindings() throws {
        let result = try run(on: HostileLogs.noise(count: 4 << 20, seed: 0x5EED), "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try occurrences(result).values.allSatisfy { $0 == 0 })
    }

    // MARK: corrupted report lines

    @Test func nulBytesAndInvalidUTF8InsideReportLinesKeepTheCounts() throws {
        // Every path and context name of a real log gets a NUL byte and bytes that are not UTF-8.
        let corrupt = Array("comb".utf8) + [0x00, 0xFF, 0xC3] + Array("ined".utf8)
        var bytes = try HostileLogs.replacing("combined", with: corrupt, in: "combined_all.log")
        bytes = HostileLogs.replacing(Array("<unnamed>".utf8), with: [0x00] + Array("unnamed".utf8) + [0xFE], in: bytes).bytes
        let result = try run(on: bytes, "--format", "json")
        #expect(result.status == 1)
        let counts = try occurrences(result)
        #expect(counts["gc_node"] == 8 && counts["profiler"] == 7 && counts["heap_report"] == 7 && counts["job_status"] == 3)
        // The JSON stays valid UTF-8 with the NUL escaped.
        #expect(result.stdout.contains("\\u0000"))
    }

    @Test func aTwentyMegabyteLineInsideAReportIsSkipped() throws {
        var lines = try HostileLogs.lines("combined_all.log")
        let inside = try HostileLogs.lineNumber(of: "  node 0x", in: "combined_all.log")
        lines.insert(Array(repeating: UInt8(ascii: "x"), count: 20 << 20), at: inside)
        let result = try run(on: HostileLogs.joined(lines), "--format", "json")
        #expect(result.status == 1)
        #expect(try occurrences(result)["gc_node"] == 8)
    }

    @Test func aTwentyMegabyteReportLineIsNamedNotKept() throws {
        var lines = try HostileLogs.lines("gc_app_leak.log")
        let number = try HostileLogs.lineNumber(of: "  node 0x", in: "gc_app_leak.log")
        lines[number - 1] += Array(repeating: UInt8(ascii: "a"), count: 20 << 20)
        let result = try run(on: HostileLogs.joined(lines), "--format", "json", "--strict", name: "long.log")
        #expect(result.status == 3)
        #expect(stderrLines(result).contains { $0.hasPrefix("leaktriage: warning: ") && $0.contains("long.log:\(number): a gc_node line is longer than") })
        #expect(try occurrences(result)["gc_node"] == 11)
    }

    /// Header counts and sizes no real report prints: too big for 64 bits, or big enough that
    /// adding a few overflows. The line is named and not believed; nothing overflows.
    @Test("absurd counts and sizes are diagnosed, not believed", arguments: [
        AbsurdNumber(log: "gc_app_leak.log", original: "GC APP LEAK: 12 ", absurd: "GC APP LEAK: 99999999999999999999 "),
        AbsurdNumber(log: "profiler_basic.log", original: "(7 allocations", absurd: "(99999999999999999999 allocations"),
        AbsurdNumber(log: "profiler_basic.log", original: "size=0x200 ", absurd: "size=0xffffffffffffffff "),
        AbsurdNumber(log: "smartptr_no_dump_leaks.log", original: "-- 4 smart", absurd: "-- 9223372036854775807 smart"),
        AbsurdNumber(log: "jobque_primitives_leak.log", original: "total 4 leaked", absurd: "total 99999999999999999999 leaked"),
        AbsurdNumber(log: "hv_server_leak.log", original: "total 2 leaked handles of type WebSocketClient",
                     absurd: "total 18446744073709551616 leaked handles of type WebSocketClient"),
        AbsurdNumber(log: "heap_report_default_untracked.log", original: "decks of size 16\n", absurd: "decks of size 281474976710656\n"),
        AbsurdNumber(log: "rwdi_combined_all.stderr", original: "Total live allocations: 1,040",
                     absurd: "Total live allocations: 99,999,999,999,999,999,999,999"),
    ])
    func absurdNumbersAreDiagnosed(_ edit: AbsurdNumber) throws {
        let bytes = try HostileLogs.replacing(edit.original, with: edit.absurd, in: edit.log)
        let result = try run(on: bytes, "--format", "json", "--strict", name: edit.log)
        #expect(result.status == 3, "\(result.stderr)")
        let warnings = stderrLines(result).filter { $0.hasPrefix("leaktriage: warning: \(edit.log):") }
        #expect(!warnings.isEmpty, "\(result.stderr)")
        _ = try occurrences(result)
    }

    @Test func countsThatAddUpBeyond64BitsDoNotOverflow() throws {
        // One real leak entry of the largest size a report may carry, repeated 40,000 times:
        // the sum of their sizes passes Int.max.
        var lines = try HostileLogs.lines("profiler_basic.log")
        let header = try HostileLogs.lineNumber(of: "=== Memory leaks", in: "profiler_basic.log")
        let leak = HostileLogs.replacing(Array("0x200".utf8), with: Array("0x1000000000000".utf8), in: lines[header]).bytes
        let frame = lines[header + 1]
        lines.insert(contentsOf: Array(repeating: [leak, frame], count: 40_000).joined(), at: header + 1)
        let result = try run(on: HostileLogs.joined(lines), "--format", "json")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try occurrences(result)["profiler"] == 40_007)
    }

    // MARK: reports that do not add up

    @Test("a report cut off mid-block is untrustworthy", arguments: [
        ("profiler_basic.log", "[I]   at make_big_leak"),
        ("gc_app_leak.log", "  node 0x"),
        ("jobque_primitives_leak.log", "  JobStatus #3"),
        ("rwdi_combined_all.stderr", "--- Leak site #12:"),
    ])
    func aReportCutOffMidBlock(_ log: String, _ cutAt: String) throws {
        let lines = try HostileLogs.lines(log)
        let keep = try HostileLogs.lineNumber(of: cutAt, in: log)
        // Cut in the middle of that line, as a job panic ending the process does.
        var bytes = HostileLogs.joined(Array(lines[..<keep]))
        bytes.removeLast(lines[keep - 1].count / 2 + 1)
        let result = try run(on: bytes, "--format", "json", "--strict", name: log)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(stderrLines(result).contains { $0.hasPrefix("leaktriage: warning: \(log):") }, "\(result.stderr)")
    }

    @Test("totals that disagree with the rows are untrustworthy", arguments: [
        ("jobque_primitives_leak.log", "total 4 leaked JobStatus", "total 5 leaked JobStatus"),
        ("hv_server_leak.log", "total 2 leaked handles of type WebSocketChannel", "total 3 leaked handles of type WebSocketChannel"),
        ("smartptr_leak.log", "total 4 tracked pointers", "total 3 tracked pointers"),
        ("gc_app_leak.log", "count=12", "count=13"),
        ("rwdi_combined_all.stderr", "=== End report (1,040 leaks", "=== End report (1,041 leaks"),
    ])
    func totalsThatDisagree(_ log: String, _ original: String, _ edited: String) throws {
        let result = try run(on: try HostileLogs.replacing(original, with: edited, in: log), "--format", "json", "--strict", name: log)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(stderrLines(result).contains { $0.hasPrefix("leaktriage: warning: \(log):") }, "\(result.stderr)")
    }

    @Test("a garbage dump after a use-after-free is not a leak",
          arguments: ["jobque_scope_race.log", "jobque_scope_race.stdout", "jobque_scope_race.stderr"])
    func garbageDump(_ log: String) throws {
        let result = try run(on: try Fixtures.corpus(log), "--format", "json", "--strict", name: log)
        #expect(result.status == 3)
        #expect(try occurrences(result)["job_status"] == 0)
        #expect(stderrLines(result).contains { $0.hasPrefix("leaktriage: warning: \(log):") })
    }

    @Test("silenced dumps make the log untrustworthy",
          arguments: ["smartptr_no_dump_leaks.log", "jobque_no_dump_leaks.log", "combined_no_dump_leaks.log"])
    func silencedDumps(_ log: String) throws {
        let result = try run(on: try Fixtures.corpus(log), "--strict", name: log)
        #expect(result.status == 3)
        #expect(stderrLines(result).contains { $0.hasPrefix("leaktriage: warning: \(log):") && $0.contains("--no-dump-leaks") })
    }

    // MARK: standard input and output

    @Test func standardInputReadsLikeAFile() throws {
        let bytes = try Fixtures.corpus("combined_all.log")
        let fromFile = try run(on: bytes, "--format", "json")
        let fromStdin = try CLIRunner.run(["run", "--format", "json", "-"], stdin: bytes)
        #expect(fromStdin.status == 1)
        #expect(try occurrences(fromStdin) == occurrences(fromFile))
    }

    @Test func anUnwritableOutputExits2NamingIt() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let notADirectory = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: notADirectory)
        let output = notADirectory.appendingPathComponent("report.json").path
        let result = try CLIRunner.run(["run", "--output", output, Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 2)
        #expect(stderrLines(result) == ["leaktriage: error: cannot write \(output): Not a directory"])
    }

    @Test func aFailedRunLeavesAnExistingOutputUntouched() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let output = directory.appendingPathComponent("report.json")
        try Data("previous report\n".utf8).write(to: output)
        let missing = directory.appendingPathComponent("missing.log").path
        let result = try CLIRunner.run(["run", "--format", "json", "--output", output.path, Fixtures.corpusPath("combined_all.log"), missing])
        #expect(result.status == 2)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func anOutputThatCannotBeReplacedLeavesNoTemporaryFile() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let output = directory.appendingPathComponent("report.json")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let result = try CLIRunner.run(["run", "--output", output.path, Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 2)
        #expect(stderrLines(result).count == 1 && stderrLines(result)[0].hasPrefix("leaktriage: error: cannot write \(output.path): "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func aFullStandardOutputExits2() throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", Fixtures.corpusPath("combined_all.log")]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.hasSuffix("leaktriage: error: cannot write standard output: No space left on device\n"))
    }

    // MARK: helpers

    /// Runs `leaktriage run arguments… FILE` on `bytes` written to a file called `name`.
    private func run(on bytes: [UInt8], _ arguments: String..., name: String = "input.log") throws -> CLIRunner.Result {
        let directory = try CLIRunner.temporaryDirectory()
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Relative to the directory, so that messages name the file as the user typed it.
        return try CLIRunner.run(["run"] + arguments + [name], directory: directory)
    }

    private func stderrLines(_ result: CLIRunner.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init)
    }

    /// The JSON summary's occurrences per detector; fails when standard output is not that JSON.
    private func occurrences(_ result: CLIRunner.Result) throws -> [String: Int] {
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = try #require(document?["summary"] as? [String: [String: Any]])
        return summary.mapValues { $0["occurrences"] as? Int ?? -1 }
    }
}
