import LeakModel

extension LogPosition {
    /// Bits of ``packed`` that hold the line; the input takes the bits above.
    static let packedLineBits = 40

    /// The position in one integer, input above line, so that packed positions sort as positions do
    /// (lines beyond 2⁴⁰ and inputs beyond 2²⁴ are clamped: no log has that many).
    var packed: UInt64 {
        let line = UInt64(clamping: min(max(line, 0), (1 << Self.packedLineBits) - 1))
        let input = UInt64(clamping: min(max(input, 0), (1 << (64 - Self.packedLineBits)) - 1))
        return input << UInt64(Self.packedLineBits) | line
    }

    /// The position that ``packed`` holds.
    init(packed: UInt64) {
        self.init(input: Int(packed >> UInt64(Self.packedLineBits)), line: Int(packed & ((1 << UInt64(Self.packedLineBits)) - 1)))
    }
}
