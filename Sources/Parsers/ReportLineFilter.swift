import LeakModel

/// Decides, with byte comparisons only, that a cleaned line cannot mean anything to the parser in
/// any state: it has neither the literal start and distinctive structure of any shape of the
/// grammar (``ReportLineShape/start`` and ``ReportLineShape/structure``), nor the start and name
/// structure of a line some report names when it does not parse, nor the start of a test-runner
/// line, and it is neither empty nor tab-indented (a heap report's strings are any such line).
/// The assembler reads such a line as unrelated output whatever report is open, so it may skip
/// everything else for it: the cost of an ordinary line is this check, whatever its first bytes.
///
/// The routes (a start and the structure after it) are derived from the shapes and found by the
/// line's first two bytes, then sifted by its third: most lines are turned away by one lookup,
/// and a line that starts like a report line by a few more comparisons.
struct ReportLineFilter: @unchecked Sendable {
    /// A literal start and the structure that must follow it (``ops``[`structure`]).
    private struct Route: Sendable {
        let start: StaticString
        let structure: Range<Int>
        /// The start's first eight bytes (fewer when it is shorter) as a word, and the mask of
        /// those bytes: one comparison turns away most lines that do not start so.
        let head: UInt64
        let headMask: UInt64

        init(start: StaticString, structure: Range<Int>) {
            self.start = start
            self.structure = structure
            var head: UInt64 = 0, mask: UInt64 = 0
            for index in 0..<min(start.utf8CodeUnitCount, 8) {
                head |= UInt64(start.utf8Start[index]) << UInt64(8 * index)
                mask |= 0xFF << UInt64(8 * index)
            }
            self.head = head
            headMask = mask
        }
    }

    // The tables live in memory of their own, referenced by plain pointers: copying the filter
    // (per line, into the closure that reads it, on every thread) then retains nothing. The
    // ``ReportPatterns`` that made them frees them (``deallocate()``).
    private let routes: UnsafeBufferPointer<Route>
    private let ops: UnsafeBufferPointer<StructureOp>
    /// The routes of each bucket, as indices into ``routes``: ``members``[``bucketRanges``[bucket]].
    private let members: UnsafeBufferPointer<Int>
    private let bucketRanges: UnsafeBufferPointer<Range<Int>>
    /// Per bucket, the third bytes a line of one of its routes may have (a 256-bit set in four words).
    private let thirdBytes: UnsafeBufferPointer<UInt64>
    /// The bucket of a line's first two bytes (`first << 8 | second`), 0 when no route starts so.
    private let bucketOfPair: UnsafeBufferPointer<UInt16>
    /// The bucket of a one-byte line.
    private let bucketOfByte: UnsafeBufferPointer<UInt16>
    /// Whether some shape may be any line at all (no start, no structure): then every line may matter.
    private let everyLineMatters: Bool

    /// The filter that keeps every line (the reference a filtered read is checked against).
    static let keepingEveryLine = ReportLineFilter()

    private init() {
        routes = UnsafeBufferPointer(start: nil, count: 0)
        ops = UnsafeBufferPointer(start: nil, count: 0)
        members = UnsafeBufferPointer(start: nil, count: 0)
        bucketRanges = UnsafeBufferPointer(start: nil, count: 0)
        thirdBytes = UnsafeBufferPointer(start: nil, count: 0)
        bucketOfPair = UnsafeBufferPointer(start: nil, count: 0)
        bucketOfByte = UnsafeBufferPointer(start: nil, count: 0)
        everyLineMatters = true
    }

    /// A copy of `array` in memory of its own.
    private static func table<Element>(_ array: [Element]) -> UnsafeBufferPointer<Element> {
        let table = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = table.initialize(from: array)
        return UnsafeBufferPointer(table)
    }

    /// Frees the tables; the filter (and every copy of it) is not used afterwards.
    func deallocate() {
        for table in [UnsafeRawPointer(routes.baseAddress), UnsafeRawPointer(ops.baseAddress), UnsafeRawPointer(members.baseAddress),
                      UnsafeRawPointer(bucketRanges.baseAddress), UnsafeRawPointer(thirdBytes.baseAddress),
                      UnsafeRawPointer(bucketOfPair.baseAddress), UnsafeRawPointer(bucketOfByte.baseAddress)] {
            table.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
        }
    }

