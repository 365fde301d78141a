import LeakModel
import LeakParsers
import LeakTriage

/// Reads logs into a triaged report and decides the exit status: the part of every
/// subcommand that turns inputs into findings.
enum LogAnalysis {
    /// Reads `paths` and triages what they hold, keeping only `only` mechanisms when given;
    /// `passThrough` receives the bytes as they are read. The report's diagnostics go to
    /// standard error as they do for every format (`CONTRACT.md`).
    static func analyse(
        _ paths: [String], only: Set<Mechanism>?, settings: TriageSettings,
        beginInput: ((Int) -> Void)? = nil, passThrough: ((UnsafeRawBufferPointer) throws -> Void)? = nil
    ) throws -> LeakReport {
        let report = try triage(paths, settings: settings, beginInput: beginInput, passThrough: passThrough)
        Diagnostics.report(report)
        return report.keeping(only: only)
    }

    /// The same for two sets of logs at once (the two sides of a `diff`), each read on its own
    /// thread. Errors and diagnostics come out as if `base` were analysed before `head`.
    static func analyse(
        base: [String], head: [String], only: Set<Mechanism>?, settings: TriageSettings
    ) throws -> (base: LeakReport, head: LeakReport) {
        // Each side already has a thread of its own: one digesting thread more each keeps both cores busy.
        let (baseResult, headResult) = Concurrently.both(
            { try triage(base, settings: settings, workers: 1, showsProgress: false) },
            { try triage(head, settings: settings, workers: 1, showsProgress: false) })
        let baseReport = try baseResult.get()
        Diagnostics.report(baseReport)
        let headReport = try headResult.get()
        Diagnostics.report(headReport)
        return (baseReport.keeping(only: only), headReport.keeping(only: only))
    }

    /// Reads `paths` into a triaged report, unfiltered, saying nothing.
    private static func triage(
        _ paths: [String], settings: TriageSettings, beginInput: ((Int) -> Void)? = nil,
        passThrough: ((UnsafeRawBufferPointer) throws -> Void)? = nil, workers: Int = 2, showsProgress: Bool = true
    ) throws -> LeakReport {
        let builder = BuilderBox(settings: settings)
        let inputs = try InputReader.read(
            paths, beginInput: beginInput, passThrough: passThrough, workers: workers, showsProgress: showsProgress
        ) { builder.value.receive($0) }
        return builder.value.build(inputs: inputs)
    }

    /// The findings `--format native` prints: those beyond `baseline` and not suppressed (triage left
    /// suppressed leaks out of `report` already); nil (every report whole) when neither selects.
    static func nativeSelection(in report: LeakReport, baseline: Baseline?, settings: TriageSettings) -> Set<String>? {
        if let baseline { return baseline.fingerprintsBeyond(report.findings) }
        return settings.suppressions.isEmpty ? nil : Set(report.findings.map(\.fingerprint))
    }

    /// The exit status for `findings`: 3 under `--strict` when the logs cannot be trusted, else 1 when
    /// a finding that is not a known non-leak fails the gate. With a baseline, only occurrences
    /// beyond the recorded counts fail.
    static func exitStatus(
        for findings: [Finding], untrustworthy: Bool, failOn: FailOn, strict: Bool, baseline: Baseline?
    ) -> ExitStatus {
        if strict, untrustworthy { return .untrustworthy }
        switch failOn {
        case .none: return .passed
        case .any, .new: return findings.failing(beyond: baseline).isEmpty ? .passed : .findings
        }
    }
}

/// Lets the parser's escaping event callback fill a value-type builder.
final class BuilderBox {
    var value: LeakReportBuilder

    init(recordingOccurrenceFingerprints: Bool = false, settings: TriageSettings) {
        value = LeakReportBuilder(recordingOccurrenceFingerprints: recordingOccurrenceFingerprints, settings: settings)
    }
}
