extension SourceLocation {
    /// Whether the file belongs to daslang's own library (`daslib/…`), its test runner
    /// (`dastest/…`) or a C++ binding, rather than to the user's scripts.
    public var isLibrary: Bool {
        file.utf8.first == UInt8(ascii: "<") || file.hasPrefix("daslib/") || file.utf8.containsSubsequence("/daslib/".utf8)
            || file.utf8.containsSubsequence("\\daslib\\".utf8) || file.hasPrefix("dastest/")
            || file.utf8.containsSubsequence("/dastest/".utf8) || file.utf8.containsSubsequence("\\dastest\\".utf8)
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in these bytes (searched in place: triage asks for every occurrence).
    func containsSubsequence(_ needle: String.UTF8View) -> Bool {
        let found = withContiguousStorageIfAvailable { haystack in
            needle.withContiguousStorageIfAvailable { pattern in Self.search(haystack, for: pattern) }
        }
        return (found ?? nil) ?? Self.search(Array(self), for: Array(needle))
    }

    private static func search(_ haystack: some Collection<UInt8>, for pattern: some Collection<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        var start = haystack.startIndex
        while let candidate = haystack[start...].firstIndex(of: first) {
            if haystack[candidate...].starts(with: pattern) { return true }
            start = haystack.index(after: candidate)
        }
        return false
    }
}
