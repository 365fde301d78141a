import Foundation
import LeakModel
import Testing
@testable import LeakTestSupport

/// `leaktriage annotate`, run as CI runs it: the log passes through unchanged and in order,
/// fenced under GitHub Actions so that nothing in it runs as a workflow command, followed by
/// annotations within GitHub's budget; the exit code follows `--fail-on`.
@Suite struct AnnotateCommandTests {
    static let github = ["GITHUB_ACTIONS": "true"]

    /// The lines of `text` as the tests compare them (a last newline ends the last line).
    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The output of a fenced run cut into the fence's token, the lines inside it and the lines after it.
    static func fenced(_ output: String) throws -> (token: String, inside: [Substring], after: [Substring]) {
        let lines = Self.lines(output)
        let opening = try #require(lines.first)
        try #require(opening.hasPrefix("::stop-commands::"), "\(opening)")
        let token = String(opening.dropFirst("::stop-commands::".count))
        #expect(token.count == "leaktriage-".count + 32 && token.hasPrefix("leaktriage-"))
        let closing = try #require(lines.firstIndex(of: "::\(token)::"[...]), "the fence is closed")
        return (token, Array(lines[1..<closing]), Array(lines[(closing + 1)...]))
    }

    @Test func aRealLogPassesThroughFencedAndIsAnnotatedWithinTheBudget() throws {
        let name = "rwdi_combined_all.log"
        let original = String(decoding: try Fixtures.corpus(name), as: UTF8.self)
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = directory.appendingPathComponent("summary.md")
        var environment = Self.github
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        let result = try CLIRunner.run(["annotate"], stdin: Array(original.utf8), environment: environment)

        #expect(result.status == 1, "\(result.stderr)")
        let (token, inside, after) = try Self.fenced(result.stdout)
        #expect(inside == Self.lines(original), "every original line, in order, inside the fence")
        #expect(!original.contains(token))
        let commands = after.compactMap { GitHubCommandLine($0) }
        #expect(commands.count == after.count, "only annotations follow the fence")
        for kind in ["error", "warning", "notice"] {
            #expect(commands.filter { $0.name == kind }.count <= 10, "\(kind)")
        }
        #expect(commands.count <= 50)
        let report = try Fixtures.analyse([try Fixtures.corpus(name)])
        let notShown = report.findings.count + report.diagnostics.count - (commands.count - 1)
        #expect(commands.last?.message.hasPrefix("\(notShown) more not shown") == true, "\(commands.last?.message ?? "")")
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("### leaktriage: \(report.findings.count) findings in &lt;stdin&gt;"))
        for finding in report.findings { #expect(written.contains("\n| \(finding.rank) | \(finding.severity.rawValue) | ")) }
    }

