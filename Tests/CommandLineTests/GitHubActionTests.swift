import Foundation
import LeakModel
import Testing
@testable import LeakTestSupport

/// `action.yml`, the composite GitHub Action: it parses as one with the documented inputs, its
/// scripts take inputs only through `env` (an input never becomes shell code), and run as the
/// runner runs them it installs a release archive (checked against its SHA-256) and annotates a
/// real log. The "release" is a local folder laid out as GitHub serves one (`file://` through
/// `GITHUB_SERVER_URL`), holding the development binary packed as `scripts/package` packs it.
@Suite(.enabled(if: ExternalTool.hasPythonYAML, "needs python3 with its yaml module (Debian python3-yaml) to read action.yml"))
struct GitHubActionTests {
    static let repository = "daslang-tools/leaktriage"

    @Test func itIsACompositeActionWithTheDocumentedInputs() throws {
        let action = try CompositeAction()
        #expect(action.document["name"] as? String == "leaktriage")
        #expect(action.document["description"] is String)
        #expect(action.runs["using"] as? String == "composite")
        #expect(Set(action.inputs.keys) == ["log", "format", "fail-on", "baseline", "sarif", "output"])
        #expect(action.inputs["log"]?["required"] as? Bool == true)
        for (name, input) in action.inputs {
            #expect(input["description"] is String, "input \(name) has a description")
            if name != "log" { #expect(input["required"] as? Bool == false, "input \(name) is optional") }
        }
        #expect(action.inputs["format"]?["default"] as? String == "github")
        #expect(action.inputs["fail-on"]?["default"] as? String == "any")
        #expect(action.steps.contains { $0.run?.contains("annotate") == true })
    }

    @Test func everyStepIsABashScriptThatGetsInputsOnlyThroughItsEnvironment() throws {
        let action = try CompositeAction()
        #expect(!action.steps.isEmpty)
        for step in action.steps {
            #expect(step.shell == "bash", "\(step.name)")
            let run = try #require(step.run, "\(step.name) runs a script")
            #expect(!run.contains("${{"), "\(step.name) puts an expression into its script")
        }
    }

    @Test func itInstallsTheReleaseArchiveAndAnnotatesARealLog() throws {
        let (directory, environment) = try Self.release()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sarif = directory.appendingPathComponent("leaks.sarif")
        let results = try CompositeAction().run(
            context: Self.context(["inputs.log": Fixtures.corpusPath("combined_all.log"), "inputs.sarif": sarif.path]),
            environment: environment, in: directory)

        try #require(results.count == 3, "\(results.map(\.stderr))")
        #expect(results[0].status == 0, "\(results[0].stderr)")
        #expect(results[0].stdout.hasSuffix("\(ToolVersion.current)\n"), "\(results[0].stdout)")
        let path = String(decoding: try Data(contentsOf: directory.appendingPathComponent("path")), as: UTF8.self)
        #expect(path.hasSuffix("leaktriage-\(ToolVersion.current)-linux-\(try Self.architecture())\n"), "\(path)")

        #expect(results[1].status == 0, "\(results[1].stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any]
        #expect(document?["version"] as? String == "2.1.0")

        #expect(results[2].status == 1, "leaks fail the step: \(results[2].stderr)")
        #expect(results[2].stdout.hasPrefix("::stop-commands::"))
        #expect(results[2].stdout.contains("\n::error file="))
    }

    @Test func theGateFollowsFailOn() throws {
        let (directory, environment) = try Self.release()
        defer { try? FileManager.default.removeItem(at: directory) }
        let results = try CompositeAction().run(
            context: Self.context(["inputs.log": Fixtures.corpusPath("combined_all.log"), "inputs.fail-on": "none"]),
            environment: environment, in: directory)
        #expect(results.map(\.status) == [0, 0, 0], "\(results.map(\.stderr))")
    }

    @Test func anArchiveThatDoesNotMatchItsSHA256IsNotInstalled() throws {
        let (directory, environment) = try Self.release()
        defer { try? FileManager.default.removeItem(at: directory) }
        let checksum = try #require(FileManager.default.enumerator(atPath: directory.path)?
            .compactMap { $0 as? String }.first { $0.hasSuffix(".tar.gz.sha256") })
        try Data("\(String(repeating: "0", count: 64))  \(URL(fileURLWithPath: checksum).lastPathComponent)\n".utf8)
            .write(to: directory.appendingPathComponent(checksum))
        let results = try CompositeAction().run(
            context: Self.context(["inputs.log": Fixtures.corpusPath("combined_all.log")]), environment: environment, in: directory)
        #expect(results.count == 1)
        #expect(results.first?.status == 2)
        #expect(results.first?.stdout.contains("::error title=leaktriage::leaktriage-") == true, "\(results.first?.stdout ?? "")")
        #expect(results.first?.stdout.contains("does not match its SHA-256") == true, "\(results.first?.stdout ?? "")")
    }

