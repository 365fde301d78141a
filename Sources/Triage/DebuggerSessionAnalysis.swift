import Foundation
import LeakModel

extension DebuggerSessionAnalysis {
    /// Frames shown for where a gc node was made.
    public static let madeByDepth = 3

    /// Analyses `transcript`; `findings` are the log's, to find the reports printed after the breaks.
    public init(_ transcript: DebuggerTranscript, findings: [Finding]) {
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
        let madeBy = (transcript.stops.first?.frames ?? []).filter { !Self.isMachinery($0) }.prefix(Self.madeByDepth)
            .compactMap { $0.function.map(Self.name) }
        let lastBreak = transcript.stops.last?.position
        let end = transcript.exit?.position
        let input = (lastBreak ?? end)?.input
        let findingsAfter = findings.filter { finding in
            guard let first = finding.occurrences.first, first.input == input else { return false }
            if let lastBreak, first < lastBreak { return false }
            if let end, first > end { return false }
            return true
        }
        // Daslang said so, or the first break is in the gc node constructor (its `gc_node break`
        // line may be lost with the output).
        let isGCNodeBreak = transcript.gcNode != nil
            || transcript.stops.first?.frames.contains { $0.function.map(Self.name) == "das::gc_node::gc_node" } == true
        self.init(transcript: transcript, callSites: sites, madeBy: madeBy, findingsAfter: findingsAfter, isGCNodeBreak: isGCNodeBreak)
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
