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

    /// A C0 control character other than tab, or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }
}
