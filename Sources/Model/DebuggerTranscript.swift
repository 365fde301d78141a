/// What a daslang run under gdb or lldb printed: the program's stops with their backtraces,
/// how it ended, and which object daslang was told to break on. A next step of a gc-node or
/// smart-pointer finding prints one (see `NextStep`).
public struct DebuggerTranscript: Sendable, Equatable {
    /// The debugger that printed it.
    public enum Debugger: String, Sendable {
        case gdb, lldb
    }

    /// One stop of the program (a signal), with the backtrace printed there, innermost frame first.
    public struct Stop: Sendable, Equatable {
        /// The signal or stop reason: `SIGTRAP`.
        public var reason: String
        /// The line that announced it.
        public var position: LogPosition
        /// The frames printed, innermost first (the longest backtrace printed at this stop).
        public var frames: [StackFrame]

        /// Creates a stop.
        public init(reason: String, position: LogPosition, frames: [StackFrame] = []) {
            self.reason = reason
            self.position = position
            self.frames = frames
        }
    }

    /// How the program ended.
    public struct Exit: Sendable, Equatable {
        /// Its exit code, when it exited.
        public var code: Int?
        /// The signal that ended it, when one did.
        public var signal: String?
        /// The line that said so.
        public var position: LogPosition

        /// Creates an exit.
        public init(code: Int?, signal: String?, position: LogPosition) {
            self.code = code
            self.signal = signal
            self.position = position
        }
    }

    /// Which debugger.
    public var debugger: Debugger
    /// The stops, in order (up to a limit).
    public var stops: [Stop]
    /// Stops beyond the limit, counted only.
    public var stopsNotKept = 0
    /// How the program ended; nil when the debugger ended it at a break (gdb `-batch` after its last command).
    public var exit: Exit?
    /// The `--track-smart-ptr` id from daslang's `tracking <hex> aka <decimal>` echo.
    public var smartPointer: HexNumber?
    /// The `DAS_GC_BREAK_ON_ID` id from daslang's `gc_node break: id=<id>` line.
    public var gcNode: Int?

    /// Creates a transcript.
    public init(debugger: Debugger, stops: [Stop] = [], exit: Exit? = nil, smartPointer: HexNumber? = nil, gcNode: Int? = nil) {
        self.debugger = debugger
        self.stops = stops
        self.exit = exit
        self.smartPointer = smartPointer
        self.gcNode = gcNode
    }
}
