import LeakEmitters
import LeakModel
import LeakParsers
import LeakTriage

/// `--format native`: the logs' reports printed again through the reference emitters,
/// exactly as daslang printed them, optionally only for selected findings.
struct NativeReplay {
    /// Which mechanisms to print; nil prints all.
    var mechanisms: Set<Mechanism>?
    /// What triage is told about the checkout and library code.
    var settings: TriageSettings

    /// Reads `paths`, triages them, asks `select` which findings to print (nil: every report
    /// whole), and returns the report and the selected reports as daslang prints them.
    func render(
        _ paths: [String], select: (LeakReport) throws -> Set<String>? = { _ in nil }
    ) throws -> (report: LeakReport, text: String) {
        // The reports each input's parser read, per input.
        var reports: [[ReportState]] = []
        let builder = BuilderBox(recordingOccurrenceFingerprints: true, settings: settings)
        let inputs = try InputReader.read(paths, recordReports: true, beginInput: { _ in reports.append([]) }) { event in
            if case let .report(report) = event, !reports.isEmpty { reports[reports.count - 1].append(report) }
            builder.value.receive(event)
        }
        let report = builder.value.build(inputs: inputs)
        Diagnostics.report(report)
        let selection = NativeSelection(mechanisms: mechanisms, selected: try select(report),
                                        fingerprints: builder.value.occurrenceFingerprints)
        var output = ""
        for input in reports {
            for selected in selection.reports(input) {
                for line in selected.lines { output += line.text + "\n" }
            }
        }
        return (report, output)
    }
}
