/// Escapes text for XML 1.0, which cannot hold most C0 control characters even as character
/// references: those, U+FFFE and U+FFFF become U+FFFD, like invalid UTF-8 does when a log is
/// decoded; so do DEL and the C1 controls, which XML 1.0 discourages and some parsers drop.
public enum XMLText {
    /// Character data: `&` `<` `>` as entities (so `]]>` cannot appear), CR as `&#13;` (parsers
    /// would turn it into LF), tab and LF kept.
    public static func escapeText(_ text: String) -> String {
        ScalarEscaper.escape(text, textReplacement)
    }

    /// A double- or single-quoted attribute value: as ``escapeText(_:)``, and also `"` and `'` as
    /// entities, and tab and LF as character references that attribute normalisation keeps.
    public static func escapeAttribute(_ text: String) -> String {
        ScalarEscaper.escape(text, ["\"": "&quot;", "'": "&apos;", "\n": "&#10;", "\t": "&#9;"], otherwise: textReplacement)
    }

    private static func textReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x0D: return "&#13;"
        case 0x09, 0x0A: return nil
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return "\u{FFFD}"
        default: return nil
        }
    }
}
