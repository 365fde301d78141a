import LeakModel

/// `trend --format text`: one screen for people — findings grouped by status, what got
/// worse first (growing, new), each with a presence strip of the runs and what its history
/// means, then which runs cannot be trusted.
public struct TrendTextReporter: TrendReporter {
    /// Findings listed before the rest are only counted.
    public static let findingLimit = 16
    /// Panics listed before the rest are only counted.
    public static let panicLimit = 4

    /// Creates the reporter.
    public init() {}

    public func render(_ trend: LeakTrend, options: RenderOptions) -> String {
        let style = TextStyle(enabled: options.color)
        let runs = trend.runs.count
        var lines = [style.bold("\(runs) \(runs == 1 ? "run" : "runs") (\(span(trend))): "
            + (trend.findings.isEmpty ? "no leaks reported" : "\(trend.findings.count) \(plural("finding", trend.findings.count)) — " + tally(trend.findings)))]
        // Known non-leaks are counted, not listed: the screen is for what to fix.
        let leaks = trend.findings.filter { $0.finding.knownNonLeak == nil }
        var status: TrendStatus?
        for entry in leaks.prefix(Self.findingLimit) {
            if entry.status != status {
                status = entry.status
                lines.append("")
                lines.append(style.bold(entry.status.rawValue.uppercased()) + style.dim(" (\(leaks.filter { $0.status == entry.status }.count))"))
            }
            let strip = entry.status.isRegression ? style.severity(.error, text: TrendWording.strip(entry.counts)) : TrendWording.strip(entry.counts)
            lines.append("  \(strip)  [\(entry.finding.mechanism.rawValue)] \(entry.finding.title)" + style.dim(" — " + TrendWording.history(entry)))
            // What fails the gate gets its fingerprint and next step; the history keeps to one line.
            var detail: [String] = []
            if entry.status.isRegression {
                detail.append("fingerprint \(entry.finding.fingerprint.prefix(12))")
                if let next = entry.finding.nextStep { detail.append("next: " + next) }
            }
            if options.explain { detail.append("key: \(entry.finding.fingerprintKey)") }
            if !detail.isEmpty {
                let indent = String(repeating: " ", count: 4 + min(entry.counts.count, TrendWording.stripLimit + 1))
                lines.append(indent + style.dim(detail.joined(separator: " · ")))
            }
        }
        if leaks.count > Self.findingLimit {
            let rest = leaks.dropFirst(Self.findingLimit)
            lines.append("")
            lines.append("… \(rest.count) more: \(tally(rest)) (--format json lists them all)")
        }
        let knownNonLeaks = trend.findings.count - leaks.count
        if knownNonLeaks > 0 {
            lines.append("")
            lines.append(style.dim("\(knownNonLeaks) known non-leak \(plural("finding", knownNonLeaks)) not listed; --format json lists them"))
        }
        // Panics across runs: racy runs differ in which of them make it out. The atexit audit
        // only echoes a job panic, as in `run`'s text.
        let panics = trend.panics.filter { $0.panic.kind != .atexitFatal }
        if !panics.isEmpty {
            lines.append("")
            lines.append(style.bold("PANICS") + style.dim(" (\(panics.count))"))
            for entry in panics.prefix(Self.panicLimit) {
                let at = entry.panic.location.map { " at \($0)" } ?? ""
                lines.append("  \(TrendWording.strip(entry.counts))  \(entry.panic.kind.rawValue): \(entry.panic.message)\(at)"
                    + style.dim(" — \(entry.status.rawValue), " + TrendWording.presence(entry)))
            }
            if panics.count > Self.panicLimit { lines.append("  … \(panics.count - Self.panicLimit) more (--format json lists them all)") }
        }
        let untrustworthy = trend.runs.indices.filter { trend.runs[$0].untrustworthy }
        if !trend.diagnostics.isEmpty {
            lines.append("")
            lines.append(style.dim("\(trend.diagnostics.count) \(plural("diagnostic", trend.diagnostics.count)) about the logs (standard error names each; --format json lists them)"))
        }
        if !untrustworthy.isEmpty {
            let names = untrustworthy.map { String($0 + 1) }.joined(separator: ", ")
            lines.append(style.severity(.warning, text: "\(untrustworthy.count == 1 ? "run" : "runs") \(names) may not show every leak (--strict makes that exit 3)"))
        }
        return lines.map(TerminalText.safeLine).joined(separator: "\n") + "\n"
    }

    /// `7 growing, 1 new, 3 fixed`: how many entries have each status, in display order.
    private func tally<Entries: Collection<TrendFinding>>(_ entries: Entries) -> String {
        TrendStatus.allCases.sorted { $0.displayOrder < $1.displayOrder }.compactMap { status -> String? in
            let count = entries.filter { $0.status == status }.count
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }.joined(separator: ", ")
    }

    /// `run1.log … run6.log`: the first input of the oldest and the newest run.
    private func span(_ trend: LeakTrend) -> String {
        let names = trend.runs.map { run in run.inputs.first?.path ?? "no input" }
        guard let first = names.first, let last = names.last else { return "none" }
        return names.count == 1 ? first : "\(first) … \(last)"
    }

    private func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }
}
