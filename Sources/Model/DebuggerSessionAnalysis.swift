/// What a debugger transcript says about the object daslang broke on: for a smart pointer
/// (`--track-smart-ptr`, a break at its creation and at every addRef and delRef) the call sites
/// that touched it, in order, with counts — the first made it; for a gc node
/// (`DAS_GC_BREAK_ON_ID`, one break) the frames that made it; then how the program ended and
/// the leak reports printed after the breaks. Triage analyses a ``DebuggerTranscript`` into one.
public struct DebuggerSessionAnalysis: Sendable, Equatable {
    /// Where the program was when it broke: the first frame outside the break's own machinery.
    public struct CallSite: Sendable, Equatable {
        /// The function, without its parameter list.
        public var function: String
        /// Its source line, when the debugger had one.
        public var location: SourceLocation?
        /// How many breaks were there.
        public var count: Int
        /// The first of them.
        public var first: LogPosition

        /// Creates a call site.
        public init(function: String, location: SourceLocation?, count: Int, first: LogPosition) {
            self.function = function
            self.location = location
            self.count = count
            self.first = first
        }

        /// `das::parseDaScript`, or `make at trap.c:4`.
        public var description: String { function + (location.map { " at \($0)" } ?? "") }
    }

    /// The transcript.
    public var transcript: DebuggerTranscript
    /// One per distinct call site, in order of first break.
    public var callSites: [CallSite]
    /// The first break's frames outside the machinery, innermost first.
    public var madeBy: [String]
    /// The findings whose first occurrence comes after the last break and before the program ended.
    public var findingsAfter: [Finding]
    /// Whether the program broke where a gc node is made (`DAS_GC_BREAK_ON_ID`).
    public var isGCNodeBreak: Bool

    /// Creates an analysis.
    public init(transcript: DebuggerTranscript, callSites: [CallSite], madeBy: [String], findingsAfter: [Finding], isGCNodeBreak: Bool) {
        self.transcript = transcript
        self.callSites = callSites
        self.madeBy = madeBy
        self.findingsAfter = findingsAfter
        self.isGCNodeBreak = isGCNodeBreak
    }

    /// Whether the tracked smart pointer is among the pointers the dump after the breaks lists.
    public var trackedPointerStillAlive: Bool? {
        guard let id = transcript.smartPointer else { return nil }
        let dumped = findingsAfter.filter { $0.detector == .smartPtr }
        guard !dumped.isEmpty else { return nil }
        return dumped.contains { $0.identities.contains(id.description) }
    }
}
