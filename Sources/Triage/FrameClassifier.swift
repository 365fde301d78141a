import LeakModel

/// Tells library frames from the user's: daslib (relative or under any install root), the
/// `dastest/` runner, builtin-module functions (``builtin`push`…``), C++ bindings (`<…>`), and
/// paths matching a `--library` pattern. Everything else is the user's code.
struct FrameClassifier: Sendable {
    let installRoots: [String]
    let libraryPatterns: [String]
    /// Answers worked out ahead for a run's distinct paths (``knowing(_:)``).
    private var knownPaths: [String: Bool] = [:]

    init(installRoots: [String], libraryPatterns: [String]) {
        self.installRoots = installRoots
        self.libraryPatterns = libraryPatterns
    }

    /// This classifier with the answers for `paths` worked out once, so that asking again is a lookup.
    func knowing(_ paths: some Sequence<String>) -> FrameClassifier {
        var known = self
        for path in paths where known.knownPaths[path] == nil { known.knownPaths[path] = computedIsLibrary(path: path) }
        return known
    }

    /// Whether `frame` is library code. A frame without a location (a C++ frame) is library code
    /// only when its function is a builtin-module one.
    func isLibrary(_ frame: StackFrame) -> Bool {
        if let function = frame.function, function.hasPrefix("builtin`") { return true }
        guard let location = frame.location else { return false }
        return isLibrary(path: location.file)
    }

    /// Whether the file at `path` is library code.
    func isLibrary(path: String) -> Bool {
        knownPaths[path] ?? computedIsLibrary(path: path)
    }

    private func computedIsLibrary(path: String) -> Bool {
        if SourceLocation(file: path).isLibrary { return true }
        let canonical = PathNormalizer.canonical(path)
        if PathNormalizer.libraryKey(canonical.components) != nil { return true }
        let joined = PathNormalizer.joined(canonical.components, absolute: canonical.absolute)
        if installRoots.contains(where: { joined.hasPrefix($0 + "/") }) { return true }
        return libraryPatterns.contains { GlobPattern.occurs($0, in: joined) || GlobPattern.occurs($0, in: path) }
    }

    /// The first frame in the user's code, leaf first.
    func firstUserFrame(of stack: [StackFrame]) -> Int? {
        stack.firstIndex { !isLibrary($0) }
    }
}

/// `*` matches any run of characters; a pattern occurs in a text when it matches some part of it.
enum GlobPattern {
    static func occurs(_ pattern: String, in text: String) -> Bool {
        matches(Array(("*" + pattern + "*").utf8), Array(text.utf8))
    }

    /// Iterative wildcard matching with one backtrack point: linear in practice, never exponential.
    static func matches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0, t = 0
        var star: Int?, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
