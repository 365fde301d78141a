/// Known findings and how many occurrences of each are accepted: a run fails only on
/// findings that are not in it or that exceed their recorded count.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The finding's fingerprint.
        public var fingerprint: String
        /// Occurrences accepted.
        public var count: Int
        /// The detector, for people reading the file.
        public var detector: String
        /// The kind, for people reading the file.
        public var kind: String
        /// The title when recorded, for people reading the file.
        public var title: String

        /// Creates an entry.
        public init(fingerprint: String, count: Int, detector: String, kind: String, title: String) {
            self.fingerprint = fingerprint
            self.count = count
            self.detector = detector
            self.kind = kind
            self.title = title
        }
    }

    /// The file format version this build writes.
    public static let schema = "leaktriage-baseline/1"

    /// Entries by fingerprint.
    public var entries: [String: Entry]

    /// Creates a baseline.
    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// A baseline accepting exactly what `findings` show.
    public init(recording findings: [Finding]) {
        var entries: [String: Entry] = [:]
        for finding in findings {
            entries[finding.fingerprint] = Entry(
                fingerprint: finding.fingerprint, count: (entries[finding.fingerprint]?.count ?? 0).addingSaturated(finding.count),
                detector: finding.detector.rawValue, kind: finding.kind, title: finding.title)
        }
        self.entries = entries
    }

    /// This baseline with every count lowered to what `findings` show now; never raised,
    /// never extended. Fingerprints no longer seen are dropped. Entries of a `v1` baseline
    /// become `v2` entries of the findings they match (see ``accepted(_:)``).
    public func lowered(to findings: [Finding]) -> Baseline {
        let now = Baseline(recording: findings)
        var entries: [String: Entry] = [:]
        for (fingerprint, entry) in self.entries {
            guard let current = now.entries[fingerprint] else { continue }
            var lowered = entry
            lowered.count = min(entry.count, current.count)
            entries[fingerprint] = lowered
        }
        for finding in findings where self.entries[finding.fingerprint] == nil && entries[finding.fingerprint] == nil {
            let legacy = legacyAccepted(finding)
            guard legacy > 0 else { continue }
            entries[finding.fingerprint] = Entry(
                fingerprint: finding.fingerprint, count: min(legacy, now.entries[finding.fingerprint]?.count ?? finding.count),
                detector: finding.detector.rawValue, kind: finding.kind, title: finding.title)
        }
        return Baseline(entries: entries)
    }

    /// The fingerprints of those `findings` that have occurrences beyond this baseline.
    public func fingerprintsBeyond(_ findings: [Finding]) -> Set<String> {
        Set(findings.filter { excess(of: $0) > 0 }.map(\.fingerprint))
    }

    /// How many occurrences of `finding` exceed what this baseline accepts (all of them when unknown).
    public func excess(of finding: Finding) -> Int {
        max(0, finding.count - accepted(finding))
    }

    /// How many occurrences of `finding` this baseline accepts: its entry's count, or, for a
    /// baseline written with recipe `v1`, the sum of the entries of the `v1` fingerprints its
    /// occurrences had (each such entry counts for every finding it maps to).
    public func accepted(_ finding: Finding) -> Int {
        entries[finding.fingerprint]?.count ?? legacyAccepted(finding)
    }

    private func legacyAccepted(_ finding: Finding) -> Int {
        finding.legacyFingerprints.reduce(0) { $0.addingSaturated(entries[$1]?.count ?? 0) }
    }
}
