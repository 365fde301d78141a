import Foundation

/// Reads a large log file with more than one thread and gives the same events, in the same
/// order, as feeding it to the ``LogParser`` in chunks: worker threads read blocks of whole
/// lines and digest them (split lines, remove CI prefixes, set aside the lines that cannot
/// matter to any report), and the calling thread hands the digests to the parser in file order.
public enum ParallelLogReader {
    /// Files smaller than this are read faster by one thread.
    public static let minimumSize = 16 << 20

    /// Why reading failed: the `errno` of the failed `read`.
    public struct ReadFailure: Error, Equatable {
        public var code: Int32
    }

    /// What was read.
    public struct Totals: Equatable, Sendable {
        public var lines: Int
        public var bytes: Int
    }

    /// Reads the file open at `descriptor` to its end into `parser`, then finishes the parser.
    ///
    /// - Parameters:
    ///   - blockSize: bytes per block (a block ends at a line end; a longer line is cut as the
    ///     parser cuts it).
    ///   - workers: digesting threads.
    public static func read(
        _ descriptor: Int32, into parser: LogParser, blockSize: Int = 1 << 20, workers: Int = 2
    ) throws(ReadFailure) -> Totals {
        let pipeline = Pipeline(descriptor: descriptor, blockSize: max(blockSize, 1), ahead: max(workers, 1) + 1)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<max(workers, 1) {
            let thread = Thread {
                pipeline.work()
                finished.signal()
            }
            thread.start()
        }
        var lines = 0
        var failure: Int32?
        while let next = pipeline.next() {
            switch next {
            case let .success(digest):
                parser.read(digest, lineBase: lines)
                lines += digest.lineCount
                pipeline.recycle(digest)
            case let .failure(code):
                failure = code.code
            }
            if failure != nil { break }
        }
        pipeline.stop()
        for _ in 0..<max(workers, 1) { finished.wait() }
        if let failure { throw ReadFailure(code: failure) }
        parser.finish()
        return Totals(lines: lines, bytes: pipeline.bytesRead)
    }

    /// The blocks being read and digested, shared by the threads under one lock.
    private final class Pipeline: @unchecked Sendable {
        private let descriptor: Int32
        private let blockSize: Int
        /// Digests done or being done beyond the one the parser waits for, at most.
        private let ahead: Int
        private let condition = NSCondition()
        private var carry: [UInt8] = []
        private var nextBlock = 0
        private var consumed = 0
        private var blockCount: Int?
        private var stopped = false
        private var digests: [Int: Result<LineDigest, ReadFailure>] = [:]
        /// Digests read by the parser, whose arrays the next blocks reuse.
        private var spare: [LineDigest] = []
        private(set) var bytesRead = 0
        /// Bytes asked of `read` at once.
        private let readSize = 1 << 20

        init(descriptor: Int32, blockSize: Int, ahead: Int) {
            self.descriptor = descriptor
            self.blockSize = blockSize
            self.ahead = ahead
        }

