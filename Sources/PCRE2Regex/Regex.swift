import CPCRE2

/// A PCRE2 pattern compiled once (and JIT-compiled where the platform allows),
/// matched against raw bytes. Patterns are byte-oriented (no UTF mode), so
/// invalid UTF-8 and NUL bytes in a log line can never make a match fail.
///
/// Immutable after creation, hence safe to share; matching needs a ``RegexMatcher``
/// per thread.
public final class Regex: @unchecked Sendable {
    let code: OpaquePointer
    /// The pattern's source text.
    public let pattern: String
    /// The number of capturing groups in the pattern.
    public let captureCount: Int

    /// Compiles `pattern`; anchored patterns match only at the start of the subject.
    public init(_ pattern: String, anchored: Bool = true) throws(RegexError) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let options: UInt32 = anchored ? UInt32(PCRE2_ANCHORED) : 0
        let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw .compile(pattern: pattern, offset: errorOffset, message: Regex.message(for: errorCode))
        }
        // JIT is an optimisation: where it is unavailable the interpreter gives the same answers.
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        self.code = compiled
        self.pattern = pattern
        self.captureCount = Int(count)
    }

    deinit {
        pcre2_code_free_8(code)
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        guard length > 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
