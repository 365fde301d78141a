/// One GitHub Actions workflow command, `::name key=value,…::message`, escaped the way the
/// runner unescapes it (actions/toolkit's `escapeData` and `escapeProperty`), so that no text
/// taken from a log can end the command early or start another one on a new line.
public struct GitHubWorkflowCommand: Sendable {
    /// The command: `error`, `warning`, `notice`, `stop-commands`, …
    public var name: String
    /// Properties in output order; empty values are left out.
    public var properties: [(name: String, value: String)]
    /// The message after the second `::`.
    public var message: String

    /// Creates a command.
    public init(name: String, properties: [(name: String, value: String)] = [], message: String) {
        self.name = name
        self.properties = properties
        self.message = message
    }

    /// The command line, without a line end.
    public var rendered: String {
        let present = properties.filter { !$0.value.isEmpty }
        let list = present.map { "\($0.name)=\(Self.escapeProperty($0.value))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(Self.escapeData(message))"
    }

    /// A message: `%` → `%25`, CR → `%0D`, LF → `%0A`; other control characters but tab
    /// (ESC, NUL, …) become U+FFFD, so that nothing invisible reaches the runner.
    public static func escapeData(_ text: String) -> String {
        ScalarEscaper.escape(text, dataReplacement)
    }

    /// A property value: as ``escapeData(_:)``, and also `:` → `%3A` and `,` → `%2C`.
    public static func escapeProperty(_ text: String) -> String {
        ScalarEscaper.escape(text, [":": "%3A", ",": "%2C"], otherwise: dataReplacement)
    }

    private static func dataReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "%": return "%25"
        case "\r": return "%0D"
        case "\n": return "%0A"
        case _ where ScalarEscaper.isControl(scalar): return "\u{FFFD}"
        default: return nil
        }
    }
}
