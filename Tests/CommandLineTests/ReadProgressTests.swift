import Foundation
import Testing
@testable import LeakTestSupport

/// Progress while reading, end to end on a pseudo-terminal (`script` from util-linux): a long
/// read on a terminal redraws one line on standard error a few times a second and erases it;
/// nothing shows under CI, when standard error is not a terminal, when a read is short, or while
/// `annotate` copies the log to the terminal; standard output is never touched. The long read is
/// a real log fed to standard input in pieces, with pauses between them.
@Suite(.enabled(if: ExternalTool.isInstalled("script"), "needs script (util-linux) for a pseudo-terminal"))
struct ReadProgressTests {
    static let log = Fixtures.corpusPath("combined_all.log")

    /// A shell command that feeds the log `pieces` times, `pause` seconds apart, into `command`:
    /// by default one piece at once and one a second later, well past the half second after which
    /// progress shows, however late the binary starts.
    static func slowly(_ command: String, pieces: Int = 2, pause: Double = 1) -> String {
        "(cat \(quoted(log)); for i in $(seq \(pieces - 1)); do sleep \(pause); cat \(quoted(log)); done) | \(command)"
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs `command` with a terminal as its standard error (and output, unless it redirects it);
    /// returns what reached the terminal.
    static func onTerminal(_ command: String, environment: [String: String] = [:]) throws -> CLIRunner.Result {
        var variables = ["TERM": "xterm"]
        variables.merge(environment) { _, given in given }
        return try CLIRunner.run(["script", "-qec", command, "/dev/null"], executable: ExternalTool.env,
                                 environment: variables, unsetting: ["CI"])
    }

    /// The progress updates in terminal output, and what is left once they are taken out.
    static func updates(_ output: String) -> (count: Int, rest: String) {
        let pattern = /\rleaktriage: reading <stdin>: [0-9.]+ (B|KiB|MiB), [0-9.]+ (B|KiB|MiB)\/s\u{1B}\[K/
        let count = output.matches(of: pattern).count
        return (count, output.replacing(pattern, with: "").replacingOccurrences(of: "\r\u{1B}[K", with: ""))
    }

    @Test func aLongReadOnATerminalShowsProgressOnStandardErrorAndErasesIt() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.json")
        let binary = Self.quoted(CLIRunner.binary.path)
        let result = try Self.onTerminal(Self.slowly("\(binary) --format json - > \(Self.quoted(output.path))"))

        #expect(result.status == 1, "\(result.stderr)")
        let (count, rest) = Self.updates(result.stdout)
        #expect(count >= 1, "\(result.stdout.debugDescription)")
        #expect(result.stdout.hasSuffix("\r\u{1B}[K"), "the line is erased: \(result.stdout.debugDescription)")
        #expect(rest.isEmpty, "nothing but progress on the terminal: \(rest.debugDescription)")
        let plain = try CLIRunner.run(["--format", "json", "-"], stdin: try Fixtures.corpus("combined_all.log") + Fixtures.corpus("combined_all.log"))
        #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == plain.stdout, "standard output holds the report alone")
    }

    @Test func updatesComeAtMostFourTimesASecond() throws {
        let binary = Self.quoted(CLIRunner.binary.path)
        let started = Date()
        let result = try Self.onTerminal(Self.slowly("\(binary) --format json - > /dev/null", pieces: 40, pause: 0.05))
        let seconds = Date().timeIntervalSince(started)
        let (count, rest) = Self.updates(result.stdout)
        #expect(count >= 2, "\(result.stdout.debugDescription)")
        #expect(Double(count) <= (seconds - 0.5) * 4 + 1, "\(count) updates in \(seconds) s")
        #expect(rest.isEmpty, "\(rest.debugDescription)")
    }

    @Test("nothing shows under CI", arguments: ["true", "1"])
    func silentUnderCI(value: String) throws {
        let binary = Self.quoted(CLIRunner.binary.path)
        let result = try Self.onTerminal(Self.slowly("\(binary) --format json - > /dev/null"), environment: ["CI": value])
        #expect(result.stdout.isEmpty, "\(result.stdout.debugDescription)")
    }

    @Test func silentWhenStandardErrorIsNotATerminal() throws {
        let binary = Self.quoted(CLIRunner.binary.path)
        let result = try CLIRunner.run(["bash", "-c", Self.slowly("\(binary) --format json -")], executable: ExternalTool.env,
                                       environment: ["TERM": "xterm"], unsetting: ["CI"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("reading"), "\(result.stderr.debugDescription)")
        #expect(result.stdout.hasPrefix("{"))
    }

    @Test func aShortReadShowsNothing() throws {
        let result = try Self.onTerminal("\(Self.quoted(CLIRunner.binary.path)) --format json \(Self.quoted(Self.log)) > /dev/null")
        #expect(result.stdout.isEmpty, "\(result.stdout.debugDescription)")
    }

    @Test func annotateCopyingTheLogToTheTerminalShowsNoProgress() throws {
        let binary = Self.quoted(CLIRunner.binary.path)
        let result = try Self.onTerminal(Self.slowly("\(binary) annotate --format text --color never -"))
        #expect(!result.stdout.contains("leaktriage: reading"), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains("findings"), "the report follows the log")
    }
}