    init(shapes: [ReportLineShape]) {
        var routes: [Route] = []
        var ops: [StructureOp] = []
        /// Per route, the first bytes a line of it may have; the second too when its start has two.
        var firsts: [(bytes: [UInt8], second: UInt8?)] = []
        var everyLineMatters = false
        for shape in shapes {
            var structures = [shape.structure]
            if shape.namedInside != nil { structures.append(shape.nameStructure) }
            for steps in structures {
                let start = shape.start
                let length = start.utf8CodeUnitCount
                let bytes: [UInt8]
                if length > 0 {
                    bytes = [start.utf8Start[0]]
                } else if let possible = Self.firstBytes(of: steps) {
                    bytes = Array(Set(possible)).sorted()
                } else {
                    // A shape with neither start nor structure and an empty pattern is the empty line, checked apart.
                    if !(steps.isEmpty && shape.pattern.isEmpty) { everyLineMatters = true }
                    continue
                }
                let compiled = StructureOp.compile(steps)
                routes.append(Route(start: start, structure: ops.count..<(ops.count + compiled.count)))
                ops += compiled
                firsts.append((bytes, length >= 2 ? start.utf8Start[1] : nil))
            }
        }
        // Lines sharing their first two bytes share a bucket: the routes they may follow.
        var bucketIndex: [[Int]: UInt16] = [[]: 0]
        var members: [Int] = []
        var bucketRanges: [Range<Int>] = [0..<0]
        var thirdBytes: [UInt64] = [0, 0, 0, 0]
        func bucket(_ list: [Int]) -> UInt16 {
            if let known = bucketIndex[list] { return known }
            let index = UInt16(bucketRanges.count)
            bucketIndex[list] = index
            bucketRanges.append(members.count..<(members.count + list.count))
            members += list
            var mask: [UInt64] = [0, 0, 0, 0]
            for route in list {
                let start = routes[route].start
                if start.utf8CodeUnitCount >= 3 {
                    let third = Int(start.utf8Start[2])
                    mask[third >> 6] |= 1 << UInt64(third & 63)
                } else {
                    mask = [~0, ~0, ~0, ~0]
                }
            }
            thirdBytes += mask
            return index
        }
        var bucketOfPair = [UInt16](repeating: 0, count: 1 << 16)
        var bucketOfByte = [UInt16](repeating: 0, count: 256)
        for byte in 0..<256 {
            // Routes whose start gives the second byte, by that byte; and those that take any second byte.
            var bySecond: [UInt8: [Int]] = [:]
            var anySecond: [Int] = []
            for (index, first) in firsts.enumerated() where first.bytes.contains(UInt8(byte)) {
                if let second = first.second { bySecond[second, default: []].append(index) } else { anySecond.append(index) }
            }
            guard !bySecond.isEmpty || !anySecond.isEmpty else { continue }
            let rest = bucket(anySecond)
            bucketOfByte[byte] = rest
            for second in 0..<256 {
                bucketOfPair[byte << 8 | second] = bySecond[UInt8(second)].map { bucket($0 + anySecond) } ?? rest
            }
        }
        self.bucketOfPair = Self.table(bucketOfPair)
        self.bucketOfByte = Self.table(bucketOfByte)
        self.routes = Self.table(routes)
        self.ops = Self.table(ops)
        self.members = Self.table(members)
        self.bucketRanges = Self.table(bucketRanges)
        self.thirdBytes = Self.table(thirdBytes)
        self.everyLineMatters = everyLineMatters
    }

    /// The bytes a line following `steps` (with no literal start) may begin with; nil when any byte may.
    private static func firstBytes(of steps: [ReportLineShape.Step]) -> [UInt8]? {
        guard let first = steps.first else { return nil }
        switch first {
        case let .literal(text):
            return text.utf8CodeUnitCount > 0 ? [text.utf8Start[0]] : firstBytes(of: Array(steps.dropFirst()))
        case .hexDigits:
            return Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + Array(UInt8(ascii: "a")...UInt8(ascii: "f"))
                + Array(UInt8(ascii: "A")...UInt8(ascii: "F"))
        case .digits, .decimalDigitNext:
            return Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case .end:
            // Only the empty line, checked apart.
            return []
        case let .either(options):
            var bytes: [UInt8] = []
            for option in options {
                guard let possible = firstBytes(of: option + steps.dropFirst()) else { return nil }
                bytes += possible
            }
            return bytes
        case .past:
            return nil
        }
    }

    /// Whether `line` may mean anything to the parser in some state (false: it is ordinary output
    /// whatever report is open).
    @inline(__always)
    func mayMatter(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let first = line.first else { return true }
        if first == 0x09 || everyLineMatters { return true }
        let bucket = Int(line.count >= 2 ? bucketOfPair[Int(first) << 8 | Int(line[1])] : bucketOfByte[Int(first)])
        if bucket != 0, followsRoute(of: bucket, line) { return true }
        return TestRunnerLine.mayBeRunnerLine(line)
    }

    /// The line's first eight bytes as a word (zeros beyond a shorter line's end).
    @inline(__always)
    private static func head(of line: UnsafeRawBufferPointer) -> UInt64 {
        if line.count >= 8 { return line.loadUnaligned(as: UInt64.self).littleEndian }
        var head: UInt64 = 0
        for index in 0..<line.count { head |= UInt64(line[index]) << UInt64(8 * index) }
        return head
    }

    private func followsRoute(of bucket: Int, _ line: UnsafeRawBufferPointer) -> Bool {
        if line.count >= 3 {
            let third = Int(line[2])
            guard thirdBytes[bucket << 2 | third >> 6] & (1 << UInt64(third & 63)) != 0 else { return false }
        }
        let head = Self.head(of: line)
        for member in bucketRanges[bucket] {
            let route = routes[members[member]]
            guard head & route.headMask == route.head, ByteText.hasPrefix(line, route.start) else { continue }
            var cursor = ByteCursor(line, at: route.start.utf8CodeUnitCount)
            if StructureOp.follow(ops, route.structure, &cursor) { return true }
        }
        return false
    }
}
