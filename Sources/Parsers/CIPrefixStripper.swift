import Foundation
import LeakModel

/// Removes what CI systems and terminals add around daslang's own output: a BOM,
/// ANSI colour codes, `gh run view --log` job/step columns, GitHub/Azure timestamps,
/// and daslang's `[I] `/`[W] `/`[E] ` logger markers (which are kept aside, since the
/// profiler's console lines carry `[I] ` as part of their format).
///
/// Leading tabs and spaces are never removed: they belong to the report formats.
struct CIPrefixStripper {
    private var scratch: [UInt8] = []

    /// What remains of a line once its prefixes are gone.
    struct Cleaned {
        /// The daslang line.
        var content: UnsafeRawBufferPointer
        /// The logger marker that stood in front of it.
        var marker: LogMarker?
        /// Whether the line is a CI grouping marker (`##[group]…`) rather than output.
        var isCIMarker: Bool
    }

    /// Cleans `line` and hands the result to `body`; the content is valid only inside `body`.
    /// `hasEscape` says whether the line holds an ESC byte (the splitter has looked already).
    mutating func clean<Result>(
        _ line: UnsafeRawBufferPointer, firstLine: Bool, hasEscape: Bool, _ body: (Cleaned) -> Result
    ) -> Result {
        if hasEscape {
            stripEscapes(line)
            return scratch.withUnsafeBytes { bytes in
                body(Self.strip(bytes, firstLine: firstLine))
            }
        }
        return body(Self.strip(line, firstLine: firstLine))
    }

