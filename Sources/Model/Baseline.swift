/// Known findings and how many occurrences of each are accepted: a run fails only on
/// findings that are not in it or that exceed their recorded count.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Sendable, Equatable {
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
    /// never extended. Fingerprints no longer seen are dropped.
    public func lowered(to findings: [Finding]) -> Baseline {
        let now = Baseline(recording: findings)
        var entries: [String: Entry] = [:]
        for (fingerprint, entry) in self.entries {
            guard let current = now.entries[fingerprint] else { continue }
            var lowered = entry
            lowered.count = min(entry.count, current.count)
            entries[fingerprint] = lowered
        }
        return Baseline(entries: entries)
    }

    /// The fingerprints of those `findings` that have occurrences beyond this baseline.
    public func fingerprintsBeyond(_ findings: [Finding]) -> Set<String> {
        Set(findings.filter { excess(of: $0) > 0 }.map(\.fingerprint))
    }

    /// How many occurrences of `finding` exceed what this baseline accepts (all of them when unknown).
    public func excess(of finding: Finding) -> Int {
        max(0, finding.count - (entries[finding.fingerprint]?.count ?? 0))
    }
}
