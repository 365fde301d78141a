import Foundation
import LeakReporters

/// How far reading has got, on standard error, for a person waiting at a terminal: shown only
/// when standard error is a terminal, not under CI (`CI` set to anything but `false` or `0`),
/// not with `TERM=dumb`, and not while the log is copied to a terminal on standard output
/// (`annotate`). A read that ends within ``delay`` shows nothing; after that the line is
/// redrawn at most once per ``interval`` and erased when the input ends, so it never stays
/// among the diagnostics or the report, and never reaches standard output.
final class ReadProgress {
    /// How long reading goes on before the line first shows.
    static let delay: UInt64 = 500_000_000
    /// The least time between two updates: at most four a second.
    static let interval: UInt64 = 250_000_000

    private let started = DispatchTime.now().uptimeNanoseconds
    private let width: Int?
    private var name = ""
    private var total: Int?
    private var read = 0
    private var inputStarted: UInt64 = 0
    private var lastUpdate: UInt64?
    private var visible = false

    private init(width: Int?) {
        self.width = width
    }

    /// The progress line for this process, or nil when it must not show.
    static func onStandardError(
        copyingToStandardOutput: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ReadProgress? {
        guard isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return nil }
        if let ci = environment["CI"], !ci.isEmpty, ci != "false", ci != "0" { return nil }
        if copyingToStandardOutput, isatty(STDOUT_FILENO) == 1 { return nil }
        var size = winsize()
        let width = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) - 1 : nil
        return ReadProgress(width: width)
    }

    /// Reading of the input called `name` begins; `total` is its size when known.
    func begin(name: String, total: Int?) {
        self.name = name
        self.total = total
        read = 0
        inputStarted = DispatchTime.now().uptimeNanoseconds
    }

    /// `count` more bytes were read.
    func advance(by count: Int) {
        read += count
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - started >= Self.delay else { return }
        if let lastUpdate, now - lastUpdate < Self.interval { return }
        lastUpdate = now
        visible = true
        let seconds = Double(now - inputStarted) / 1e9
        write("\r" + ProgressLine.text(name: name, read: read, total: total, seconds: seconds, width: width) + "\u{1B}[K")
    }

    /// The input ended (or failed): the line is erased.
    func end() {
        guard visible else { return }
        visible = false
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        _ = DescriptorOutput.write(text, to: STDERR_FILENO)
    }
}
