import LeakModel

/// The lines the CI formats show under a finding's title — rank, detector, fingerprint, where
/// the log listed it, what it is a consequence of, and the next step — worded the same in
/// every format. Paths are resolved against the root.
struct FindingDetails {
    let report: LeakReport
    let paths: PathResolver
    private let ranks: [String: Int]

    /// The details of `report` with paths resolved as `options` say.
    init(report: LeakReport, options: RenderOptions) {
        self.report = report
        paths = PathResolver(options)
        ranks = Dictionary(report.findings.map { ($0.fingerprint, $0.rank) }, uniquingKeysWith: { first, _ in first })
    }

    /// Where a CI format shows `finding`.
    func target(of finding: Finding) -> FindingTarget {
        FindingTarget(finding, in: report, paths: paths)
    }

    /// The log line at `position` as a CI format shows it.
    func target(ofLogLine position: LogPosition?) -> FindingTarget {
        FindingTarget(logLine: position, in: report, paths: paths)
    }

    /// Every detail line of `finding`, in a fixed order.
    func lines(for finding: Finding) -> [String] {
        var summary = ["#\(finding.rank)", "\(finding.detector.rawValue) \(finding.kind)", "fingerprint \(finding.fingerprint.prefix(12))"]
        if let first = finding.occurrences.first { summary.append("first at \(place(first))") }
        var lines = [summary.joined(separator: " · ")]
        if let cause = cause(of: finding) { lines.append(cause) }
        if let reason = finding.knownNonLeak { lines.append("known non-leak: \(reason)") }
        if let next = finding.nextStep { lines.append("next: \(next)") }
        if let macOS = finding.nextStepMacOS { lines.append("next on macOS: \(macOS)") }
        return lines
    }

    /// `ci.log:57`: an input's path resolved against the root, and the line.
    func place(_ position: LogPosition) -> String {
        target(ofLogLine: position).description
    }

    /// `consequence of #5`, or of the panic that explains it; nil for a cause.
    func cause(of finding: Finding) -> String? {
        guard let cause = finding.consequenceOf else { return nil }
        if let rank = ranks[cause] { return "consequence of #\(rank)" }
        if let panic = report.panic(fingerprinted: cause) {
            return "consequence of \(panic.kind.rawValue): \(panic.message)"
        }
        return "consequence of \(cause.prefix(12))"
    }

    /// A diagnostic as one line: `ci.log:88: message`.
    func line(for diagnostic: Diagnostic) -> String {
        diagnostic.position.map { "\(place($0)): \(diagnostic.message)" } ?? diagnostic.message
    }
}
