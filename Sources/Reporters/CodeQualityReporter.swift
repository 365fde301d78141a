import LeakModel

/// `--format codequality`: GitLab Code Quality (a Code Climate subset), one issue per finding at
/// its source location or, without one, at the log line that listed it.
///
/// Fingerprints are unique within a report and stable across runs: a hash of our fingerprint
/// and how many findings with that fingerprint came before it (so the same leak listed twice
/// gets two). Severity follows triage: known non-leak → info, warning → minor, a consequence of
/// another finding → major, a leak to fix first → critical.
public struct CodeQualityReporter: LeakReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let details = FindingDetails(report: report, options: options)
        var seen: [String: Int] = [:]
        let issues = report.findings.map { finding -> JSONValue in
            let ordinal = seen[finding.fingerprint, default: 0]
            seen[finding.fingerprint] = ordinal + 1
            let target = details.target(of: finding)
            return .object([
                "type": .string("issue"),
                "check_name": .string(finding.detector.rawValue),
                "description": .string(finding.title),
                "content": .object(["body": .string(details.lines(for: finding).joined(separator: "\n"))]),
                "categories": .array([.string("Bug Risk")]),
                "fingerprint": .string(Self.fingerprint(of: finding, ordinal: ordinal)),
                "severity": .string(Self.severity(of: finding)),
                "location": .object(["path": .string(target.path), "lines": .object(["begin": .int(target.line ?? 1)])]),
            ])
        }
        return JSONValue.array(issues).rendered()
    }

    /// The issue fingerprint of the `ordinal`-th finding (from 0) with `finding`'s fingerprint.
    public static func fingerprint(of finding: Finding, ordinal: Int) -> String {
        FingerprintRecipe.fingerprint(ofKey: "codequality|\(finding.fingerprint)|\(ordinal)")
    }

    /// info, minor, major or critical, from the finding's triage.
    public static func severity(of finding: Finding) -> String {
        switch finding.severity {
        case .note: return "info"
        case .warning: return "minor"
        case .error: return finding.consequenceOf == nil ? "critical" : "major"
        }
    }
}
