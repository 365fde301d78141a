/// One heap (or string heap) as the report prints it: linear chunks, or persistent
/// decks and big blocks, each part present only when the runtime prints it.
public struct HeapBody: Sendable, Equatable {
    /// A chunk of a linear heap, with the strings it holds (string heap only).
    public struct LinearChunk: Sendable, Equatable {
        /// The chunk's address (hex, printed without `0x`).
        public var address: HexNumber
        /// `<used> of <size>`: bytes in use.
        public var used: Int
        /// `<used> of <size>`: the chunk's size in bytes.
        public var size: Int
        /// The strings it holds, as printed (escaped, cut to 28 characters plus `...`).
        public var strings: [String]
        /// Where the chunk was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a chunk.
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
        /// `decks of size <dec>`: the size class in bytes.
        public var size: Int
        /// The class's chunks, in printed order.
        public var chunks: [DeckChunk]
        /// `decks reserves <kb> kb in <n> chunks` (string heap).
        public var reserves: (kilobytes: Int, chunks: Int)?

        /// Creates a size class.
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
        /// `[<from>..<to>)`: where the chunk starts.
        public var from: HexNumber
        /// `[<from>..<to>)`: where the chunk ends (exclusive).
        public var to: HexNumber
        /// `<allocated> of <total>`: slots in use.
        public var allocated: Int
        /// `<allocated> of <total>`: the chunk's slots.
        public var total: Int
        /// `of <totalBytes> bytes`: the chunk's capacity (the bytes in use are allocated × size).
        public var totalBytes: Int
        /// The live strings it holds, as printed (string heap only).
        public var strings: [String]
        /// Where the chunk's range was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a chunk.
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
        /// Its size in bytes.
        public var size: Int
        /// Its address, printed after `0x`.
        public var pointer: HexNumber
        /// Its allocation id (0 without `-track-allocations`).
        public var id: Int
        /// What allocated it (`array`, `table`, `new [[ ]]`, …), when printed.
        public var comment: String?
        /// Where it was allocated (`file:line:col`), when printed.
        public var location: String?
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a block.
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
        /// The string, as printed (escaped, cut to 28 characters plus `...`).
        public var text: String
        /// `size <n> bytes`.
        public var size: Int
        /// The digits after `at 0x`, kept as text: they are decimal, not hex.
        public var address: String
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a big string.
        public init(text: String, size: Int, address: String, position: LogPosition? = nil) {
            self.text = text
            self.size = size
            self.address = address
            self.position = position
        }
    }

    /// Linear-heap chunks, in printed order (unsorted).
    public var linearChunks: [LinearChunk]
    /// Persistent-heap size classes (`decks of size` / `string decks of size`).
    public var decks: [DeckClass]
    /// `big stuff:` blocks; nil when the section is not printed.
    public var blocks: [Block]?
    /// `bytes per location:` as printed; nil when not printed.
    public var bytesPerLocation: [(location: String, bytes: Int)]?
    /// String-heap `big stuff:` strings; nil when the section is not printed.
    public var bigStrings: [BigString]?
    /// ` big stuff total size:<kb> kb`.
    public var bigStringsKilobytes: Int?

    /// Creates a body; every part defaults to absent.
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
