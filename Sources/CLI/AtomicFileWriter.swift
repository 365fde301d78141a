import Foundation

/// Writes a file by writing a temporary sibling and renaming it over the target, so that
/// readers never see half a file and a failed run leaves the old file untouched.
enum AtomicFileWriter {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        var failure = DescriptorOutput.write(text, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw CLIError.unwritableOutput(path: path, reason: failure)
        }
    }
}
