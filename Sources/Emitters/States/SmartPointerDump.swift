import LeakModel

/// Smart pointers still alive at shutdown, newest first.
public struct SmartPointerDump: Sendable, Equatable {
    /// One tracked pointer.
    public struct Pointer: Sendable, Equatable {
        public var address: HexNumber
        public var referenceCount: Int
        public var id: HexNumber
        /// `Context <name>`, `Program`, `FileAccess`, or nil (no type word).
        public var description: String?
        public var position: LogPosition?

        public init(address: HexNumber, referenceCount: Int, id: HexNumber, description: String?, position: LogPosition? = nil) {
            self.address = address
            self.referenceCount = referenceCount
            self.id = id
            self.description = description
            self.position = position
        }
    }

    public var pointers: [Pointer]
    /// `--no-dump-leaks`: only the FATAL line, with this count.
    public var silencedCount: Int?
    /// Whether the `total` line was printed (a truncated dump has none).
    public var totalPrinted: Bool

    public init(pointers: [Pointer], silencedCount: Int? = nil, totalPrinted: Bool = true) {
        self.pointers = pointers
        self.silencedCount = silencedCount
        self.totalPrinted = totalPrinted
    }
}
