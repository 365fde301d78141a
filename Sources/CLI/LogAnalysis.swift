import LeakModel
import LeakParsers
import LeakTriage

/// Reads logs into a triaged report and decides the exit status: the part of every
/// subcommand that turns inputs into findings.
enum LogAnalysis {
    /// Reads `paths` and triages what they hold, keeping only `only` mechanisms when given.
    static func analyse(_ paths: [String], only: Set<Mechanism>?) throws -> LeakReport {
        let builder = BuilderBox()
        let inputs = try InputReader.read(paths) { builder.value.receive($0) }
        var report = builder.value.build(inputs: inputs)
        if let only {
            report.findings = report.findings.filter { only.contains($0.mechanism) }
            for index in report.findings.indices { report.findings[index].rank = index + 1 }
        }
        return report
    }

    /// The exit status for `report`: 3 under `--strict` when the log cannot be trusted, else 1 when
    /// a finding that is not a known non-leak fails the gate.
    static func exitStatus(for report: LeakReport, failOn: FailOn, strict: Bool, known: Set<String>) -> ExitStatus {
        if strict, report.isUntrustworthy { return .untrustworthy }
        let failing = report.findings.filter { $0.severity != .note }
        switch failOn {
        case .none: return .passed
        case .any: return failing.isEmpty ? .passed : .findings
        case .new: return failing.contains { !known.contains($0.fingerprint) } ? .findings : .passed
        }
    }
}

/// Lets the parser's escaping event callback fill a value-type builder.
final class BuilderBox {
    var value = LeakReportBuilder()
}
