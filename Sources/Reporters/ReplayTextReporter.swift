import Foundation
import LeakModel

/// `replay --format text`: for people, one block per debugger session, then one per traced
/// object with its reference-count timeline, the addRefs never released and the gaps where lines
/// were lost.
public struct ReplayTextReporter: ReplayReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ replay: LeakReplay, options: RenderOptions) -> String {
        let style = TextStyle(enabled: options.color)
        guard !replay.traces.isEmpty || !replay.sessions.isEmpty else {
            return "no --track-job-status trace or debugger session in \(replay.report.inputs.map(\.path).joined(separator: ", ")); "
                + "trace a leaked JobStatus #<hex> with: daslang --track-job-status <decimal id> <script.das>, "
                + "and run the next step of a gc or smart_ptr finding to get a debugger session\n"
        }
        var lines: [String] = []
        for session in replay.sessions {
            lines += DebuggerSessionReporter().text(session, in: replay.report, style: style)
            lines.append("")
        }
        for analysis in replay.traces {
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