    @Test func linesThatLookLikeWorkflowCommandsStayInsideTheFence() throws {
        let injected = ["::error file=x.das,line=1::pwned", "::stop-commands::guess", "::add-mask::secret", "::leaktriage-0000::",
                        "::set-output name=x::y", "\r::warning::after a carriage return"]
        var lines = Self.lines(String(decoding: try Fixtures.corpus("combined_all.log"), as: UTF8.self)).map(String.init)
        for (offset, line) in injected.enumerated() { lines.insert(line, at: min(lines.count, 1 + offset * 7)) }
        let log = lines.joined(separator: "\n") + "\n"
        let result = try CLIRunner.run(["annotate"], stdin: Array(log.utf8), environment: Self.github)

        let (_, inside, after) = try Self.fenced(result.stdout)
        #expect(inside.map(String.init) == lines)
        for line in injected { #expect(!after.contains { $0.contains(line.trimmingCharacters(in: .newlines)) }) }
        #expect(after.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(result.status == 1)
    }

    @Test func withoutGitHubTheLogPassesThroughUnchangedThenTheTextReport() throws {
        let path = Fixtures.corpusPath("combined_all.log")
        let original = String(decoding: try Fixtures.corpus("combined_all.log"), as: UTF8.self)
        let result = try CLIRunner.run(["annotate", path])
        #expect(result.stdout.hasPrefix(original))
        #expect(!result.stdout.contains("::stop-commands::"))
        #expect(result.stdout.dropFirst(original.count).hasPrefix("\(path): 19 findings"))
        #expect(result.status == 1)
    }

    @Test func aDocumentFormatGoesToItsFileAndOnlyTheLogToStandardOutput() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("leaks.sarif")
        let original = String(decoding: try Fixtures.corpus("smartptr_leak.log"), as: UTF8.self)
        let result = try CLIRunner.run(["annotate", "--format", "sarif", "--output", output.path], stdin: Array(original.utf8))
        #expect(result.stdout == original)
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        let results = (document?["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
        #expect(results?.count == 3)
    }

    @Test("a document format without --output is a usage error", arguments: ["sarif", "json", "junit", "codequality"])
    func aDocumentFormatNeedsAnOutputFile(format: String) throws {
        let result = try CLIRunner.run(["annotate", "--format", format], stdin: Array("x\n".utf8))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--output"))
    }

    @Test func theExitCodeFollowsFailOnAndStrict() throws {
        let leaking = try Fixtures.corpus("combined_all.log")
        #expect(try CLIRunner.run(["annotate"], stdin: leaking).status == 1)
        #expect(try CLIRunner.run(["annotate", "--fail-on", "none"], stdin: leaking).status == 0)
        #expect(try CLIRunner.run(["annotate"], stdin: try Fixtures.corpus("clean_run.log")).status == 0)
        let untrusted = try #require(CorpusExpectation.all.first { $0.untrustworthy })
        #expect(try CLIRunner.run(["annotate", "--strict"], stdin: try Fixtures.corpus(untrusted.name)).status == 3)
        #expect(try CLIRunner.run(["annotate", "--only", "handles", "--format", "github"], stdin: leaking).status == 1)
        #expect(try CLIRunner.run(["annotate", "--only", "nothing"], stdin: leaking).status == 2)
    }

    @Test func anUnreadableLogPrintsNothingAndExits2() throws {
        let result = try CLIRunner.run(["annotate", "/nonexistent/ci.log"], environment: Self.github)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/ci.log"))
    }

    @Test func anUnfinishedLastLineIsEndedBeforeTheFenceCloses() throws {
        let result = try CLIRunner.run(["annotate", "--format", "github"], stdin: Array("no newline at the end".utf8))
        let (token, inside, after) = try Self.fenced(result.stdout)
        #expect(result.stdout == "::stop-commands::\(token)\nno newline at the end\n::\(token)::\n")
        #expect(inside == ["no newline at the end"])
        #expect(after.isEmpty)
        #expect(result.status == 0)
    }

    @Test func anEmptyLogPrintsNoFence() throws {
        let result = try CLIRunner.run(["annotate", "--format", "github"], stdin: [])
        #expect(result.stdout.isEmpty)
        #expect(result.status == 0)
    }

    @Test func theLogIsPassedThroughWhileItIsStillBeingWritten() throws {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["annotate"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        input.fileHandleForWriting.write(Data("first line of a log still being written\n".utf8))
        // The first line must come out while standard input is still open.
        let received = ReceivedBytes()
        let reader = Thread { received.set(output.fileHandleForReading.availableData) }
        reader.start()
        let deadline = Date().addingTimeInterval(20)
        while received.value == nil, Date() < deadline { usleep(10_000) }
        #expect(received.value.map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("first line") == true)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func runWritesTheStepSummaryForGitHub() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = directory.appendingPathComponent("summary.md")
        try Data("earlier step\n".utf8).write(to: summary)
        let result = try CLIRunner.run(["run", "--format", "github", Fixtures.corpusPath("smartptr_leak.log")],
                                       environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(result.status == 1)
        #expect(Self.lines(result.stdout).count == 3)
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n### leaktriage: 3 findings in "), "appended, not replaced")
    }
}

/// Bytes handed from a reader thread.
private final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var value: Data? {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
