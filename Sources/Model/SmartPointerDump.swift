/// Smart pointers still alive at shutdown, newest first.
public struct SmartPointerDump: Sendable, Equatable {
    /// One tracked pointer.
    public struct Pointer: Sendable, Equatable {
        /// The pointer's address.
        public var address: HexNumber
        /// `rc=`, as printed (can be 0).
        public var referenceCount: Int
        /// `id=`, the track id (hex) for `--track-smart-ptr`.
        public var id: HexNumber
        /// `Context <name>`, `Program`, `FileAccess`, or nil (no type word).
        public var description: String?
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a pointer.
        public init(address: HexNumber, referenceCount: Int, id: HexNumber, description: String?, position: LogPosition? = nil) {
            self.address = address
            self.referenceCount = referenceCount
            self.id = id
            self.description = description
            self.position = position
        }
    }

    /// Survivors, newest first.
    public var pointers: [Pointer]
    /// `--no-dump-leaks`: only the FATAL line, with this count.
    public var silencedCount: Int?
    /// Whether the `total` line was printed (a truncated dump has none).
    public var totalPrinted: Bool

    /// Creates a dump.
    public init(pointers: [Pointer], silencedCount: Int? = nil, totalPrinted: Bool = true) {
        self.pointers = pointers
        self.silencedCount = silencedCount
        self.totalPrinted = totalPrinted
    }
}
