import CPCRE2

/// Matches one ``Regex`` against byte buffers, reusing one PCRE2 match-data
/// block. Not thread-safe: create one matcher per thread.
///
/// Captures are offsets into the subject of the last successful ``matches(_:)``;
/// read them before the subject's buffer is reused.
public final class RegexMatcher {
    /// The pattern this matcher runs.
    public let regex: Regex
    private let matchData: OpaquePointer
    private let ovector: UnsafeMutablePointer<Int>

    /// Creates a matcher for `regex`.
    public init(_ regex: Regex) throws(RegexError) {
        guard let data = pcre2_match_data_create_from_pattern_8(regex.code, nil) else {
            throw .outOfMemory
        }
        self.regex = regex
        self.matchData = data
        self.ovector = pcre2_get_ovector_pointer_8(data)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
    }

    /// Whether the pattern matches `subject`; on success the captures are available.
    public func matches(_ subject: UnsafeRawBufferPointer) -> Bool {
        guard let base = subject.baseAddress else {
            var empty: UInt8 = 0
            return pcre2_match_8(regex.code, &empty, 0, 0, 0, matchData, nil) >= 0
        }
        let result = pcre2_match_8(
            regex.code, base.assumingMemoryBound(to: UInt8.self), subject.count, 0, 0, matchData, nil)
        return result >= 0
    }

    /// The byte range of capture `index` (0 is the whole match), or nil when the group did not take part.
    public func range(_ index: Int) -> Range<Int>? {
        precondition(index >= 0 && index <= regex.captureCount, "capture index out of range")
        let start = ovector[2 * index]
        let end = ovector[2 * index + 1]
        // PCRE2_UNSET is ~0, which reads as -1 through Int.
        guard start != -1, end != -1, start <= end else { return nil }
        return start..<end
    }
}
