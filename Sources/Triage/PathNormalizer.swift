/// Turns a path as a report prints it into the form a fingerprint keys on, the same whatever
/// directory the checkout lies in (recipe `v2`, README *Fingerprints*):
///
/// 1. Separators become `/`, a drive letter is lower-cased, `.` and `..` are resolved.
/// 2. daslang's own files key from their folder: `…/daslib/x.das` → `daslib/x.das`, `…/dastest/x.das`
///    → `dastest/x.das`; anything else under an install root (the folder holding `daslib/`) keys
///    relative to it (`modules/dasHV/…`).
/// 3. A path under a checkout root (`--root`, CI workspace variables) is taken relative to it.
/// 4. The user's files key relative to the anchor, the folder of the script daslang was given
///    (`../lib/util.das` for a file beside it), so an absolute and a relative run agree.
/// 5. Without an anchor, a relative path keys as printed and an absolute one by its last two components.
public struct PathNormalizer: Sendable, Equatable {
    /// Canonical checkout roots, absolute.
    var checkoutRoots: [[Substring]]
    /// Canonical install roots (the folders holding `daslib/`).
    var installRoots: [[Substring]]
    /// The canonical anchor folder and whether it is absolute; nil when no script is known.
    var anchor: (components: [Substring], absolute: Bool)?
    /// Keys worked out ahead for a run's distinct paths (``knowing(_:)``): triage keys the same
    /// few paths for every draft.
    private var knownKeys: [String: String] = [:]

    /// A normaliser that knows no roots and no anchor (panics, standalone keys).
    public static let standalone = PathNormalizer(checkoutRoots: [], installRoots: [], anchor: nil)

    /// Creates a normaliser; every path is made canonical here.
    public init(checkoutRoots: [String], installRoots: [String], anchor: String?) {
        self.checkoutRoots = checkoutRoots.map { Self.canonical($0) }.filter(\.absolute).map(\.components)
        self.installRoots = installRoots.map { Self.canonical($0).components }
        self.anchor = nil
        if let anchor {
            let relative = relativeToRoots(Self.canonical(anchor))
            self.anchor = (relative.components, relative.absolute)
        }
    }

    public static func == (lhs: PathNormalizer, rhs: PathNormalizer) -> Bool {
        lhs.checkoutRoots == rhs.checkoutRoots && lhs.installRoots == rhs.installRoots
            && lhs.anchor?.components == rhs.anchor?.components && lhs.anchor?.absolute == rhs.anchor?.absolute
    }

    /// This normaliser with the keys of `paths` worked out once, so that keying them again is a lookup.
    func knowing(_ paths: some Sequence<String>) -> PathNormalizer {
        var known = self
        for path in paths where known.knownKeys[path] == nil { known.knownKeys[path] = computedKey(path) }
        return known
    }

    /// The key form of `path`.
    public func key(_ path: String) -> String {
        knownKeys[path] ?? computedKey(path)
    }

    private func computedKey(_ path: String) -> String {
        if path.utf8.first == UInt8(ascii: "<") { return path }
        let canonical = Self.canonical(path)
        if let library = Self.libraryKey(canonical.components) { return library }
        for root in installRoots where Self.isPrefix(root, of: canonical.components) {
            return canonical.components.dropFirst(root.count).joined(separator: "/")
        }
        let path = relativeToRoots(canonical)
        if let anchor, let relative = Self.relative(path, to: anchor) { return relative }
        if path.absolute { return path.components.suffix(2).joined(separator: "/") }
        return path.components.joined(separator: "/")
    }

    /// `components` minus a checkout root it lies under (then relative), else unchanged.
    private func relativeToRoots(_ path: (components: [Substring], absolute: Bool)) -> (components: [Substring], absolute: Bool) {
        guard path.absolute else { return path }
        for root in checkoutRoots where Self.isPrefix(root, of: path.components) {
            return (Array(path.components.dropFirst(root.count)), false)
        }
        return path
    }

    /// `daslib/…` or `dastest/…` from the last such folder in the path.
    static func libraryKey(_ components: [Substring]) -> String? {
        guard let index = components.lastIndex(where: { $0 == "daslib" || $0 == "dastest" }), index + 1 < components.count else {
            return nil
        }
        return components[index...].joined(separator: "/")
    }

