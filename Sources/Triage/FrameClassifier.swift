import LeakModel

/// Tells library frames from the user's: daslib (relative or under any install root), the
/// `dastest/` runner, builtin-module functions (``builtin`push`…``), C++ bindings (`<…>`), and
/// paths matching a `--library` pattern. Everything else is the user's code.
struct FrameClassifier: Sendable {
    let installRoots: [String]
    let libraryPatterns: [String]
    private let libraryGlobs: [Glob]
    /// Answers worked out ahead for a run's distinct paths (``knowing(_:)``).
    private var knownPaths: [String: Bool] = [:]

    init(installRoots: [String], libraryPatterns: [String]) {
        self.installRoots = installRoots
        self.libraryPatterns = libraryPatterns
        libraryGlobs = libraryPatterns.map(Glob.init)
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
        return libraryGlobs.contains { $0.matches(joined) || $0.matches(path) }
    }

    /// The first frame in the user's code, leaf first.
    func firstUserFrame(of stack: [StackFrame]) -> Int? {
        stack.firstIndex { !isLibrary($0) }
    }
}
