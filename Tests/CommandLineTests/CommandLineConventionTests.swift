import Foundation
import LeakModel
import Testing
@testable import LeakTestSupport

/// The conventions every command line has, on the built binary: `--version` from the one
/// version in the package, usage errors said once as `leaktriage: error: <message>`, and
/// shell completions.
@Suite struct CommandLineConventionTests {
    @Test("--version prints the package's version", arguments: [["--version"], ["run", "--version"], ["diff", "--version"]])
    func versionPrintsThePackageVersion(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == ToolVersion.current + "\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func scriptsVersionReadsTheSameVersion() throws {
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/version")
        let result = try CLIRunner.run([], executable: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == ToolVersion.current + "\n")
    }

    @Test("a usage error is one 'leaktriage: error:' line, no 'Error:' inside", arguments: [
        ([String](), "give at least one log file, or '-' for standard input"),
        (["--no-such-option", "x.log"], "Unknown option '--no-such-option'"),
        (["diff", "a.log"], "diff takes two logs: <base.log> <head.log>"),
        (["--format", "yaml", "x.log"],
         "The value 'yaml' is invalid for '--format <format>'. Please provide one of the following: text, json, sarif, github, junit, codequality, html, native"),
    ])
    func usageErrorsSayErrorOnce(arguments: [String], message: String) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first.map(String.init) == "leaktriage: error: \(message)", "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error:").count == 2, "\(result.stderr)")
        #expect(lines.last == "leaktriage: note: see 'leaktriage --help'")
    }

    @Test("shell completions come from ArgumentParser", arguments: [
        ("bash", "#!/bin/bash"), ("zsh", "#compdef leaktriage"), ("fish", "complete -c 'leaktriage'"),
    ])
    func completionScripts(shell: String, start: String) throws {
        let result = try CLIRunner.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(start))
        for subcommand in ["run", "diff", "replay", "annotate", "fail-on"] {
            #expect(result.stdout.contains(subcommand), "\(shell) completes \(subcommand)")
        }
    }

    @Test func sarifNamesTheVersionOfTheTool() throws {
        let result = try CLIRunner.run(["--format", "sarif", "--fail-on", "none", Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "leaktriage")
        #expect(driver["version"] as? String == ToolVersion.current)
        #expect(driver["semanticVersion"] as? String == ToolVersion.current)
    }
}
