/// Rewrites text one Unicode scalar at a time: the loop shared by the escaping helpers.
enum ScalarEscaper {
    /// `text` with every scalar for which `replacement` returns a string replaced by that string.
    static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                output.append(replaced)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` escaped for a stricter place than `base` escapes for: each scalar in `extra` becomes
    /// its string there, every other one what `base` makes of it.
    static func escape(_ text: String, _ extra: [Unicode.Scalar: String], otherwise base: (Unicode.Scalar) -> String?) -> String {
        escape(text) { extra[$0] ?? base($0) }
    }

    /// A C0 control character other than tab, or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }
}
