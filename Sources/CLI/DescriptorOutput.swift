import Foundation

/// Writes whole buffers to file descriptors, retrying short writes and interrupted calls.
enum DescriptorOutput {
    /// Writes every byte of `bytes` to `descriptor`; returns the system's reason when it fails.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Writes `text` to `descriptor`; returns the system's reason when it fails.
    static func write(_ text: String, to descriptor: Int32) -> String? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
    }

    /// Appends `text` to the file at `path`, creating it when missing (`$GITHUB_STEP_SUMMARY`).
    /// Throws ``CLIError/unwritableOutput(path:reason:)``.
    static func append(_ text: String, toFile path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CLIError.unwritableOutput(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let failure = write(text, to: descriptor) { throw CLIError.unwritableOutput(path: path, reason: failure) }
    }
}
