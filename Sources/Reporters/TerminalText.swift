/// Makes a line of the text formats safe for a terminal or CI log: text taken from a log
/// (a context name, a path) must not move the cursor, end the line, or start a CI workflow
/// command. Control characters become U+FFFD; only the SGR colour sequences the text
/// formats add themselves are kept.
public enum TerminalText {
    /// `text` with every control character other than tab (ESC included) replaced by U+FFFD:
    /// log text quoted in a one-line message cannot move the cursor or end the line.
    public static func replacingControls(_ text: String) -> String {
        ScalarEscaper.escape(text) { isUnsafe($0) ? "\u{FFFD}" : nil }
    }

    /// A C0 or C1 control character other than tab, or DEL.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        ScalarEscaper.isControl(scalar) || (0x80...0x9F).contains(scalar.value)
    }

    /// `line` with every control character other than tab and SGR escapes replaced by U+FFFD.
    public static func safeLine(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = sgrEnd(scalars, from: index) {
                output.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            output.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
            index += 1
        }
        return String(output)
    }

    /// The index of the `m` ending an SGR sequence (`ESC [ digits/semicolons m`) that starts at `start`.
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" { index += 1 }
        return index < scalars.count && scalars[index] == "m" ? index : nil
    }
}
