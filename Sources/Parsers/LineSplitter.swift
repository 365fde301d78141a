import Foundation

/// Splits a stream of byte chunks into lines with `memchr`, without copying lines that
/// lie inside a chunk. A line longer than ``maximumLineLength`` is cut there: no report
/// line is that long, so only its start matters, and memory stays bounded.
///
/// It also says which lines hold an ESC byte (ANSI colour), finding them with one `memchr`
/// pass over the chunk rather than one per line: most lines of most logs have none.
struct LineSplitter {
    /// The longest line kept whole; the rest of a longer line is skipped.
    static let maximumLineLength = 64 * 1024

    /// One line of the input.
    struct Line {
        /// The line's bytes, without `\n` and a `\r` before it; valid only while it is being read.
        var bytes: UnsafeRawBufferPointer
        /// 1-based line number.
        var number: Int
        /// Whether the line was longer than ``maximumLineLength`` and was cut.
        var cut: Bool
        /// Whether `bytes` holds an ESC byte.
        var hasEscape: Bool
    }

    private var carry: [UInt8] = []
    private var carryCut = false
    /// Lines delivered so far (a last line without a newline counts once finished).
    private(set) var lineCount = 0
    /// Bytes fed so far.
    private(set) var byteCount = 0

    /// Feeds the next chunk; `consumer` reads each complete line.
    mutating func feed<Consumer: LineConsumer>(_ chunk: UnsafeRawBufferPointer, to consumer: inout Consumer) {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        byteCount += chunk.count
        var start = 0
        let end = chunk.count
        // The first ESC at or after `start`, or `end` when the rest of the chunk has none.
        var nextEscape = -1
        while start < end {
            guard let found = memchr(base + start, 0x0A, end - start) else {
                appendToCarry(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                return
            }
            let newline = base.distance(to: UnsafeRawPointer(found))
            let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<newline])
            if carry.isEmpty && !carryCut {
                if nextEscape < start {
                    nextEscape = memchr(base + start, 0x1B, end - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                }
                deliver(piece, cut: piece.count > Self.maximumLineLength, hasEscape: nextEscape < newline, to: &consumer)
            } else {
                appendToCarry(piece)
                flushCarry(to: &consumer)
            }
            start = newline + 1
        }
    }

    /// Delivers the last line when the input did not end with a newline.
    mutating func finish<Consumer: LineConsumer>(to consumer: inout Consumer) {
        if !carry.isEmpty || carryCut {
            flushCarry(to: &consumer)
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

    private mutating func flushCarry<Consumer: LineConsumer>(to consumer: inout Consumer) {
        let cut = carryCut
        var pending: [UInt8] = []
        swap(&pending, &carry)
        carryCut = false
        pending.withUnsafeBytes { bytes in
            let hasEscape = bytes.baseAddress.map { memchr($0, 0x1B, bytes.count) != nil } ?? false
            deliver(bytes, cut: cut, hasEscape: hasEscape, to: &consumer)
        }
        if pending.capacity <= 1 << 16 {
            pending.removeAll(keepingCapacity: true)
            swap(&pending, &carry)
        }
    }

    @inline(__always)
    private mutating func deliver<Consumer: LineConsumer>(
        _ line: UnsafeRawBufferPointer, cut: Bool, hasEscape: Bool, to consumer: inout Consumer
    ) {
        lineCount += 1
        var length = min(line.count, Self.maximumLineLength)
        if !cut, length > 0, line[length - 1] == 0x0D {
            length -= 1
        }
        consumer.read(Line(bytes: UnsafeRawBufferPointer(rebasing: line[0..<length]), number: lineCount, cut: cut,
                           hasEscape: hasEscape))
    }
}
