import LeakModel

/// `diff --format text`: new, fixed and persisting findings for people.
public struct DiffTextReporter: LeakDiffReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ diff: LeakDiff, options: RenderOptions) -> String {
        let style = TextStyle(enabled: options.color)
        let moved = diff.persisting.filter { $0.movedFrom != nil }.count
        let changed = diff.persisting.filter { $0.countDelta != 0 }.count
        let intermittent = diff.history.isEmpty ? "" : ", \(diff.intermittent.count) intermittent"
        var lines = [style.bold(
            "\(diff.new.count) new, \(diff.fixed.count) fixed, \(diff.persisting.count) persisting (\(moved) moved, \(changed) changed count)"
                + intermittent)]
        if !diff.new.isEmpty {
            lines.append("")
            lines.append(style.bold("NEW"))
            for finding in diff.new {
                lines.append(style.severity(.error, text: "  + ") + "[\(finding.mechanism.rawValue)] \(finding.title)")
                if let next = finding.nextStep { lines.append("      next: \(next)") }
            }
        }
        if !diff.intermittent.isEmpty {
            lines.append("")
            lines.append(style.bold("INTERMITTENT"))
            for entry in diff.intermittent {
                let history = style.dim(" — " + TrendWording.history(entry, runs: diff.history.count))
                lines.append(style.severity(.warning, text: "  ~ ") + "[\(entry.finding.mechanism.rawValue)] \(entry.finding.title)" + history)
            }
        }
        if !diff.fixed.isEmpty {
            lines.append("")
            lines.append(style.bold("FIXED"))
            for finding in diff.fixed {
                lines.append(style.severity(.note, text: "  - ") + "[\(finding.mechanism.rawValue)] \(finding.title)")
            }
        }
        if !diff.persisting.isEmpty {
            lines.append("")
            lines.append(style.bold("PERSISTING"))
            for entry in diff.persisting {
                var notes: [String] = []
                if entry.countDelta != 0 {
                    notes.append("count \(entry.finding.count - entry.countDelta) → \(entry.finding.count) (\(signed(entry.countDelta)))")
                }
                if let bytes = entry.bytesDelta, bytes != 0 { notes.append("bytes \(signed(bytes))") }
                if let from = entry.movedFrom { notes.append("moved from \(from)") }
                let suffix = notes.isEmpty ? "" : style.dim(" — " + notes.joined(separator: ", "))
                lines.append("  = [\(entry.finding.mechanism.rawValue)] \(entry.finding.title)\(suffix)")
            }
        }
        if !diff.notes.isEmpty { lines.append("") }
        for note in diff.notes { lines.append(style.dim("note: " + note)) }
        for (side, report) in [("base", diff.base), ("head", diff.head)] where report.isUntrustworthy {
            lines.append(style.severity(.warning, text: "warning: ") + "the \(side) logs may not show every leak:")
            for line in DiagnosticLines().lines(report.diagnosticGroups.filter(\.untrustworthy), in: report) {
                lines.append("  \(line.text)")
            }
        }
        return lines.map(TerminalText.safeLine).joined(separator: "\n") + "\n"
    }

    private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