    @Test func runFromACheckoutItBuildsThatCheckoutWithScriptsSetup() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A checkout whose scripts/setup leaves the development binary where the real one builds it.
        let checkout = directory.appendingPathComponent("checkout")
        try FileManager.default.createDirectory(at: checkout.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        let setup = checkout.appendingPathComponent("scripts/setup")
        let script = "#!/usr/bin/env bash\nset -e\nmkdir -p \"$(dirname \"$0\")/../.build/release\"\n"
            + "cp \(CLIRunner.binary.path) \"$(dirname \"$0\")/../.build/release/leaktriage\"\necho setup ran\n"
        try Data(script.utf8).write(to: setup)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: setup.path)
        let path = directory.appendingPathComponent("path")
        _ = FileManager.default.createFile(atPath: path.path, contents: nil)
        let context = [
            "github.action_path": checkout.path, "github.action_repository": "", "github.action_ref": "",
            "inputs.log": Fixtures.corpusPath("combined_all.log"), "inputs.fail-on": "none",
        ]
        let environment = ["GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "GITHUB_PATH": path.path,
                           "RUNNER_TEMP": directory.path, "GITHUB_SERVER_URL": "file:///nonexistent"]
        let results = try CompositeAction().run(context: context, environment: environment, in: directory)
        #expect(results.map(\.status) == [0, 0, 0], "\(results.map(\.stderr))")
        #expect(results.first?.stdout.contains("setup ran") == true)
        #expect(String(decoding: try Data(contentsOf: path), as: UTF8.self) == checkout.path + "/.build/release\n")
        #expect(results.last?.stdout.contains("::stop-commands::") == true)
    }

    @Test func onAnotherOperatingSystemItSaysItNeedsLinux() throws {
        let (directory, environment) = try Self.release()
        defer { try? FileManager.default.removeItem(at: directory) }
        var macOS = environment
        macOS["RUNNER_OS"] = "macOS"
        let results = try CompositeAction().run(
            context: Self.context(["inputs.log": Fixtures.corpusPath("combined_all.log")]), environment: macOS, in: directory)
        #expect(results.map(\.status) == [2])
        #expect(results.first?.stdout.contains("::error title=leaktriage::the leaktriage action runs on Linux runners, not macOS") == true)
    }

    /// The expressions a remote `uses: daslang-tools/leaktriage@v1` sees, with `inputs` added.
    static func context(_ inputs: [String: String]) -> [String: String] {
        inputs.merging([
            "github.action_path": Fixtures.packageRoot.path,
            "github.action_repository": repository,
            "github.action_ref": "v1",
        ]) { given, _ in given }
    }

    /// A temporary folder holding a release of this version as GitHub serves it, and the runner's
    /// variables that point the action at it.
    static func release() throws -> (URL, [String: String]) {
        let directory = try CLIRunner.temporaryDirectory()
        let name = "leaktriage-\(ToolVersion.current)-linux-\(try architecture())"
        let assets = directory.appendingPathComponent("server/\(repository)/releases/download/v\(ToolVersion.current)")
        let stage = directory.appendingPathComponent("stage/\(name)")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.binary, to: stage.appendingPathComponent("leaktriage"))
        let pack = "set -o pipefail; tar -cf - -C \"$3\" \"$2\" | gzip -1 > \"$1/$2.tar.gz\" && cd \"$1\" && sha256sum \"$2.tar.gz\" > \"$2.tar.gz.sha256\""
        let packed = try CLIRunner.run(["bash", "-c", pack, "pack", assets.path, name, stage.deletingLastPathComponent().path],
                                       executable: ExternalTool.env)
        try #require(packed.status == 0, "\(packed.stderr)")
        let runnerTemp = directory.appendingPathComponent("runner-temp")
        try FileManager.default.createDirectory(at: runnerTemp, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("path")
        _ = FileManager.default.createFile(atPath: path.path, contents: nil)
        return (directory, [
            "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux", "RUNNER_TEMP": runnerTemp.path, "GITHUB_PATH": path.path,
            "GITHUB_SERVER_URL": "file://\(directory.appendingPathComponent("server").path)",
        ])
    }

    /// `uname -m`, as the action names the archive it downloads.
    static func architecture() throws -> String {
        try CLIRunner.run(["uname", "-m"], executable: ExternalTool.env).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
