import Foundation

/// Splits a stream of byte chunks into lines with `memchr`, without copying lines that
/// lie inside a chunk. A line longer than ``maximumLineLength`` is cut there: no report
/// line is that long, so only its start matters, and memory stays bounded.
struct LineSplitter {
    /// The longest line kept whole; the rest of a longer line is skipped.
    static let maximumLineLength = 64 * 1024

    private var carry: [UInt8] = []
    private var carryCut = false
    /// Lines delivered so far (a last line without a newline counts once finished).
    private(set) var lineCount = 0
    /// Bytes fed so far.
    private(set) var byteCount = 0

    /// Feeds the next chunk; `body` receives each complete line (without `\n` and a `\r`
    /// before it), its 1-based number, and whether it was cut.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, Int, Bool) -> Void) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        byteCount += chunk.count
        var start = 0
        let end = chunk.count
        while start < end {
            guard let found = memchr(base + start, 0x0A, end - start) else {
                appendToCarry(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                return
            }
            let newline = base.distance(to: UnsafeRawPointer(found))
            let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<newline])
            if carry.isEmpty && !carryCut {
                deliver(piece, cut: piece.count > Self.maximumLineLength, body)
            } else {
                appendToCarry(piece)
                flushCarry(body)
            }
            start = newline + 1
        }
    }

    /// Delivers the last line when the input did not end with a newline.
    mutating func finish(_ body: (UnsafeRawBufferPointer, Int, Bool) -> Void) {
        if !carry.isEmpty || carryCut {
            flushCarry(body)
        }
    }

    private mutating func appendToCarry(_ piece: UnsafeRawBufferPointer) {
        let room = Self.maximumLineLength - carry.count
        if piece.count > room {
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[0..<max(room, 0)]))
            carryCut = true
        } else {
            carry.append(contentsOf: piece)
        }
    }

    private mutating func flushCarry(_ body: (UnsafeRawBufferPointer, Int, Bool) -> Void) {
        let cut = carryCut
        var pending: [UInt8] = []
        swap(&pending, &carry)
        carryCut = false
        pending.withUnsafeBytes { bytes in
            deliver(bytes, cut: cut, body)
        }
        if pending.capacity <= 1 << 16 {
            pending.removeAll(keepingCapacity: true)
            swap(&pending, &carry)
        }
    }

    @inline(__always)
    private mutating func deliver(_ line: UnsafeRawBufferPointer, cut: Bool, _ body: (UnsafeRawBufferPointer, Int, Bool) -> Void) {
        lineCount += 1
        var length = min(line.count, Self.maximumLineLength)
        if !cut, length > 0, line[length - 1] == 0x0D {
            length -= 1
        }
        body(UnsafeRawBufferPointer(rebasing: line[0..<length]), lineCount, cut)
    }
}
