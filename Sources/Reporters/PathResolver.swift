/// Turns paths as a log prints them into the paths CI tools expect: relative to the
/// repository root when they lie inside it, absolute when they lie outside.
///
/// Lexical only (no file-system access), so that reporters stay pure and output is the
/// same on every machine given the same options.
public struct PathResolver: Sendable {
    /// The root, normalised and absolute; nil keeps paths as printed.
    public let root: String?
    /// The directory relative paths are taken from, normalised and absolute.
    public let workingDirectory: String?

    /// Creates a resolver for `root`; relative paths are taken from `workingDirectory`, or from
    /// the root when that is nil. Relative directories are ignored: they cannot anchor anything.
    public init(root: String?, workingDirectory: String? = nil) {
        self.root = root.flatMap { $0.hasPrefix("/") ? Self.normalized($0) : nil }
        self.workingDirectory = workingDirectory.flatMap { $0.hasPrefix("/") ? Self.normalized($0) : nil } ?? self.root
    }

    /// A resolver for the directories of `options`.
    public init(_ options: RenderOptions) {
        self.init(root: options.root, workingDirectory: options.workingDirectory)
    }

    /// `path` relative to the root when it lies inside it (`.` for the root itself), absolute
    /// when it lies outside; unchanged without a root, and for `-` (standard input), an empty
    /// path, or a pseudo path such as `<built-in>`.
    public func resolve(_ path: String) -> String {
        guard let root, let workingDirectory, !path.isEmpty, path != "-", !path.hasPrefix("<") else { return path }
        let absolute = Self.normalized(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
        if absolute == root { return "." }
        let prefix = root == "/" ? "/" : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// An absolute path with `.`, `..` and repeated slashes resolved lexically
    /// (`..` above `/` stays at `/`).
    static func normalized(_ absolute: String) -> String {
        var components: [Substring] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
