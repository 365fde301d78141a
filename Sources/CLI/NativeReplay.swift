import LeakEmitters
import LeakModel
import LeakParsers
import LeakTriage

/// `--format native`: the logs' reports printed again through the reference emitters,
/// exactly as daslang printed them, optionally only for selected findings.
struct NativeReplay {
    /// Which findings to print; nil prints every recognised report whole.
    var selectedFingerprints: Set<String>?
    /// Which mechanisms to print; nil prints all.
    var mechanisms: Set<Mechanism>?

    /// Reads `paths` and returns their reports as daslang prints them, one line per element.
    func render(_ paths: [String]) throws -> String {
        var lines: [RecognizedLine] = []
        let builder = BuilderBox(recordingOccurrenceFingerprints: selectedFingerprints != nil)
        _ = try InputReader.read(paths, recordLines: true) { event in
            if case let .line(line) = event { lines.append(line) }
            builder.value.receive(event)
        }
        var output = ""
        var input = -1
        var collector = ReportStateCollector()
        for line in lines {
            if line.position.input != input {
                output += states(&collector, fingerprints: builder.value.occurrenceFingerprints)
                collector = ReportStateCollector()
                input = line.position.input
            }
            collector.add(line)
        }
        output += states(&collector, fingerprints: builder.value.occurrenceFingerprints)
        return output
    }

    private func states(_ collector: inout ReportStateCollector, fingerprints: [LogPosition: String]) -> String {
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