        /// A worker: reads the next block under the lock, digests it outside.
        func work() {
            // Matchers hold per-thread match data: one classifier per worker.
            let classifier = ReportPatterns.shared.flatMap { try? ReportLineClassifier(patterns: $0) }
            // The block buffer is this worker's, reused from block to block.
            var block: [UInt8] = []
            // Room for a block and the start of a line longer than a block, allocated once.
            block.reserveCapacity(blockSize + LineSplitter.maximumLineLength + 2)
            while true {
                condition.lock()
                while !stopped, blockCount == nil, nextBlock - consumed >= ahead { condition.wait() }
                guard !stopped, blockCount == nil else {
                    condition.unlock()
                    return
                }
                let index = nextBlock
                let read = readBlock(into: &block)
                let storage = spare.popLast() ?? LineDigest()
                switch read {
                case nil:
                    blockCount = index
                    condition.broadcast()
                    condition.unlock()
                    return
                case let .failure(failure)?:
                    nextBlock += 1
                    digests[index] = .failure(failure)
                    blockCount = index + 1
                    condition.broadcast()
                    condition.unlock()
                    return
                case let .success(isLast)?:
                    nextBlock += 1
                    if isLast { blockCount = index + 1 }
                    condition.unlock()
                    let digest = block.withUnsafeBytes {
                        BlockDigester.digest($0, isFirst: index == 0, isLast: isLast, classifier: classifier, storage: storage)
                    }
                    condition.lock()
                    digests[index] = .success(digest)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }

        /// The next digest in file order, waiting for it; nil after the last.
        func next() -> Result<LineDigest, ReadFailure>? {
            condition.lock()
            defer { condition.unlock() }
            while digests[consumed] == nil, blockCount.map({ consumed < $0 }) ?? true { condition.wait() }
            guard let digest = digests.removeValue(forKey: consumed) else { return nil }
            consumed += 1
            condition.broadcast()
            return digest
        }

        /// Takes back a digest the parser has read, for its storage.
        func recycle(_ digest: LineDigest) {
            condition.lock()
            // Digests in flight and spare ones together stay below twice the workers' count.
            if spare.count < ahead - 1 { spare.append(digest) }
            condition.unlock()
        }

        /// Makes the workers end.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }

        /// Reads the next block of whole lines into `block` (under the lock): whether it ends the
        /// input, or nil at the end. A line longer than a block keeps only what the parser would
        /// keep of it.
        private func readBlock(into block: inout [UInt8]) -> Result<Bool, ReadFailure>? {
            block.removeAll(keepingCapacity: true)
            block.append(contentsOf: carry)
            carry.removeAll(keepingCapacity: true)
            switch fill(&block, upTo: blockSize) {
            case let .failure(failure): return .failure(failure)
            case .success(true): return block.isEmpty ? nil : .success(true)
            case .success(false): break
            }
            if let lastNewline = block.lastIndex(of: 0x0A) {
                carry.append(contentsOf: block[(lastNewline + 1)...])
                block.removeSubrange((lastNewline + 1)...)
                return .success(false)
            }
            // One line fills the block: keep a start just longer than any line the parser keeps
            // whole (it is then cut there, as the parser cuts it), skip to its end.
            let kept = LineSplitter.maximumLineLength + 1
            block.removeSubrange(min(block.count, kept)...)
            var rest: [UInt8] = []
            while true {
                rest.removeAll(keepingCapacity: true)
                let atEnd: Bool
                switch fill(&rest, upTo: blockSize) {
                case let .failure(failure): return .failure(failure)
                case let .success(end): atEnd = end
                }
                let newline = rest.firstIndex(of: 0x0A)
                let lineEnd = newline ?? rest.count
                block.append(contentsOf: rest[0..<min(lineEnd, max(kept - block.count, 0))])
                if let newline {
                    carry.append(contentsOf: rest[(newline + 1)...])
                    block.append(0x0A)
                    return .success(false)
                }
                if atEnd { return .success(true) }
            }
        }

        /// Reads into `bytes` until it holds `limit` bytes; true when the input ended first. The
        /// bytes are read into the array's own storage (its capacity is reserved up front).
        private func fill(_ bytes: inout [UInt8], upTo limit: Int) -> Result<Bool, ReadFailure> {
            while bytes.count < limit {
                let start = bytes.count
                let wanted = min(readSize, limit - start)
                bytes.append(contentsOf: repeatElement(0, count: wanted))
                let (count, code) = bytes.withUnsafeMutableBytes { storage in
                    let count = Foundation.read(descriptor, storage.baseAddress! + start, wanted)
                    return (count, errno)
                }
                bytes.removeLast(wanted - max(count, 0))
                if count < 0 {
                    if code == EINTR { continue }
                    return .failure(ReadFailure(code: code))
                }
                if count == 0 { return .success(true) }
                bytesRead += count
            }
            return .success(false)
        }
    }
}
