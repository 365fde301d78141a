/// A JSON document built in memory and printed deterministically: object keys sorted,
/// two-space indentation, strings escaped per RFC 8259.
///
/// Not `indirect`: arrays and dictionaries hold their elements out of line already, and a number
/// or string written in a box of its own would cost an allocation per value.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// An object whose members are already in key order: written as given, neither hashed nor
    /// sorted, for small objects printed many times (a log position). Prints like ``object``.
    case sortedObject([JSONMember])

    /// An optional value, `null` when absent.
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    /// An optional string, `null` when absent.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The document as text, ending with a newline.
    public func rendered() -> String {
        var output: [UInt8] = []
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    // Written as UTF-8 bytes: appending to a byte array costs far less than appending to a String.
    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case let .bool(value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case let .int(value): Self.writeInt(value, to: &output)
        case let .string(value): Self.writeString(value, to: &output)
        case let .array(values):
            guard !values.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(contentsOf: "[\n".utf8)
            for (index, value) in values.enumerated() {
                Self.writeIndent(indent + 1, to: &output)
                value.write(to: &output, indent: indent + 1)
                Self.writeSeparator(last: index + 1 == values.count, to: &output)
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(contentsOf: "{\n".utf8)
            // Sorted as pairs: each value is at hand, not looked up again by its key.
            let sorted = members.sorted { $0.key < $1.key }
            for (index, member) in sorted.enumerated() {
                Self.writeMember(member.key, member.value, last: index + 1 == sorted.count, to: &output, indent: indent)
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        case let .sortedObject(members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            assert(zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key }, "members out of key order")
            output.append(contentsOf: "{\n".utf8)
            for (index, member) in members.enumerated() {
                Self.writeMember(member.key, member.value, last: index + 1 == members.count, to: &output, indent: indent)
            }
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// One member of an object written at `indent`, with its separator.
    private static func writeMember(_ key: String, _ value: JSONValue, last: Bool, to output: inout [UInt8], indent: Int) {
        writeIndent(indent + 1, to: &output)
        writeString(key, to: &output)
        output.append(contentsOf: ": ".utf8)
        value.write(to: &output, indent: indent + 1)
        writeSeparator(last: last, to: &output)
    }

    private static func writeIndent(_ depth: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static func writeSeparator(last: Bool, to output: inout [UInt8]) {
        if !last { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
    }

    /// The decimal digits of `value`, as `String(value)` prints them.
    private static func writeInt(_ value: Int, to output: inout [UInt8]) {
        guard value != 0 else { return output.append(UInt8(ascii: "0")) }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = output.count
        while magnitude > 0 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        output[start...].reverse()
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
        var piece: [UInt8] = Array("{\n".utf8)
        func flush() throws {
            try output(String(decoding: piece, as: UTF8.self))
            piece.removeAll(keepingCapacity: true)
        }
        for (index, key) in keys.enumerated() {
            piece.append(contentsOf: "  ".utf8)
            writeString(key, to: &piece)
            piece.append(contentsOf: ": ".utf8)
            if let array = streamed[key], array.count > 0 {
                piece.append(contentsOf: "[\n".utf8)
                try flush()
                for position in 0..<array.count {
                    piece.append(contentsOf: "    ".utf8)
                    array.element(position).write(to: &piece, indent: 2)
                    writeSeparator(last: position + 1 == array.count, to: &piece)
                    try flush()
                }
                piece.append(contentsOf: "  ]".utf8)
            } else {
                (members[key] ?? .array([])).write(to: &piece, indent: 1)
            }
            writeSeparator(last: index + 1 == keys.count, to: &piece)
        }
        piece.append(contentsOf: "}\n".utf8)
        try flush()
    }

    /// Writes `value` as a JSON string literal; control characters are escaped.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: their UTF-8 is scanned and appended whole, in place.
        var text = value
        let plain = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        guard !plain else { return output.append(UInt8(ascii: "\"")) }
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped.append("\\\"")
            case "\\": escaped.append("\\\\")
            case "\n": escaped.append("\\n")
            case "\r": escaped.append("\\r")
            case "\t": escaped.append("\\t")
            case let control where control.value < 0x20 || control.value == 0x7F:
                let hex = String(control.value, radix: 16)
                escaped.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        output.append(contentsOf: escaped.utf8)
        output.append(UInt8(ascii: "\""))
    }
}
