import Foundation
import LeakModel

/// `replay --format text|json`: each traced object's reference-count timeline, with the
/// addRefs never released and the gaps where lines were lost.
public struct TraceReplayReporter: Sendable {
    /// The schema of `replay --format json`.
    public static let schema = "leaktriage-replay/1"

    /// Creates the reporter.
    public init() {}

    /// `leaktriage-replay/1`, with the debugger sessions of the log (`debugger_sessions`).
    public func json(_ analyses: [TraceAnalysis], sessions: [DebuggerSessionAnalysis] = []) -> String {
        let traces = analyses.map { analysis -> JSONValue in
            .object([
                "id": .string(analysis.trace.id.description),
                "id_decimal": .int(Int(clamping: analysis.trace.id.value)),
                "subtype": .string(analysis.trace.subtype),
                "input": .int(analysis.trace.events.first?.position.input ?? 0),
                "events": .array(analysis.trace.events.map { event in
                    .object([
                        "op": .string(event.operation.rawValue), "rc_before": .int(event.referenceCountBefore),
                        "location": LeakReportJSON.location(event.location), "line": .int(event.position.line),
                    ])
                }),
                "final_rc": .int(analysis.finalReferenceCount),
                "unmatched": .array(analysis.unmatched.map { unmatched in
                    .object([
                        "location": LeakReportJSON.location(unmatched.event.location), "line": .int(unmatched.event.position.line),
                        "hidden_reference": .optional(unmatched.hiddenReference),
                    ])
                }),
                "gaps": .array(analysis.gaps.map { gap in
                    .object(["line": .int(gap.position.line), "expected_rc": .int(gap.expected), "found_rc": .int(gap.found)])
                }),
            ])
        }
        return JSONValue.object([
            "schema": .string(Self.schema), "traces": .array(traces),
            "debugger_sessions": .array(sessions.map(DebuggerSessionReporter().json)),
        ]).rendered()
    }

    /// For people: one block per traced object, then one per debugger session of `report`'s logs.
    public func text(_ analyses: [TraceAnalysis], sessions: [DebuggerSessionAnalysis] = [], report: LeakReport, color: Bool) -> String {
        let style = TextStyle(enabled: color)
        guard !analyses.isEmpty || !sessions.isEmpty else {
            return "no --track-job-status trace or debugger session in \(report.inputs.map(\.path).joined(separator: ", ")); "
                + "trace a leaked JobStatus #<hex> with: daslang --track-job-status <decimal id> <script.das>, "
                + "and run the next step of a gc or smart_ptr finding to get a debugger session\n"
        }
        var lines: [String] = []
        for session in sessions {
            lines += DebuggerSessionReporter().text(session, in: report, style: style)
            lines.append("")
        }
        for analysis in analyses {
            let trace = analysis.trace
            let never = analysis.unmatched.count
            lines.append(style.bold("JobStatus #\(trace.id) (\(trace.subtype)), --track-job-status \(trace.id.value): "
                + "final rc \(analysis.finalReferenceCount), \(never) addRef\(never == 1 ? "" : "s") never released"))
            let unmatchedLines = Set(analysis.unmatched.map(\.event.position))
            let gapLines = Dictionary(analysis.gaps.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
            for event in trace.events {
                if let gap = gapLines[event.position] {
                    lines.append(style.severity(.warning, text: "  gap: expected rc=\(gap.expected), found rc=\(gap.found) (lost or interleaved lines)"))
                }
                let after = event.referenceCountBefore + (event.operation == .addRef ? 1 : -1)
                let marker = unmatchedLines.contains(event.position) ? style.severity(.error, text: "  ← never released") : ""
                let op = event.operation.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                let place = event.location?.description ?? "?"
                lines.append("  line \(event.position.line)\t\(op) rc \(event.referenceCountBefore)→\(after)  \(place)\(marker)")
            }
            for unmatched in analysis.unmatched {
                if let hidden = unmatched.hiddenReference {
                    lines.append("  note: \(unmatched.event.location?.description ?? "?"): \(hidden)")
                }
            }
            lines.append("")
        }
        return lines.map(TerminalText.safeLine).joined(separator: "\n")
    }
}
