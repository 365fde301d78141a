import Foundation
import LeakModel
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `--suppressions FILE`: LeakSanitizer's `leak:<pattern>` lines, matched against the function
/// names and file paths of a finding's frames and its location, on real corpus logs.
@Suite struct SuppressionTests {
    private func suppressions(_ text: String) throws -> Suppressions {
        var suppressions = Suppressions()
        try suppressions.read(text, file: "leaks.supp")
        return suppressions
    }

    /// profiler_many.log: six stacks of 500 allocations in `alloc_rec` reached along different
    /// paths (two through `path_c`, three through `builtin`resize``) and one of 1 in
    /// `builtin`reserve`` from `main`, grouped by allocation site into three findings. A pattern
    /// is checked against each leak's own stack, so suppressing `path_c` lowers two findings'
    /// counts without removing either.
    private func suppressedCount(_ text: String) throws -> (findings: Int, suppressed: Int) {
        let report = try Fixtures.analyse([try Fixtures.corpus("profiler_many.log")], settings: TriageSettings(suppressions: try suppressions(text)))
        return (report.findings.count, report.summary[.profiler]?.suppressed ?? -1)
    }

    @Test(arguments: [
        ("leak:path_c", 3, 1000),                        // a function of one frame (two stacks pass it)
        ("leak:builtin`resize*", 2, 1500),                // a prefix with `*`
        ("leak:daslib/builtin.das", 1, 1501),             // part of a frame's file path
        ("leak:^alloc_rec$", 1, 3000),                    // anchored: the whole function name
        ("leak:^lloc_rec", 3, 0),                         // anchored at the start: no name starts so
        ("leak:programs/*_many.das", 0, 3001),            // the location's file (every finding)
        ("leak:path_a*path_b", 3, 0),                     // `*` stays inside one name, never across frames
        ("# comment\n\n   leak:  path_c  \r\n", 3, 1000), // comments, blank lines, spaces and CRLF
        ("\u{FEFF}leak:path_c\n", 3, 1000),               // a byte-order mark
    ])
    func aPatternSuppressesTheFindingsWithAFrameOrLocationItMatches(_ rules: String, findings: Int, suppressed: Int) throws {
        let result = try suppressedCount(rules)
        #expect(result.findings == findings)
        #expect(result.suppressed == suppressed)
    }

    @Test func windowsPathsMatchPatternsWrittenWithEitherSlash() throws {
        // The same real log as a Windows runner prints it: backslashes in every path.
        let text = String(decoding: try Fixtures.corpus("profiler_many.log"), as: UTF8.self)
            .replacingOccurrences(of: "programs/", with: "D:\\ci\\programs\\")
        #expect(try Fixtures.analyse([Array(text.utf8)]).findings.first?.location?.file.contains("\\") == true)
        for rules in ["leak:ci/programs/profiler_many.das\n", "leak:ci\\programs\\profiler_*\n"] {
            let settings = TriageSettings(suppressions: try suppressions(rules))
            #expect(try Fixtures.analyse([Array(text.utf8)], settings: settings).findings.isEmpty, "\(rules)")
        }
    }

    @Test(arguments: [
        ("leak:x\nrace:y\n", 2, "unknown suppression type 'race'"),
        ("# fine\nleak:\n", 2, "leak: without a pattern"),
        ("\n\npath_c\n", 3, "expected leak:<pattern>"),
    ])
    func aMalformedLineNamesItsLine(_ text: String, line: Int, reason: String) {
        #expect {
            try suppressions(text)
        } throws: { error in
            guard let error = error as? Suppressions.SyntaxError else { return false }
            return error.file == "leaks.supp" && error.line == line && error.reason.hasPrefix(reason)
        }
    }

    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func suppressedLeaksNeverFailTheGateAndAreCountedInTextAndJSON() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = Fixtures.corpusPath("profiler_many.log")
        let some = try write("leak:path_c\n", "some.supp", in: directory)
        let rest = try write("# the others\nleak:alloc_rec\nleak:reserve\n", "rest.supp", in: directory)
        let partly = try CLIRunner.run(["run", "--suppressions", some, log])
        #expect(partly.status == 1)
        #expect(partly.stdout.contains("totals: profiler 3001 (180,000 B) · 1000 suppressed\n"), "\(partly.stdout)")
        // Two files: every finding suppressed, so nothing fails; the totals still count what the log listed.
        let all = try CLIRunner.run(["run", "--format", "json", "--suppressions", some, "--suppressions", rest, log])
        #expect(all.status == 0, "\(all.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        let profiler = try #require((json["summary"] as? [String: Any])?["profiler"] as? [String: Any])
        #expect(profiler["occurrences"] as? Int == 3001)
        #expect(profiler["suppressed"] as? Int == 3001)
        #expect(((json["summary"] as? [String: Any])?["gc_node"] as? [String: Any])?["suppressed"] as? Int == 0)
    }

    @Test func aMalformedFileIsAUsageErrorNamingFileAndLineForEverySubcommand() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = try write("leak:ok\n\nleak_fun:bad\n", "bad.supp", in: directory)
        let log = Fixtures.corpusPath("profiler_many.log")
        for arguments in [["run", log], ["diff", log, log], ["annotate", log], ["replay", "--format", "native", log]] {
            let result = try CLIRunner.run(arguments + ["--suppressions", bad])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("leaktriage: error: invalid suppressions \(bad):3: "), "\(arguments): \(result.stderr)")
        }
        let missing = try CLIRunner.run(["run", "--suppressions", directory.appendingPathComponent("none.supp").path, log])
        #expect(missing.status == 2)
    }

    @Test func aSuppressedLeakIsNeitherNewNorFixedInADiff() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = try write("leak:profiler_many.das\n", "many.supp", in: directory)
        // Base without the leaks, head with them: all new, unless suppressed.
        let base = Fixtures.corpusPath("profiler_basic.log"), head = Fixtures.corpusPath("profiler_many.log")
        let plain = try CLIRunner.run(["diff", "--format", "json", base, head])
        #expect(plain.status == 1)
        let suppressed = try CLIRunner.run(["diff", "--format", "json", "--suppressions", rules, base, head])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(suppressed.stdout.utf8)) as? [String: Any])
        #expect((json["new"] as? [Any])?.isEmpty == true)
        #expect(suppressed.status == 0, "\(suppressed.stderr)")
    }

    @Test func nativeReplayPrintsOnlyTheLeaksNotSuppressed() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = try write("leak:alloc_rec\n", "alloc.supp", in: directory)
        let result = try CLIRunner.run(["replay", "--format", "native", "--suppressions", rules, Fixtures.corpusPath("profiler_many.log")])
        #expect(result.status == 0)
        let leaks = result.stdout.split(separator: "\n").filter { $0.contains("[leak]") }
        #expect(leaks.count == 1)
        #expect(result.stdout.contains("reserve"))
        #expect(!result.stdout.contains("alloc_rec"))
    }
}