    /// Copies `line` into the scratch buffer without its ANSI escape sequences, copying the
    /// text between them in runs found with `memchr`.
    private mutating func stripEscapes(_ line: UnsafeRawBufferPointer) {
        scratch.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress else { return }
        var index = 0
        let count = line.count
        while index < count {
            guard let found = memchr(base + index, 0x1B, count - index) else {
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[index..<count]))
                return
            }
            let escape = base.distance(to: UnsafeRawPointer(found))
            scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[index..<escape]))
            index = escape + 1
            if index < count, line[index] == UInt8(ascii: "[") {
                // CSI: parameters and intermediates, then one final byte in 0x40...0x7E.
                index += 1
                while index < count, !(0x40...0x7E).contains(line[index]) { index += 1 }
                index += 1
            } else if index < count, line[index] == UInt8(ascii: "]") {
                // OSC: up to BEL or ESC \.
                while index < count, line[index] != 0x07, line[index] != 0x1B { index += 1 }
                if index < count, line[index] == 0x07 { index += 1 }
            } else if index < count {
                index += 1
            }
        }
    }

    private static func strip(_ line: UnsafeRawBufferPointer, firstLine: Bool) -> Cleaned {
        var start = 0
        if firstLine { start = skipBOM(line, at: start) }
        // Most CI lines start with a timestamp; only the others can carry `gh run view` columns.
        if let afterTimestamp = timestampEnd(line, at: start) {
            start = afterTimestamp
        } else if let afterColumns = ghColumnsEnd(line) {
            start = afterColumns
        }
        start = skipBOM(line, at: start)
        var content = UnsafeRawBufferPointer(rebasing: line[start...])
        if ByteText.hasPrefix(content, "##[") {
            // `##[group]`/`##[endgroup]` only structure the log; Azure's `##[error]`, `##[warning]`,
            // `##[section]`… prefix a line of output, which is read on.
            if ByteText.hasPrefix(content, "##[group]") || ByteText.hasPrefix(content, "##[endgroup]") {
                return Cleaned(content: content, marker: nil, isCIMarker: true)
            }
            if let close = content.firstIndex(of: UInt8(ascii: "]")), close < 16 {
                content = UnsafeRawBufferPointer(rebasing: content[(close + 1)...])
            }
        }
        var marker: LogMarker?
        if content.count >= 4, content[0] == UInt8(ascii: "["), content[2] == UInt8(ascii: "]"), content[3] == 0x20 {
            switch content[1] {
            case UInt8(ascii: "I"): marker = .info
            case UInt8(ascii: "W"): marker = .warning
            case UInt8(ascii: "E"): marker = .error
            default: break
            }
            if marker != nil {
                content = UnsafeRawBufferPointer(rebasing: content[4...])
            }
        }
        return Cleaned(content: content, marker: marker, isCIMarker: false)
    }

    private static func skipBOM(_ line: UnsafeRawBufferPointer, at start: Int) -> Int {
        if line.count >= start + 3, line[start] == 0xEF, line[start + 1] == 0xBB, line[start + 2] == 0xBF {
            return start + 3
        }
        return start
    }

    /// The end of `job<TAB>step<TAB><timestamp> ` as `gh run view --log` prints it.
    private static func ghColumnsEnd(_ line: UnsafeRawBufferPointer) -> Int? {
        guard let base = line.baseAddress else { return nil }
        let window = min(line.count, 512)
        guard let first = memchr(base, 0x09, window) else { return nil }
        let afterFirst = base.distance(to: UnsafeRawPointer(first)) + 1
        guard afterFirst < window, let second = memchr(base + afterFirst, 0x09, window - afterFirst) else { return nil }
        let afterSecond = base.distance(to: UnsafeRawPointer(second)) + 1
        return timestampEnd(line, at: afterSecond)
    }

    /// Whether the eight bytes of `word` (the first in its lowest byte) hold ASCII digits where
    /// `digits` has 0xFF bytes and `literals` where `literalMask` has them.
    @inline(__always)
    private static func word(_ word: UInt64, digits: UInt64, literalMask: UInt64, literals: UInt64) -> Bool {
        guard word & literalMask == literals else { return false }
        // A digit byte less 0x30 is 0...9: no bit of its high nibble set, before or after adding 6.
        let offsets = (word & digits) ^ (digits & 0x3030_3030_3030_3030)
        let high = digits & 0xF0F0_F0F0_F0F0_F0F0
        return offsets & high == 0 && (offsets &+ (digits & 0x0606_0606_0606_0606)) & high == 0
    }

    /// The end of the timestamp a CI system or log plugin puts in front of every line, and of its
    /// space, at `start`: `2026-11-24T12:00:00.1234567Z ` (GitHub, Azure); the same followed by
    /// GitLab's stream tag (`00O `, `01E+ `, with `FF_TIMESTAMPS`); `[2026-11-24T12:00:00.123Z] `
    /// (Jenkins pipelines' `timestamps`); `[12:00:00] ` and `12:00:00  ` (Jenkins' Timestamper,
    /// whose clock time is followed by two spaces).
    private static func timestampEnd(_ line: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard start < line.count else { return nil }
        if line[start] == UInt8(ascii: "[") {
            guard let end = isoTimestampEnd(line, at: start + 1) ?? clockTimeEnd(line, at: start + 1),
                  end < line.count, line[end] == UInt8(ascii: "]") else { return nil }
            return spaceEnd(line, at: end + 1)
        }
        if let end = isoTimestampEnd(line, at: start) {
            guard let afterSpace = spaceEnd(line, at: end) else { return nil }
            return gitLabStreamTagEnd(line, at: afterSpace) ?? afterSpace
        }
        return clockTimeEnd(line, at: start).flatMap { spaceEnd(line, at: $0) }.flatMap { spaceEnd(line, at: $0) }
    }

    /// After a timestamp: past its one space, or the line's end (a timestamp alone on an empty output line).
    private static func spaceEnd(_ line: UnsafeRawBufferPointer, at index: Int) -> Int? {
        if index == line.count { return index }
        return line[index] == 0x20 ? index + 1 : nil
    }

    /// The end of GitLab's stream tag and its space: two hex digits, `O` (stdout) or `E`
    /// (stderr), and `+` when the line continues the previous one.
    private static func gitLabStreamTagEnd(_ line: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard line.count >= start + 4, ByteText.isHexDigit(line[start]), ByteText.isHexDigit(line[start + 1]),
              line[start + 2] == UInt8(ascii: "O") || line[start + 2] == UInt8(ascii: "E") else { return nil }
        var index = start + 3
        if line[index] == UInt8(ascii: "+") { index += 1 }
        return spaceEnd(line, at: index)
    }

    /// The end of a clock time `hh:mm:ss`, with an optional fraction, at `start`.
    private static func clockTimeEnd(_ line: UnsafeRawBufferPointer, at start: Int) -> Int? {
        guard line.count >= start + 8 else { return nil }
        @inline(__always) func digit(_ offset: Int) -> Bool { line[start + offset] >= 0x30 && line[start + offset] <= 0x39 }
        guard digit(0), digit(1), line[start + 2] == UInt8(ascii: ":"), digit(3), digit(4), line[start + 5] == UInt8(ascii: ":"),
              digit(6), digit(7) else { return nil }
        return fractionEnd(line, at: start + 8)
    }

    /// Past a `.` and its digits at `index`, if there is one.
    private static func fractionEnd(_ line: UnsafeRawBufferPointer, at index: Int) -> Int {
        guard index < line.count, line[index] == UInt8(ascii: ".") else { return index }
        var end = index + 1
        while end < line.count, line[end] >= 0x30, line[end] <= 0x39 { end += 1 }
        return end
    }

    /// The end of an ISO-8601 timestamp (`2026-11-24T12:00:00.1234567Z`, zone optional) at `start`.
    private static func isoTimestampEnd(_ line: UnsafeRawBufferPointer, at start: Int) -> Int? {
        // yyyy-mm-ddThh:mm:ss is 19 bytes; the fraction and the zone are optional. Checked eight
        // bytes at a time: bytes 0-7, 8-15 and 11-18.
        guard line.count >= start + 20 else { return nil }
        guard Self.word(line.loadUnaligned(fromByteOffset: start, as: UInt64.self).littleEndian,
                        digits: 0x00FF_FF00_FFFF_FFFF, literalMask: 0xFF00_00FF_0000_0000, literals: 0x2D00_002D_0000_0000),
              Self.word(line.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self).littleEndian,
                        digits: 0xFFFF_00FF_FF00_FFFF, literalMask: 0x0000_FF00_00FF_0000, literals: 0x0000_3A00_0054_0000),
              Self.word(line.loadUnaligned(fromByteOffset: start + 11, as: UInt64.self).littleEndian,
                        digits: 0xFFFF_00FF_FF00_FFFF, literalMask: 0x0000_FF00_00FF_0000, literals: 0x0000_3A00_003A_0000)
        else { return nil }
        var index = fractionEnd(line, at: start + 19)
        if index < line.count, line[index] == UInt8(ascii: "Z") {
            index += 1
        } else if index < line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") {
            // A numeric zone: +hh:mm or +hhmm.
            index += 1
            while index < line.count, (line[index] >= 0x30 && line[index] <= 0x39) || line[index] == UInt8(ascii: ":") {
                index += 1
            }
        }
        return index
    }
}
