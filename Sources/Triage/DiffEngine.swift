import LeakModel

/// Classifies the findings of two runs as new, fixed or persisting (a multiset diff: 3 → 5
/// occurrences is persisting, +2).
///
/// Findings are paired by fingerprint first. What is left is paired by the line-insensitive
/// key when the lines moved consistently: within one file, the line shift shared by most
/// candidate pairs is taken first (code added above a leak shifts it and its neighbours
/// alike), columns must agree, and a shift seen only once is accepted only while no other
/// shift explains that file — so a fixed leak and a new one elsewhere stay fixed and new.
public enum DiffEngine {
    /// The diff of `base` → `head`.
    public static func diff(base: LeakReport, head: LeakReport) -> LeakDiff {
        let baseByFingerprint = Dictionary(base.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [String: Finding] = [:]  // head fingerprint → base finding
        var unmatchedHead: [Finding] = []
        for finding in head.findings {
            if let match = baseByFingerprint[finding.fingerprint] {
                pairs[finding.fingerprint] = match
            } else {
                unmatchedHead.append(finding)
            }
        }
        let matchedBase = Set(pairs.values.map(\.fingerprint))
        let unmatchedBase = base.findings.filter { !matchedBase.contains($0.fingerprint) }
        for (headFinding, baseFinding) in movedPairs(base: unmatchedBase, head: unmatchedHead) {
            pairs[headFinding.fingerprint] = baseFinding
        }
        let pairedBase = Set(pairs.values.map(\.fingerprint))
        var persisting: [LeakDiff.Persisting] = []
        var new: [Finding] = []
        for finding in head.findings {
            guard let before = pairs[finding.fingerprint] else {
                new.append(finding)
                continue
            }
            let bytesDelta: Int? = finding.bytes.flatMap { now in before.bytes.map { now - $0 } }
            let moved = before.fingerprint != finding.fingerprint ? before.location : nil
            persisting.append(LeakDiff.Persisting(
                finding: finding, countDelta: finding.count - before.count, bytesDelta: bytesDelta, movedFrom: moved,
                baseFingerprint: before.fingerprint))
        }
        let fixed = base.findings.filter { !pairedBase.contains($0.fingerprint) }
        var diff = LeakDiff(base: base, head: head, new: new, fixed: fixed, persisting: persisting)
        StackVariationPairing.pair(&diff)
        return diff
    }

    /// Pairs leftover findings whose code moved: same line-insensitive key, same file and
    /// column, and a line shift that explains the file.
    static func movedPairs(base: [Finding], head: [Finding]) -> [(head: Finding, base: Finding)] {
        var result: [(head: Finding, base: Finding)] = []
        let files = Set(base.map(fileKey)).intersection(head.map(fileKey))
        for file in files.sorted() {
            var baseLeft = base.filter { fileKey($0) == file }.sorted(by: lineOrder)
            var headLeft = head.filter { fileKey($0) == file }.sorted(by: lineOrder)
            var shifts: [Int: Int] = [:]
            for before in baseLeft {
                for after in headLeft where compatible(before, after) {
                    shifts[line(after) - line(before), default: 0] += 1
                }
            }
            let ordered = shifts.sorted { $0.value != $1.value ? $0.value > $1.value : (abs($0.key), $0.key) < (abs($1.key), $1.key) }
            var accepted = 0
            for (shift, support) in ordered {
                if accepted > 0, support < 2 { break }
                var matchedAny = false
                for before in baseLeft {
                    guard let index = headLeft.firstIndex(where: { compatible(before, $0) && line($0) - line(before) == shift }) else {
                        continue
                    }
                    result.append((headLeft[index], before))
                    headLeft.remove(at: index)
                    baseLeft.removeAll { $0.fingerprint == before.fingerprint }
                    matchedAny = true
                }
                if matchedAny { accepted += 1 }
            }
        }
        return result
    }

    private static func compatible(_ before: Finding, _ after: Finding) -> Bool {
        before.moveKey == after.moveKey && before.location?.column == after.location?.column
    }

    private static func fileKey(_ finding: Finding) -> String {
        finding.locationKey ?? ""
    }

    private static func line(_ finding: Finding) -> Int { finding.location?.line ?? 0 }

    private static func lineOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (line(lhs), lhs.fingerprint) < (line(rhs), rhs.fingerprint)
    }
}
