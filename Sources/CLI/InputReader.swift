import Foundation
import LeakModel
import LeakParsers

/// Streams inputs (files, or `-` for stdin) through the parser with one large buffer,
/// so that memory does not grow with the log; a long read shows its progress on a terminal.
struct InputReader {
    /// Bytes read per system call.
    static let bufferSize = 1 << 20

    /// Reads every input in order, handing each parser event to `receive`, and each chunk of
    /// bytes, as read, to `passThrough` (`annotate` copies the log to standard output with it).
    /// Throws ``CLIError/unreadableInput(path:reason:)`` naming the input that failed, or what
    /// `passThrough` throws.
    /// `recordReports` hands on each report as read (``LogEvent/report(_:)``) for re-rendering.
    /// `beginInput` is told the index of each input before its first chunk. A large regular file is
    /// digested by `workers` threads besides this one; `showsProgress` false keeps the terminal quiet
    /// (two readers at once would draw over each other).
    static func read(
        _ paths: [String], recordReports: Bool = false, beginInput: ((Int) -> Void)? = nil,
        passThrough: ((UnsafeRawBufferPointer) throws -> Void)? = nil, workers: Int = 2, showsProgress: Bool = true,
        receive: @escaping (LogEvent) -> Void
    ) throws -> [InputSummary] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var summaries: [InputSummary] = []
        let progress = showsProgress ? ReadProgress.onStandardError(copyingToStandardOutput: passThrough != nil) : nil
        for (index, path) in paths.enumerated() {
            let parser = try LogParser(input: index, recordReports: recordReports, emit: receive)
            beginInput?(index)
            let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CLIError.unreadableInput(path: path, reason: Self.reason(errno)) }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            var status = stat()
            let known = fstat(descriptor, &status) == 0
            if known, (status.st_mode & S_IFMT) == S_IFDIR {
                throw CLIError.unreadableInput(path: path, reason: "is a directory")
            }
            if known, (status.st_mode & S_IFMT) == S_IFREG {
                var prefix = [UInt8](repeating: 0, count: CompressedInput.prefixLength)
                let count = prefix.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0, let reason = prefix.withUnsafeBytes({
                    CompressedInput.reason(path: path, prefix: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
                }) {
                    throw CLIError.unreadableInput(path: path, reason: reason)
                }
            }
            // A large regular file is read by more threads when the process may use more than one
            // core (same events, same order): busy cores cost it only the digest's copy of the lines
            // that may matter. Pipes, small files and passed-through or re-rendered logs by this one.
            if known, (status.st_mode & S_IFMT) == S_IFREG, status.st_size >= ParallelLogReader.minimumSize,
               passThrough == nil, !recordReports, UsableCores.count > 1 {
                do {
                    let totals = try ParallelLogReader.read(descriptor, into: parser, workers: workers)
                    summaries.append(InputSummary(path: path, lines: totals.lines, bytes: totals.bytes))
                    continue
                } catch {
                    throw CLIError.unreadableInput(path: path, reason: Self.reason(error.code))
                }
            }
            progress?.begin(name: path == "-" ? "<stdin>" : path,
                            total: known && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil)
            defer { progress?.end() }
            var isFirstChunk = true
            while true {
                let count = Foundation.read(descriptor, buffer.baseAddress, bufferSize)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CLIError.unreadableInput(path: path, reason: Self.reason(errno))
                }
                if count == 0 { break }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                if isFirstChunk, let reason = CompressedInput.reason(path: path, prefix: chunk) {
                    throw CLIError.unreadableInput(path: path, reason: reason)
                }
                isFirstChunk = false
                try passThrough?(chunk)
                parser.feed(chunk)
                progress?.advance(by: count)
            }
            parser.finish()
            summaries.append(InputSummary(path: path, lines: parser.lineCount, bytes: parser.byteCount))
        }
        return summaries
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
