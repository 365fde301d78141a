/// A JSON document built in memory and printed deterministically: object keys sorted,
/// two-space indentation, strings escaped per RFC 8259.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An optional value, `null` when absent.
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    /// An optional string, `null` when absent.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document as text, ending with a newline.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    /// Appends the value as it appears `indent` levels deep (its first line is not indented).
    func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output.append("null")
        case let .bool(value): output.append(value ? "true" : "false")
        case let .int(value): output.append(String(value))
        case let .string(value): Self.writeString(value, to: &output)
        case let .array(values):
            guard !values.isEmpty else { output.append("[]"); return }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                value.write(to: &output, indent: indent + 1)
                output.append(index + 1 < values.count ? ",\n" : "\n")
            }
            output.append(String(repeating: "  ", count: indent) + "]")
        case let .object(members):
            guard !members.isEmpty else { output.append("{}"); return }
            output.append("{\n")
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                Self.writeString(key, to: &output)
                output.append(": ")
                members[key]?.write(to: &output, indent: indent + 1)
                output.append(index + 1 < keys.count ? ",\n" : "\n")
            }
            output.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    /// Writes `value` as a JSON string literal; control characters are escaped.
    static func writeString(_ value: String, to output: inout String) {
        output.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
