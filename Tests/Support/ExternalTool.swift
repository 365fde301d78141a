import Foundation

/// Programs some tests need from the machine, found on `PATH` as a shell would.
enum ExternalTool {
    /// Whether `name` is an executable on `PATH`.
    static func isInstalled(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// `/usr/bin/env`, through which the tests run tools found on `PATH`.
    static let env = URL(fileURLWithPath: "/usr/bin/env")

    /// Whether `python3` with its `yaml` module is there (Debian `python3-yaml`).
    static let hasPythonYAML: Bool = {
        guard isInstalled("python3") else { return false }
        return (try? CLIRunner.run(["python3", "-c", "import yaml"], executable: env).status) == 0
    }()

    /// Whether `shellcheck` (Debian package `shellcheck`) is there.
    static let hasShellcheck = isInstalled("shellcheck")
}
