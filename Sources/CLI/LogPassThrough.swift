import Foundation
import LeakReporters

/// Copies a log to standard output byte for byte while it is read (`annotate`). When fenced, the
/// copy sits between `::stop-commands::<token>` and `::<token>::`, so that GitHub Actions prints
/// lines of the log that look like workflow commands instead of running them; the token is
/// random, so the log cannot close the fence. The fence opens with the first byte: an empty or
/// unreadable log prints nothing.
final class LogPassThrough {
    private let descriptor: Int32
    private let token: String?
    private var started = false
    private var fenceOpen = false
    private var endsWithNewline = true

    /// Passes through to `descriptor`, fenced with `token` when one is given.
    init(descriptor: Int32 = STDOUT_FILENO, fenceToken token: String?) {
        self.descriptor = descriptor
        self.token = token
    }

    /// A fresh fence token: `leaktriage-` and 128 random bits in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }
        return "leaktriage-" + bits.map { String(repeating: "0", count: 16 - $0.count) + $0 }.joined()
    }

    /// Writes the next chunk of the log, opening the fence before the first one.
    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard chunk.count > 0 else { return }
        if !started {
            started = true
            if let token {
                try emit(GitHubWorkflowCommand(name: "stop-commands", message: token).rendered + "\n")
                fenceOpen = true
            }
        }
        if let failure = DescriptorOutput.write(chunk, to: descriptor) {
            throw CLIError.unwritableOutput(path: "standard output", reason: failure)
        }
        endsWithNewline = chunk[chunk.count - 1] == 0x0A
    }

    /// Ends an unfinished last line when something follows it on standard output.
    func endLog(moreOutput: Bool) throws {
        if started, !endsWithNewline, moreOutput || fenceOpen {
            try emit("\n")
            endsWithNewline = true
        }
    }

    /// Closes the fence, on a line of its own; does nothing when no fence is open.
    func closeFence() throws {
        guard fenceOpen, let token else { return }
        try endLog(moreOutput: true)
        fenceOpen = false
        try emit(GitHubWorkflowCommand(name: token, message: "").rendered + "\n")
    }

    private func emit(_ text: String) throws {
        if let failure = DescriptorOutput.write(text, to: descriptor) {
            throw CLIError.unwritableOutput(path: "standard output", reason: failure)
        }
    }
}
