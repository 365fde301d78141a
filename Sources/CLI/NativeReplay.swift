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
        var lines: [RecognizedLine] = []
        let builder = BuilderBox(recordingOccurrenceFingerprints: true, settings: settings)
        let inputs = try InputReader.read(paths, recordLines: true) { event in
            if case let .line(line) = event { lines.append(line) }
            builder.value.receive(event)
        }
        let report = builder.value.build(inputs: inputs)
        Diagnostics.report(report)
        let selectedFingerprints = try select(report)
        var output = ""
        var input = -1
        var collector = ReportStateCollector()
        for line in lines {
            if line.position.input != input {
                output += states(&collector, selected: selectedFingerprints, fingerprints: builder.value.occurrenceFingerprints)
                collector = ReportStateCollector()
                input = line.position.input
            }
            collector.add(line)
        }
        output += states(&collector, selected: selectedFingerprints, fingerprints: builder.value.occurrenceFingerprints)
        return (report, output)
    }

    private func states(
        _ collector: inout ReportStateCollector, selected selectedFingerprints: Set<String>?, fingerprints: [LogPosition: String]
    ) -> String {
        var output = ""
        // gc reports are cumulative: a node listed again is selected like its first listing.
        var nodeSelection: [String: Bool] = [:]
        for state in collector.finish() {
            if let mechanisms, !mechanisms.contains(state.mechanism) { continue }
            let selected: ReportState?
            if let selectedFingerprints {
                if case .trace = state { continue }
                let nodes = gcNodeKeys(state)
                selected = state.filtered { position in
                    if let fingerprint = fingerprints[position] {
                        let keep = selectedFingerprints.contains(fingerprint)
                        if let key = nodes[position] { nodeSelection[key] = keep }
                        return keep
                    }
                    return nodes[position].flatMap { nodeSelection[$0] } ?? false
                }
            } else {
                selected = state
            }
            guard let selected else { continue }
            for line in selected.lines { output += line.text + "\n" }
        }
        return output
    }

    private func gcNodeKeys(_ state: ReportState) -> [LogPosition: String] {
        guard case let .gc(report) = state else { return [:] }
        var keys: [LogPosition: String] = [:]
        for node in report.roots.flatMap(\.nodes) {
            if let position = node.position { keys[position] = "\(node.id)|\(node.type)|\(node.location)" }
        }
        return keys
    }
}
