import Foundation
import Testing
@testable import LeakTestSupport

/// Every shell script of the repository — `scripts/*`, `.ci/run` and the `run:` scripts of
/// `action.yml` — passes `shellcheck`. shellcheck is a developer tool (Debian package
/// `shellcheck`), not something `scripts/setup` installs: without it these tests are skipped,
/// and the skip says why.
@Suite(.enabled(if: ExternalTool.hasShellcheck, "shellcheck is not installed (apt-get install shellcheck)"))
struct ShellScriptTests {
    static var scripts: [String] {
        let folder = Fixtures.packageRoot.appendingPathComponent("scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { "scripts/\($0)" } + [".ci/run"]
    }

    @Test("the repository's scripts pass shellcheck", arguments: scripts)
    func scriptPassesShellcheck(path: String) throws {
        let result = try CLIRunner.run(["shellcheck", path], executable: ExternalTool.env, directory: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: ExternalTool.hasPythonYAML, "needs python3 with its yaml module to read action.yml"))
    func theActionsStepsPassShellcheck() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let steps = try CompositeAction().steps
        #expect(!steps.isEmpty)
        for (index, step) in steps.enumerated() {
            let script = directory.appendingPathComponent("step-\(index).sh")
            // The runner's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`; the step's
            // env names are set by the runner, so shellcheck is told they are assigned.
            let declared = step.environment.keys.sorted().map { "# shellcheck disable=SC2154\n: \"${\($0)}\"\n" }.joined()
            try Data(("#!/usr/bin/env bash\nset -eo pipefail\n" + declared + (step.run ?? "")).utf8).write(to: script)
            let result = try CLIRunner.run(["shellcheck", "--shell=bash", script.path], executable: ExternalTool.env)
            #expect(result.status == 0, "step '\(step.name)': \(result.stdout)\(result.stderr)")
        }
    }
}
