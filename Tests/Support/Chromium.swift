import Foundation

/// Headless Chromium (the Debian `chromium` package), for the tests that look at an HTML page
/// as a browser renders it. Not needed by `scripts/setup`: those tests are skipped, saying so,
/// where it is not installed.
enum Chromium {
    /// The browser, when one is installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether the browser tests can run.
    static var isInstalled: Bool { executable != nil }

    /// What a run of the browser printed.
    struct Output {
        /// Standard output: the DOM after scripts ran, for `--dump-dom`.
        var stdout: String
        /// The browser's log, console messages (content security policy violations) included.
        var stderr: String
    }

    /// Runs headless Chromium on `page` with `arguments` (`--dump-dom`, `--screenshot=…`).
    static func run(_ page: URL, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/chromium")
        let profile = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0", "--window-size=1280,2000",
        ] + arguments + [page.absoluteString]
        process.currentDirectoryURL = profile
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errorData.value, as: UTF8.self))
    }

    /// The DOM of `page` as Chromium renders it, scripts run.
    static func dom(_ page: URL) throws -> Output {
        try run(page, ["--dump-dom"])
    }
}
