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

    private func write(to output: inout String, indent: Int) {
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

    /// A top-level object as ``rendered()`` prints it, handed to `output` in pieces: each member in
    /// `streamed` is an array whose elements are made by `element` and written one at a time, so
    /// that only one element's tree is in memory (a report's findings, with their positions).
    public static func writeDocument(
        _ members: [String: JSONValue], streaming streamed: [String: (count: Int, element: (Int) -> JSONValue)],
        to output: (String) throws -> Void
    ) rethrows {
        let keys = Set(members.keys).union(streamed.keys).sorted()
        guard !keys.isEmpty else { return try output("{}\n") }
        var piece = "{\n"
        for (index, key) in keys.enumerated() {
            piece += "  "
            writeString(key, to: &piece)
            piece += ": "
            if let array = streamed[key], array.count > 0 {
                try output(piece + "[\n")
                for position in 0..<array.count {
                    piece = "    "
                    array.element(position).write(to: &piece, indent: 2)
                    try output(piece + (position + 1 < array.count ? ",\n" : "\n"))
                }
                piece = "  ]"
            } else {
                (members[key] ?? .array([])).write(to: &piece, indent: 1)
            }
            piece += index + 1 < keys.count ? ",\n" : "\n"
        }
        try output(piece + "}\n")
    }

    /// Writes `value` as a JSON string literal; control characters are escaped.
    static func writeString(_ value: String, to output: inout String) {
        output.append("\"")
        // Most strings need no escape: they are appended whole, not a scalar at a time.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) else {
            output.append(value)
            output.append("\"")
            return
        }
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
