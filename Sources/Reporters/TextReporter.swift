import LeakModel

/// `--format text`: one screen for people — findings grouped by mechanism in triage order,
/// each with count, bytes, birthplace and next step, then the per-detector totals and
/// anything that makes the log untrustworthy.
public struct TextReporter: LeakReporter {
    /// Findings listed before the rest are only counted.
    public static let findingLimit = 12

    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let style = TextStyle(enabled: options.color)
        var lines: [String] = []
        let toFix = report.findings.filter { $0.severity != .note && $0.consequenceOf == nil }.count
        let inputs = report.inputs.map(\.path).joined(separator: ", ")
        if report.findings.isEmpty {
            lines.append(style.bold("\(inputs): no leaks reported"))
        } else {
            lines.append(style.bold("\(inputs): \(report.findings.count) \(plural("finding", report.findings.count)), \(toFix) to fix first"))
        }
        lines += testFileLines(report, style: style)
        var mechanism: Mechanism?
        var origin = FindingOrigin.user
        let ranks = Dictionary(report.findings.map { ($0.fingerprint, $0.rank) }, uniquingKeysWith: { first, _ in first })
        // Known non-leaks (string heap, the C++ runtime baseline) are counted, not listed: the
        // screen is for what to fix. Leaks only in library code (the test runner, daslib) come
        // after the user's, apart.
        let leaks = report.findings.filter { $0.knownNonLeak == nil && $0.origin == .user }
            + report.findings.filter { $0.knownNonLeak == nil && $0.origin == .library }
        let knownNonLeaks = report.findings.filter { $0.knownNonLeak != nil }
        for finding in leaks.prefix(Self.findingLimit) {
            if finding.origin != origin {
                origin = finding.origin
                mechanism = nil
                lines.append("")
                lines.append(style.bold("IN THE TEST RUNNER / DASLIB (no frame in your code)"))
            }
            if finding.mechanism != mechanism {
                mechanism = finding.mechanism
                lines.append("")
                lines.append(style.bold(finding.mechanism.rawValue.uppercased()))
            }
            let badge = style.severity(finding.severity, text: finding.severity == .note ? "note " : finding.consequenceOf == nil ? "fix  " : "after")
            lines.append("\(pad(String(finding.rank), 3)). \(badge) \(finding.title)")
            var detail = ["\(finding.detector.rawValue)", "fingerprint \(finding.fingerprint.prefix(12))"]
            if let first = finding.occurrences.first { detail.append("first at \(report.place(of: first))") }
            lines.append("       " + style.dim(detail.joined(separator: " · ")))
            if let location = finding.location, let snippet = options.sourceLines.snippet(at: location) {
                lines += snippet.map { "       " + $0 }
            }
            if let cause = finding.consequenceOf {
                let causeText = ranks[cause].map { "consequence of #\($0)" }
                    ?? report.panic(fingerprinted: cause).map { "consequence of \($0.kind.rawValue): \($0.message)" }
                    ?? "consequence of \(cause.prefix(12))"
                lines.append("       " + causeText)
            }
            if let reason = finding.knownNonLeak { lines.append("       known non-leak: \(reason)") }
            if let next = finding.nextStep { lines.append("       next: " + style.bold(next)) }
            if let macOS = finding.nextStepMacOS { lines.append("       " + style.dim("macOS: ") + macOS) }
            if options.explain { lines.append("       key: \(finding.fingerprintKey)") }
        }
        if leaks.count > Self.findingLimit {
            let library = leaks.dropFirst(Self.findingLimit).filter { $0.origin == .library }.count
            let apart = library > 0 ? ", \(library) of them only in the test runner / daslib" : ""
            lines.append("")
            lines.append("… \(leaks.count - Self.findingLimit) more\(apart) (--format json lists them all)")
        }
        if !knownNonLeaks.isEmpty {
            let count = knownNonLeaks.reduce(0) { $0 + $1.count }
            let kinds = Set(knownNonLeaks.map { "\($0.detector.rawValue)" }).sorted().joined(separator: ", ")
            lines.append("")
            lines.append(style.dim("\(knownNonLeaks.count) known non-leak \(plural("finding", knownNonLeaks.count)) (\(count) \(plural("occurrence", count)): \(kinds)) not listed; --format json lists them"))
        }
        for trace in report.traces {
            let never = trace.unmatched.count
            let sites = Set(trace.unmatched.compactMap { $0.event.location?.description }).sorted().joined(separator: ", ")
            lines.append("")
            lines.append("trace: JobStatus #\(trace.trace.id) (\(trace.trace.subtype)) ends at rc=\(trace.finalReferenceCount); "
                + "\(never) addRef\(never == 1 ? "" : "s") never released\(sites.isEmpty ? "" : " (\(sites))") — leaktriage replay shows the timeline")
        }
        // A CI log of many runs repeats the same panic: one line per distinct panic, with its count.
        let panics = report.panics.filter { $0.kind != .atexitFatal }.map { panic in
            Diagnostic(severity: .warning, position: panic.position,
                       message: "\(panic.kind.rawValue): \(panic.message)" + (panic.location.map { " at \($0)" } ?? ""), untrustworthy: false)
        }
        if !panics.isEmpty {
            lines.append("")
            for line in DiagnosticLines(of: "panic").lines(DiagnosticGrouping(panics).groups, in: report) {
                lines.append(style.severity(line.severity, text: line.text))
            }
        }
        lines.append("")
        lines.append(style.dim("totals: " + Detector.allCases.compactMap { detector -> String? in
            guard let totals = report.summary[detector], totals.occurrences > 0 else { return nil }
            let bytes = totals.bytes.map { " (\($0.formattedWithThousandsSeparators) B)" } ?? ""
            return "\(detector.rawValue) \(totals.occurrences)\(bytes)"
        }.joined(separator: " · ").nonEmpty(or: "none") + suppressedTotal(report)))
        for line in DiagnosticLines().lines(report.diagnosticGroups, in: report) {
            lines.append(style.severity(line.severity, text: "\(line.severity.rawValue): ") + line.text)
        }
        if report.isUntrustworthy {
            lines.append(style.severity(.warning, text: "this log may not show every leak (--strict makes that exit 3)"))
        }
        return lines.map(TerminalText.safeLine).joined(separator: "\n") + "\n"
    }

    /// ` · 344 suppressed` when `--suppressions` left findings out.
    private func suppressedTotal(_ report: LeakReport) -> String {
        let suppressed = report.summary.values.reduce(0) { $0.addingSaturated($1.suppressed) }
        return suppressed > 0 ? " · \(suppressed) suppressed" : ""
    }

    /// Test files listed in the rollup before the rest are only counted.
    public static let testFileLimit = 3

    /// The test files that leak most bytes, with their top finding's rank.
    private func testFileLines(_ report: LeakReport, style: TextStyle) -> [String] {
        let rollup = TestFileSummary.rollup(of: report.findings)
        guard !rollup.isEmpty else { return [] }
        var lines = ["", style.bold("TEST FILES (\(rollup.count) leaking, most bytes first)")]
        for summary in rollup.prefix(Self.testFileLimit) {
            let leaks = "\(summary.leaks) \(plural("leak", summary.leaks)) (\(summary.bytes.formattedWithThousandsSeparators) B)"
            lines.append("  \(summary.file): \(leaks) in \(summary.findings) \(plural("finding", summary.findings)), top #\(summary.top.rank)")
        }
        if rollup.count > Self.testFileLimit { lines.append("  … \(rollup.count - Self.testFileLimit) more test files") }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }
}

private extension String {
    func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
