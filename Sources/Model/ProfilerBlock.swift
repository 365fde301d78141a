/// The leak profiler's state for one context at destruction: what it still holds.
public struct ProfilerBlock: Sendable, Equatable {
    /// One live allocation and where it was made.
    public struct Allocation: Sendable, Equatable {
        /// Its size in bytes.
        public var size: HexNumber
        /// Frames leaf first: function and `file:line` (nil for `?`-like frames without a location).
        public var frames: [Frame]
        /// Where it was listed, when parsed from a log.
        public var position: LogPosition?

        /// Creates an allocation.
        public init(size: HexNumber, frames: [Frame], position: LogPosition? = nil) {
            self.size = size
            self.frames = frames
            self.position = position
        }
    }

    /// One frame as the profiler prints it.
    public struct Frame: Sendable, Equatable {
        /// The function name (with daslang's mangling), or `?`.
        public var function: String
        /// `file:line`, when printed.
        public var location: String?

        /// Creates a frame.
        public init(function: String, location: String?) {
            self.function = function
            self.location = location
        }
    }

    /// The context's name (`<unnamed>`, a user name, `clone of …`).
    public var context: String
    /// Live allocations.
    public var allocations: [Allocation]
    /// `[I] ` on the console; nil for `--das-profiler-log-file` output.
    public var marker: LogMarker?

    /// Creates a block.
    public init(context: String, allocations: [Allocation], marker: LogMarker? = .info) {
        self.context = context
        self.allocations = allocations
        self.marker = marker
    }
}
