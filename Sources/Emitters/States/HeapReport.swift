import LeakModel

/// The heap report's state after `main` returns: the heap body and the string-heap body.
public struct HeapReport: Sendable, Equatable {
    /// The context heap.
    public var heap: HeapBody
    /// The string heap.
    public var strings: HeapBody

    /// Creates a report.
    public init(heap: HeapBody, strings: HeapBody) {
        self.heap = heap
        self.strings = strings
    }
}

/// One heap (or string heap) as the report prints it: linear chunks, or persistent
/// decks and big blocks, each part present only when the runtime prints it.
public struct HeapBody: Sendable, Equatable {
    /// A chunk of a linear heap, with the strings it holds (string heap only).
    public struct LinearChunk: Sendable, Equatable {
        public var address: HexNumber
        public var used: Int
        public var size: Int
        public var strings: [String]
        public var position: LogPosition?

        public init(address: HexNumber, used: Int, size: Int, strings: [String] = [], position: LogPosition? = nil) {
            self.address = address
            self.used = used
            self.size = size
            self.strings = strings
            self.position = position
        }
    }

    /// One size class of a persistent heap.
    public struct DeckClass: Sendable, Equatable {
        public var size: Int
        public var chunks: [DeckChunk]
        /// `decks reserves <kb> kb in <n> chunks` (string heap).
        public var reserves: (kilobytes: Int, chunks: Int)?

        public init(size: Int, chunks: [DeckChunk], reserves: (kilobytes: Int, chunks: Int)? = nil) {
            self.size = size
            self.chunks = chunks
            self.reserves = reserves
        }

        public static func == (lhs: DeckClass, rhs: DeckClass) -> Bool {
            lhs.size == rhs.size && lhs.chunks == rhs.chunks && lhs.reserves?.kilobytes == rhs.reserves?.kilobytes
                && lhs.reserves?.chunks == rhs.reserves?.chunks
        }
    }

    /// One chunk of a deck: its address range, counts, and live strings (string heap).
    public struct DeckChunk: Sendable, Equatable {
        public var from: HexNumber
        public var to: HexNumber
        public var allocated: Int
        public var total: Int
        public var totalBytes: Int
        public var strings: [String]
        public var position: LogPosition?

        public init(from: HexNumber, to: HexNumber, allocated: Int, total: Int, totalBytes: Int, strings: [String] = [],
                    position: LogPosition? = nil) {
            self.from = from
            self.to = to
            self.allocated = allocated
            self.total = total
            self.totalBytes = totalBytes
            self.strings = strings
            self.position = position
        }
    }

    /// A `big stuff` block of the heap.
    public struct Block: Sendable, Equatable {
        public var size: Int
        public var pointer: HexNumber
        public var id: Int
        public var comment: String?
        public var location: String?
        public var position: LogPosition?

        public init(size: Int, pointer: HexNumber, id: Int, comment: String? = nil, location: String? = nil, position: LogPosition? = nil) {
            self.size = size
            self.pointer = pointer
            self.id = id
            self.comment = comment
            self.location = location
            self.position = position
        }
    }

    /// A `big stuff` string of the string heap (`at 0x` is followed by decimal digits).
    public struct BigString: Sendable, Equatable {
        public var text: String
        public var size: Int
        public var address: String
        public var position: LogPosition?

        public init(text: String, size: Int, address: String, position: LogPosition? = nil) {
            self.text = text
            self.size = size
            self.address = address
            self.position = position
        }
    }

    public var linearChunks: [LinearChunk]
    public var decks: [DeckClass]
    /// `big stuff:` blocks; nil when the section is not printed.
    public var blocks: [Block]?
    /// `bytes per location:` as printed; nil when not printed.
    public var bytesPerLocation: [(location: String, bytes: Int)]?
    /// String-heap `big stuff:` strings; nil when the section is not printed.
    public var bigStrings: [BigString]?
    /// ` big stuff total size:<kb> kb`.
    public var bigStringsKilobytes: Int?

    public init(linearChunks: [LinearChunk] = [], decks: [DeckClass] = [], blocks: [Block]? = nil,
                bytesPerLocation: [(location: String, bytes: Int)]? = nil, bigStrings: [BigString]? = nil,
                bigStringsKilobytes: Int? = nil) {
        self.linearChunks = linearChunks
        self.decks = decks
        self.blocks = blocks
        self.bytesPerLocation = bytesPerLocation
        self.bigStrings = bigStrings
        self.bigStringsKilobytes = bigStringsKilobytes
    }

    public static func == (lhs: HeapBody, rhs: HeapBody) -> Bool {
        lhs.linearChunks == rhs.linearChunks && lhs.decks == rhs.decks && lhs.blocks == rhs.blocks
            && lhs.bytesPerLocation?.map(\.location) == rhs.bytesPerLocation?.map(\.location)
            && lhs.bytesPerLocation?.map(\.bytes) == rhs.bytesPerLocation?.map(\.bytes)
            && lhs.bigStrings == rhs.bigStrings && lhs.bigStringsKilobytes == rhs.bigStringsKilobytes
    }
}
