import Foundation
import LeakModel

/// Computes versioned fingerprints from normalised keys that never contain addresses,
/// ids, reference counts, sizes, checkout directories or daslang's mangling hashes.
///
/// Recipe `v1`: `v1|<detector>|<kind>|<location>|<stack>|<qualifier>`, hashed with
/// SHA-256 and shortened to 32 hex digits. Paths keep `daslib/…` or their last two
/// components; function names lose the numeric hash after a backtick.
public enum Fingerprinter {
    /// The recipe version carried in every key.
    public static let version = "v1"

    /// The fingerprint of a normalised key.
    public static func fingerprint(ofKey key: String) -> String {
        String(SHA256.hexDigest(key).prefix(32))
    }

    /// The normalised key of an occurrence. `qualifier` carries what only the collector
    /// knows (for a Feature, the JobStatus it belongs to).
    public static func key(for occurrence: Occurrence, qualifier: String = "", keepLines: Bool = true) -> String {
        let location = occurrence.location.map { normalized($0, keepLines: keepLines) } ?? "-"
        let stack = occurrence.stack.map { frame(normalizedFrom: $0, keepLines: keepLines) }.joined(separator: ";")
        var extra = qualifier
        switch occurrence.detector {
        case .profiler:
            extra = "context=" + normalizedContext(occurrence.context ?? "")
        case .smartPtr:
            extra = "name=" + (occurrence.context ?? "").trimmingCharacters(inSet: " ")
        case .handleRegistry:
            extra = (occurrence.referenceCount ?? 1) > 1 ? "rc>1" : "rc=1"
        case .gcNode, .heapReport, .jobStatus, .cppHeap:
            break
        }
        return [version, occurrence.detector.rawValue, occurrence.kind, location, stack, extra].joined(separator: "|")
    }

    /// A location with its path normalised; without line and column when `keepLines` is false.
    public static func normalized(_ location: SourceLocation, keepLines: Bool = true) -> String {
        let path = normalizedPath(location.file)
        guard keepLines else { return path }
        return SourceLocation(file: path, line: location.line, column: location.column).description
    }

    /// `…/daslib/x.das` → `daslib/x.das`; any other path → its last two components.
    public static func normalizedPath(_ path: String) -> String {
        // Windows builds print backslashes; the key uses forward slashes.
        let path = path.contains("\\") ? path.replacingOccurrences(of: "\\", with: "/") : path
        if let range = path.range(of: "/daslib/", options: .backwards) {
            return "daslib/" + path[range.upperBound...]
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        return components.suffix(2).joined(separator: "/")
    }

    /// A function name without daslang's mangling hash (``builtin`push`4379…`` → ``builtin`push``),
    /// and, for the line-insensitive key, without a lambda's line-derived numbering.
    public static func normalizedFunction(_ name: String, keepLines: Bool = true) -> String {
        var parts = name.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) {
            parts.removeLast()
        }
        if !keepLines {
            parts = parts.map { part in
                guard part.hasPrefix("_lambda_") else { return part }
                return part.split(separator: "_", omittingEmptySubsequences: false)
                    .filter { $0.isEmpty || !$0.allSatisfy(\.isNumber) }.joined(separator: "_")
            }
        }
        // A C++ symbol's `+0x…` offset moves with every rebuild.
        var joined = parts.joined(separator: "`")
        if let plus = joined.range(of: "+0x", options: .backwards) { joined = String(joined[..<plus.lowerBound]) }
        return joined
    }

    private static func frame(normalizedFrom frame: StackFrame, keepLines: Bool) -> String {
        let function = frame.function.map { normalizedFunction($0, keepLines: keepLines) } ?? "?"
        if let location = frame.location { return function + "@" + normalized(location, keepLines: keepLines) }
        if let library = frame.library { return function + "@" + (library.split(separator: "/").last.map(String.init) ?? library) }
        return function
    }

    private static func normalizedContext(_ name: String) -> String {
        name.trimmingCharacters(inSet: " ")
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(inSet set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
