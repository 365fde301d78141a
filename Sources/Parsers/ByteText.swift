import Foundation
import LeakModel

/// Small helpers over a line's bytes, so that the hot path never builds a `String`
/// for a line it does not keep.
enum ByteText {
    /// Whether `line` starts with the ASCII `prefix`. Compared inline, byte by byte: prefixes
    /// are short and most lines differ within the first bytes, so a call to `memcmp` costs more.
    @inline(__always)
    static func hasPrefix(_ line: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        let bytes = prefix.utf8Start
        var index = 0
        while index < count {
            guard line[index] == bytes[index] else { return false }
            index += 1
        }
        return true
    }

    /// Whether `line` equals the ASCII `text`.
    @inline(__always)
    static func equals(_ line: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        line.count == text.utf8CodeUnitCount && hasPrefix(line, text)
    }

    /// Whether two byte buffers hold the same bytes.
    static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }

    /// A multiply-and-fold hash over 8-byte words, for the parser's direct-mapped caches: good
    /// enough to spread keys over the slots (equality is always checked), and several times
    /// cheaper than SipHash.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        while index < bytes.count {
            tail = tail << 8 | UInt64(bytes[index])
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// The bytes of `range` as a string (invalid UTF-8 is repaired with U+FFFD).
    static func string(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
    }

    /// The largest count, size or id a report line may carry (2⁴⁸, 256 TiB). No real report
    /// comes near it; a line that does is corrupt, and refusing it keeps every sum of such
    /// values far from overflowing.
    static let quantityLimit = 1 << 48

    /// A decimal number, optionally negative; nil on a non-digit or beyond ``quantityLimit``.
    static func decimal(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, line[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let byte = line[index]
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            guard value <= quantityLimit else { return nil }
            index += 1
        }
        return negative ? -value : value
    }

    /// Whether `byte` is an ASCII hex digit.
    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    /// Hex digits (no `0x`), remembering their count; nil when empty, too long or not hex.
    static func hex(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> HexNumber? {
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = line[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return HexNumber(value, digits: range.count)
    }
}

extension ByteText {
    /// Whether `line` contains the ASCII `needle` anywhere.
    static func contains(_ line: UnsafeRawBufferPointer, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard line.baseAddress != nil, length > 0, line.count >= length else { return false }
        for start in 0...(line.count - length) where hasPrefix(UnsafeRawBufferPointer(rebasing: line[start...]), needle) {
            return true
        }
        return false
    }
}
