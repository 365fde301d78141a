import Foundation
import LeakModel

/// What a debugger transcript says about the object daslang broke on: for a smart pointer
/// (`--track-smart-ptr`, a break at its creation and at every addRef and delRef) the call sites
/// that touched it, in order, with counts — the first made it; for a gc node
/// (`DAS_GC_BREAK_ON_ID`, one break) the frames that made it; then how the program ended and
/// the leak reports printed after the breaks.
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

        /// `das::parseDaScript`, or `make at trap.c:4`.
        public var description: String { function + (location.map { " at \($0)" } ?? "") }
    }

    /// Frames shown for where a gc node was made.
    public static let madeByDepth = 3

    /// The transcript.
    public var transcript: DebuggerTranscript
    /// One per distinct call site, in order of first break.
    public var callSites: [CallSite]
    /// The first break's frames outside the machinery, innermost first (up to ``madeByDepth``).
    public var madeBy: [String]
    /// The findings whose first occurrence comes after the last break and before the program ended.
    public var findingsAfter: [Finding]

    /// Analyses `transcript`; `findings` are the log's, to find the reports printed after the breaks.
    public init(_ transcript: DebuggerTranscript, findings: [Finding]) {
        self.transcript = transcript
        var sites: [CallSite] = []
        var index: [String: Int] = [:]
        for stop in transcript.stops {
            guard let frame = stop.frames.first(where: { !Self.isMachinery($0) }), let function = frame.function else { continue }
            let site = CallSite(function: Self.name(function), location: frame.location, count: 1, first: stop.position)
            if let known = index[site.description] {
                sites[known].count += 1
            } else {
                index[site.description] = sites.count
                sites.append(site)
            }
        }
        callSites = sites
        madeBy = (transcript.stops.first?.frames ?? []).filter { !Self.isMachinery($0) }.prefix(Self.madeByDepth)
            .compactMap { $0.function.map(Self.name) }
        let lastBreak = transcript.stops.last?.position
        let end = transcript.exit?.position
        let input = (lastBreak ?? end)?.input
        findingsAfter = findings.filter { finding in
            guard let first = finding.occurrences.first, first.input == input else { return false }
            if let lastBreak, first < lastBreak { return false }
            if let end, first > end { return false }
            return true
        }
    }

    /// Whether the program broke where a gc node is made (`DAS_GC_BREAK_ON_ID`): daslang said so, or
    /// the first break is in the gc node constructor (its `gc_node break` line may be lost with the output).
    public var isGCNodeBreak: Bool {
        transcript.gcNode != nil
            || transcript.stops.first?.frames.contains { $0.function.map(Self.name) == "das::gc_node::gc_node" } == true
    }

    /// Whether the tracked smart pointer is among the pointers the dump after the breaks lists.
    public var trackedPointerStillAlive: Bool? {
        guard let id = transcript.smartPointer else { return nil }
        let dumped = findingsAfter.filter { $0.detector == .smartPtr }
        guard !dumped.isEmpty else { return nil }
        return dumped.contains { $0.identities.contains(id.description) }
    }

    /// The frames the break itself adds: the signal being raised, daslang's `os_debug_break`,
    /// the reference counting of `smart_ptr.h`, and the gc node constructor that checks the id.
    static func isMachinery(_ frame: StackFrame) -> Bool {
        guard let function = frame.function else { return true }
        if let library = frame.library, library.hasPrefix("libc.so") || library.hasPrefix("libsystem_") { return true }
        let name = name(function)
        let signalling: Set<String> = [
            "__pthread_kill_implementation", "__pthread_kill_internal", "__pthread_kill", "pthread_kill", "__GI_raise", "raise",
            "gsignal", "__GI_abort", "abort", "__kill", "kill", "_sigtramp", "os_debug_break", "das::gc_node::gc_node",
        ]
        return signalling.contains(name) || name.hasPrefix("das::ptr_ref_count::") || name.hasPrefix("das::smart_ptr<")
            || name.hasPrefix("das::smart_ptr_raw<")
    }

    /// A function as a debugger prints it, without its parameter list or `[clone …]` suffix:
    /// `das::parseDaScript(std::string const&, …)` is `das::parseDaScript`; templates and
    /// `operator()` keep their parentheses.
    static func name(_ function: String) -> String {
        var text = Substring(function)
        if let clone = text.range(of: " [clone") { text = text[..<clone.lowerBound] }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "<": depth += 1
            case ">": depth = max(0, depth - 1)
            case "(" where depth == 0:
                let before = text[..<index]
                if text[index...].hasPrefix("(anonymous namespace)") {
                    index = text.index(index, offsetBy: "(anonymous namespace)".count)
                    continue
                }
                if before.hasSuffix("operator"), text[index...].hasPrefix("()") {
                    index = text.index(index, offsetBy: 2)
                    continue
                }
                return String(before)
            default: break
            }
            index = text.index(after: index)
        }
        return String(text)
    }
}
