/// The RelWithDebInfo allocation tracker's live allocations at exit, grouped by site.
public struct CppHeapReport: Sendable, Equatable {
    /// One `--- Leak site #<n>` section: its counts, its sample pointer and its stack.
    public struct Site: Sendable, Equatable {
        /// `<n> allocs`: live allocations from this site.
        public var allocations: Int
        /// Their total size in bytes.
        public var bytes: Int
        /// `min`: the smallest of them, in bytes.
        public var minimum: Int
        /// `max`: the largest of them, in bytes.
        public var maximum: Int
        /// As printed; the tracker prints bytes / allocations.
        public var mean: Int
        /// `sample ptr:`, one of the live allocations.
        public var samplePointer: HexNumber
        /// The stack frames, as printed.
        public var frames: [Frame]
        /// Where the site header was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates a site; `mean` defaults to bytes / allocations, as the tracker computes it.
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

    /// One stack frame of a site.
    public struct Frame: Sendable, Equatable {
        /// The frame's address.
        public var address: HexNumber
        /// The demangled C++ symbol with its `+0x` offset; nil for `?`.
        public var symbol: String?
        /// The library path in parentheses, when printed.
        public var library: String?

        /// Creates a frame.
        public init(address: HexNumber, symbol: String?, library: String?) {
            self.address = address
            self.symbol = symbol
            self.library = library
        }
    }

    /// Leak sites, as printed (by bytes, most first).
    public var sites: [Site]
    /// `Orphan frees (pre-arm or cross-module):`, when that line was printed.
    public var orphanFrees: Int?
    /// `symbolized in <t>s`, as printed.
    public var symbolizeSeconds: String
    /// Whether the `=== End report` line was printed (a truncated report has none).
    public var endPrinted: Bool

    /// Creates a report.
    public init(sites: [Site], orphanFrees: Int? = nil, symbolizeSeconds: String = "0.00", endPrinted: Bool = true) {
        self.sites = sites
        self.orphanFrees = orphanFrees
        self.symbolizeSeconds = symbolizeSeconds
        self.endPrinted = endPrinted
    }
}
