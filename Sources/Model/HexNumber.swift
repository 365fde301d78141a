/// A hexadecimal number as a report prints it (ids, addresses, sizes), remembering
/// how many digits were printed so that it renders back exactly.
public struct HexNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The numeric value.
    public var value: UInt64
    /// The number of digits printed (leading zeros included).
    public var digits: Int

    /// Creates a number printed with at least `digits` digits.
    public init(_ value: UInt64, digits: Int = 0) {
        self.value = value
        // The digits `String(value, radix: 16)` prints (one for zero), counted without making it.
        self.digits = max(digits, max(1, (UInt64.bitWidth - value.leadingZeroBitCount + 3) / 4))
    }

    /// Parses lowercase or uppercase hex digits without a `0x` prefix; nil on anything else or overflow.
    public init?<S: StringProtocol>(parsing text: S) {
        guard !text.isEmpty, text.utf8.count <= 16, let value = UInt64(text, radix: 16) else { return nil }
        self.value = value
        self.digits = text.utf8.count
    }

    /// The digits, lowercase, zero-padded to ``digits``.
    public var description: String {
        let plain = String(value, radix: 16)
        return plain.count >= digits ? plain : String(repeating: "0", count: digits - plain.count) + plain
    }
}
