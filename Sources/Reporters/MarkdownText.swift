/// Escapes text from a log for GitHub-flavoured Markdown, so that it shows as written inside a
/// table cell or list item: no markup, no HTML, no broken table.
public enum MarkdownText {
    /// `&<>` become entities; `` \ ` * _ [ ] | ~ `` are backslash-escaped; a line break (LF, CR
    /// or CRLF) becomes `<br>`; other control characters become U+FFFD.
    public static func escape(_ text: String) -> String {
        var afterCR = false
        return ScalarEscaper.escape(text) { scalar in
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: return ""
            case "\n", "\r": return "<br>"
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": return "\\" + String(scalar)
            case "\t": return " "
            case _ where ScalarEscaper.isControl(scalar): return "\u{FFFD}"
            default: return nil
            }
        }
    }
}
