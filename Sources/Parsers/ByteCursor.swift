import Foundation

/// A position in a line's bytes for the byte-level shape checks that come before PCRE2:
/// each step consumes what it expects and says whether it was there. A line that fails a
/// shape check is ordinary output, whatever word it starts with.
struct ByteCursor {
    let line: UnsafeRawBufferPointer
    private(set) var index: Int

    init(_ line: UnsafeRawBufferPointer, at index: Int = 0) {
        self.line = line
        self.index = index
    }

    /// Whether every byte has been consumed.
    var atEnd: Bool { index >= line.count }

    /// Consumes `literal` when the line continues with it.
    @inline(__always)
    mutating func skip(_ literal: StaticString) -> Bool {
        guard ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[index...]), literal) else { return false }
        index += literal.utf8CodeUnitCount
        return true
    }

    /// Consumes a run of at least one hex digit.
    @inline(__always)
    mutating func skipHexDigits() -> Bool {
        let start = index
        while index < line.count, ByteText.isHexDigit(line[index]) { index += 1 }
        return index > start
    }

    /// Consumes a run of decimal digits (and the commas of grouped numbers) that starts with a digit.
    @inline(__always)
    mutating func skipDigits() -> Bool {
        guard index < line.count, line[index] >= 0x30, line[index] <= 0x39 else { return false }
        while index < line.count, (line[index] >= 0x30 && line[index] <= 0x39) || line[index] == UInt8(ascii: ",") { index += 1 }
        return true
    }

    /// Consumes everything up to and including the first `literal` ahead (found by `memchr`
    /// on its first byte).
    mutating func skip(past literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard let base = line.baseAddress, length > 0 else { return false }
        let first = Int32(literal.utf8Start.pointee)
        var start = index
        while start + length <= line.count, let found = memchr(base + start, first, line.count - length + 1 - start) {
            let candidate = base.distance(to: UnsafeRawPointer(found))
            if ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[candidate...]), literal) {
                index = candidate + length
                return true
            }
            start = candidate + 1
        }
        return false
    }
}
