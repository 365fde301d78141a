import LeakModel

/// One debugger session of a replay, for ``ReplayTextReporter`` and ``ReplayJSONReporter``: of a
/// debugger transcript (a next step of a gc-node or smart-pointer finding, run), which object
/// broke, the call sites that touched it in order with counts, how the program ended, and the
/// leak reports printed after the breaks.
struct DebuggerSessionReporter {
    /// One session in `leaktriage-replay/1`'s `debugger_sessions`.
    func json(_ session: DebuggerSessionAnalysis) -> JSONValue {
        let transcript = session.transcript
        return .object([
            "debugger": .string(transcript.debugger.rawValue),
            "input": .optional(transcript.stops.first?.position.input ?? transcript.exit?.position.input),
            "smart_ptr": transcript.smartPointer.map { .string($0.description) } ?? .null,
            "gc_node": .optional(transcript.gcNode),
            "gc_node_break": .bool(session.isGCNodeBreak),
            "breaks": .int(transcript.stops.count + transcript.stopsNotKept),
            "call_sites": .array(session.callSites.map { site in
                .object([
                    "function": .string(site.function), "location": LeakReportJSON.location(site.location),
                    "count": .int(site.count), "first": LeakReportJSON.position(site.first),
                ])
            }),
            "made_by": .array(session.madeBy.map(JSONValue.string)),
            "exit": transcript.exit.map { exit in
                .object(["code": .optional(exit.code), "signal": exit.signal.map(JSONValue.string) ?? .null,
                         "line": .int(exit.position.line)])
            } ?? .null,
            "findings_after": .array(session.findingsAfter.map { .string($0.fingerprint) }),
            "tracked_pointer_still_alive": session.trackedPointerStillAlive.map(JSONValue.bool) ?? .null,
        ])
    }

    /// One session for people.
    func text(_ session: DebuggerSessionAnalysis, in report: LeakReport, style: TextStyle) -> [String] {
        let transcript = session.transcript
        let breaks = transcript.stops.count + transcript.stopsNotKept
        var lines = [style.bold("\(subject(session)) under \(transcript.debugger.rawValue): "
            + "\(breaks) break\(breaks == 1 ? "" : "s")\(breaks > 1 ? " at \(session.callSites.count) call sites" : ""); \(ending(transcript))")]
        if transcript.stopsNotKept > 0 {
            lines.append("  (the first \(transcript.stops.count) breaks are read; \(transcript.stopsNotKept) more are only counted)")
        }
        if session.isGCNodeBreak {
            if !session.madeBy.isEmpty { lines.append("  made by " + session.madeBy.joined(separator: " ← ")) }
        } else {
            // With --track-smart-ptr the first break is where the pointer is made; without daslang's
            // echo (lost with the output when the debugger ends the program) the object is not known.
            let width = min(60, session.callSites.map(\.description.count).max() ?? 0)
            for (index, site) in session.callSites.enumerated() {
                let role = index > 0 ? "touched" : transcript.smartPointer != nil ? "made   " : "first  "
                let name = site.description.padding(toLength: max(width, site.description.count), withPad: " ", startingAt: 0)
                lines.append("  \(role) \(name)  ×\(site.count)  first at \(report.place(of: site.first))")
            }
        }
        if !session.findingsAfter.isEmpty {
            lines.append("  then the leak reports: " + session.findingsAfter.map(\.title).joined(separator: "; "))
        }
        if let alive = session.trackedPointerStillAlive, let id = transcript.smartPointer {
            lines.append(alive ? style.severity(.error, text: "  \(id) is still alive in the dump after the breaks")
                : "  \(id) is not in the dump after the breaks: it was released")
        }
        return lines
    }

    private func subject(_ session: DebuggerSessionAnalysis) -> String {
        let transcript = session.transcript
        if let id = transcript.smartPointer { return "smart pointer \(id) (--track-smart-ptr \(id))" }
        if let id = transcript.gcNode { return "gc node \(id) (DAS_GC_BREAK_ON_ID=\(id))" }
        return session.isGCNodeBreak ? "a gc node (DAS_GC_BREAK_ON_ID)" : "the program"
    }

    private func ending(_ transcript: DebuggerTranscript) -> String {
        guard let exit = transcript.exit else { return "the debugger ended the program at its last break" }
        if let code = exit.code { return "then the program exited with code \(code)" }
        return "then the program was killed by \(exit.signal ?? "a signal")"
    }
}