    /// The install root a path reveals: the folder holding its `daslib/`, when it is absolute.
    public static func installRoot(of path: String) -> String? {
        let canonical = canonical(path)
        guard canonical.absolute, let index = canonical.components.lastIndex(of: "daslib"), index + 1 < canonical.components.count else {
            return nil
        }
        return joined(Array(canonical.components[..<index]), absolute: true)
    }

    /// `path` from the anchor folder, with `..` where it lies outside; nil when they share nothing.
    private static func relative(
        _ path: (components: [Substring], absolute: Bool), to anchor: (components: [Substring], absolute: Bool)
    ) -> String? {
        var base = anchor.components
        var target = path.components
        if path.absolute != anchor.absolute {
            if path.absolute {
                // A relative anchor found inside the absolute path: what precedes it is the working directory.
                guard let start = lastRun(of: base, in: target) else { return nil }
                target = Array(target[start...])
            } else {
                // The longest tail of the absolute anchor that the relative path starts with.
                guard let overlap = (1...max(1, base.count)).reversed().first(where: { count in
                    count <= base.count && isPrefix(Array(base.suffix(count)), of: target)
                }) else { return nil }
                base = Array(base.suffix(overlap))
            }
        }
        var common = 0
        while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
        // Two absolute paths that share only the file system's root are unrelated (a system file).
        if path.absolute, anchor.absolute, common == 0 { return nil }
        let ups = Array(repeating: Substring(".."), count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    private static func lastRun(of run: [Substring], in components: [Substring]) -> Int? {
        guard !run.isEmpty, run.count < components.count else { return nil }
        for start in stride(from: components.count - run.count - 1, through: 0, by: -1)
        where Array(components[start..<(start + run.count)]) == run {
            return start
        }
        return nil
    }

    private static func isPrefix(_ prefix: [Substring], of components: [Substring]) -> Bool {
        prefix.count < components.count && Array(components.prefix(prefix.count)) == prefix
    }

    /// Separators unified, drive letter lower-cased, `.` and empty components dropped, `..` resolved
    /// where it can be. An absolute path keeps its drive (`c:`) or UNC host as its first component.
    static func canonical(_ path: String) -> (components: [Substring], absolute: Bool) {
        var text = path.contains("\\") ? String(path.map { $0 == "\\" ? "/" : $0 }) : path
        var absolute = text.hasPrefix("/")
        let bytes = Array(text.utf8)
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":"), (bytes[0] | 0x20) >= UInt8(ascii: "a"), (bytes[0] | 0x20) <= UInt8(ascii: "z") {
            text = text.prefix(1).lowercased() + text.dropFirst(1)
            absolute = true
        }
        var components: [Substring] = []
        for component in text.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = components.last, last != "..", !(absolute && components.count == 1 && last.hasSuffix(":")) {
                    components.removeLast()
                } else if !absolute {
                    components.append(component)
                }
            default: components.append(component)
            }
        }
        return (components, absolute)
    }

    static func joined(_ components: [Substring], absolute: Bool) -> String {
        let text = components.joined(separator: "/")
        return absolute && !(components.first?.hasSuffix(":") ?? false) ? "/" + text : text
    }

    /// The folder of `path` (canonical), or "" for a file in the working directory.
    public static func directory(of path: String) -> String {
        let canonical = canonical(path)
        return joined(Array(canonical.components.dropLast()), absolute: canonical.absolute)
    }

    /// The deepest folder `paths` all lie in (canonical); nil when they mix absolute and relative paths.
    public static func commonDirectory(of directories: [String]) -> String? {
        let canonicals = directories.map { canonical($0) }
        guard let first = canonicals.first, canonicals.allSatisfy({ $0.absolute == first.absolute }) else { return nil }
        var common = first.components
        for other in canonicals.dropFirst() {
            var count = 0
            while count < common.count, count < other.components.count, common[count] == other.components[count] { count += 1 }
            common = Array(common.prefix(count))
        }
        return joined(common, absolute: first.absolute)
    }
}
