extension SourceLocation {
    /// Whether the file belongs to daslang's own library (`daslib/…`) or a C++ binding,
    /// rather than to the user's scripts.
    public var isLibrary: Bool {
        file.utf8.first == UInt8(ascii: "<") || file.hasPrefix("daslib/") || file.utf8.containsSubsequence("/daslib/".utf8)
            || file.utf8.containsSubsequence("\\daslib\\".utf8)
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes.
    func containsSubsequence(_ needle: String.UTF8View) -> Bool {
        let bytes = Array(self)
        let pattern = Array(needle)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return true }
        }
        return false
    }
}
