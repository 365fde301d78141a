import LeakModel

/// ANSI styling for the text format, a no-op when colour is off.
struct TextStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    func severity(_ severity: Severity, text: String) -> String {
        switch severity {
        case .error: return wrap(text, "31")
        case .warning: return wrap(text, "33")
        case .note: return wrap(text, "36")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
