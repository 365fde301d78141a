import Foundation

/// Stand-ins for `daslang`, `gdb` and `lldb` on `PATH`: shell scripts that record the command line
/// they received (each argument in brackets) and the `DAS_GC_BREAK_ON_ID` they saw, one line per
/// run, in `log`. The debuggers then run the program they were given, so the fake daslang records too.
struct FakeTools {
    /// The folder that holds the scripts (first on `PATH`).
    let bin: URL
    /// Where every run is recorded.
    let log: URL

    /// Writes the scripts into a new folder under `directory`.
    init(in directory: URL) throws {
        bin = directory.appendingPathComponent("bin")
        log = directory.appendingPathComponent("received.txt")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let record = #"""
            printf '%s' "$(basename "$0")" >> "$FAKE_TOOLS_LOG"
            for argument in "$@"; do printf ' [%s]' "$argument" >> "$FAKE_TOOLS_LOG"; done
            printf ' env[%s]\n' "${DAS_GC_BREAK_ON_ID-}" >> "$FAKE_TOOLS_LOG"
            """#
        let scripts = [
            "daslang": record + "\nexit 0\n",
            // gdb runs what follows --args; lldb what follows --.
            "gdb": record + "\nwhile [ $# -gt 0 ] && [ \"$1\" != --args ]; do shift; done\nshift\nexec \"$@\"\n",
            "lldb": record + "\nwhile [ $# -gt 0 ] && [ \"$1\" != -- ]; do shift; done\nshift\nexec \"$@\"\n",
        ]
        for (name, body) in scripts {
            let url = bin.appendingPathComponent(name)
            try Data(("#!/bin/sh\n" + body).utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
    }

    /// Pastes `command` into `sh -c` with the fakes first on `PATH`; returns the lines they recorded.
    func paste(_ command: String) throws -> [String] {
        try? FileManager.default.removeItem(at: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["FAKE_TOOLS_LOG"] = log.path
        environment["DAS_GC_BREAK_ON_ID"] = nil
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }
}
