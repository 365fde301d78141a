import Foundation

/// Writes a file by writing a temporary sibling and renaming it over the target, so that
/// readers never see half a file and a failed run leaves the old file untouched.
enum AtomicFileWriter {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        try write(to: path) { write in try write(text) }
    }

    /// Writes what `produce` hands its writer, piece by piece, to `path` atomically: the target
    /// appears whole or not at all, and an error `produce` throws leaves it untouched too.
    static func write(to path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        do {
            try produce { piece in
                if let reason = DescriptorOutput.write(piece, to: descriptor) { throw CLIError.unwritableOutput(path: path, reason: reason) }
            }
            if fsync(descriptor) != 0 { throw CLIError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError.unwritableOutput(path: path, reason: reason)
        }
    }
}
