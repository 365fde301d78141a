import LeakModel

/// The RelWithDebInfo allocation tracker's live allocations at exit, grouped by site.
public struct CppHeapReport: Sendable, Equatable {
    public struct Site: Sendable, Equatable {
        public var allocations: Int
        public var bytes: Int
        public var minimum: Int
        public var maximum: Int
        /// As printed; the tracker prints bytes / allocations.
        public var mean: Int
        public var samplePointer: HexNumber
        public var frames: [Frame]
        public var position: LogPosition?

        public init(allocations: Int, bytes: Int, minimum: Int, maximum: Int, mean: Int? = nil, samplePointer: HexNumber,
                    frames: [Frame], position: LogPosition? = nil) {
            self.allocations = allocations
            self.bytes = bytes
            self.minimum = minimum
            self.maximum = maximum
            self.mean = mean ?? (allocations > 0 ? bytes / allocations : 0)
            self.samplePointer = samplePointer
            self.frames = frames
            self.position = position
        }
    }

    public struct Frame: Sendable, Equatable {
        public var address: HexNumber
        public var symbol: String?
        public var library: String?

        public init(address: HexNumber, symbol: String?, library: String?) {
            self.address = address
            self.symbol = symbol
            self.library = library
        }
    }

    public var sites: [Site]
    public var orphanFrees: Int?
    /// `symbolized in <t>s`, as printed.
    public var symbolizeSeconds: String
    /// Whether the `=== End report` line was printed (a truncated report has none).
    public var endPrinted: Bool

    public init(sites: [Site], orphanFrees: Int? = nil, symbolizeSeconds: String = "0.00", endPrinted: Bool = true) {
        self.sites = sites
        self.orphanFrees = orphanFrees
        self.symbolizeSeconds = symbolizeSeconds
        self.endPrinted = endPrinted
    }
}
