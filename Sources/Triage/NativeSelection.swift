import LeakModel

/// Which parts of one input's reports `--format native` prints: the reports of the chosen
/// mechanisms, and of those, when findings are selected, only the entries whose occurrence
/// belongs to a selected finding (the rest of the report is printed as daslang would have
/// printed it had only those leaked).
public struct NativeSelection {
    /// Which mechanisms to print; nil prints all.
    public var mechanisms: Set<Mechanism>?
    /// The fingerprints of the selected findings; nil prints every report whole.
    public var selected: Set<String>?
    /// Each occurrence's finding fingerprint, by the position that listed it.
    public var fingerprints: [LogPosition: String]

    /// Creates a selection.
    public init(mechanisms: Set<Mechanism>?, selected: Set<String>?, fingerprints: [LogPosition: String]) {
        self.mechanisms = mechanisms
        self.selected = selected
        self.fingerprints = fingerprints
    }

    /// The selected parts of `reports`, the reports of one input in log order.
    public func reports(_ reports: [ReportState]) -> [ReportState] {
        // gc reports are cumulative: a node listed again is selected like its first listing.
        var nodeSelection: [String: Bool] = [:]
        return reports.compactMap { report in
            if let mechanisms, !mechanisms.contains(report.mechanism) { return nil }
            guard let selected else { return report }
            if case .trace = report { return nil }
            let nodes = Self.gcNodeKeys(report)
            return report.filtered { position in
                if let fingerprint = fingerprints[position] {
                    let keep = selected.contains(fingerprint)
                    if let key = nodes[position] { nodeSelection[key] = keep }
                    return keep
                }
                return nodes[position].flatMap { nodeSelection[$0] } ?? false
            }
        }
    }

    /// What makes a gc node the same node in a later report, by the position that listed it.
    private static func gcNodeKeys(_ report: ReportState) -> [LogPosition: String] {
        guard case let .gc(gc) = report else { return [:] }
        var keys: [LogPosition: String] = [:]
        for node in gc.roots.flatMap(\.nodes) {
            if let position = node.position { keys[position] = "\(node.id)|\(node.type)|\(node.location)" }
        }
        return keys
    }
}
