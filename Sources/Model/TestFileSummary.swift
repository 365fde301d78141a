/// What one test file leaked: the per-test-file rollup of a test-suite run.
public struct TestFileSummary: Sendable, Equatable {
    /// The test file as the test runner printed it.
    public var file: String
    /// Leaked things (sum of its findings' counts).
    public var leaks: Int
    /// Leaked bytes, where the detectors state sizes.
    public var bytes: Int
    /// How many findings hold its leaks.
    public var findings: Int
    /// Its finding that leaks most bytes (then most things), first in triage order on a tie.
    public var top: Finding

    /// One summary per test file named by `findings`, the files that leak most bytes first (then
    /// most leaks, then by name). A finding held by several test files counts for each.
    public static func rollup(of findings: [Finding]) -> [TestFileSummary] {
        var byFile: [String: TestFileSummary] = [:]
        for finding in findings {
            for file in finding.tests {
                guard var summary = byFile[file] else {
                    byFile[file] = TestFileSummary(file: file, leaks: finding.count, bytes: finding.bytes ?? 0, findings: 1, top: finding)
                    continue
                }
                summary.leaks = summary.leaks.addingSaturated(finding.count)
                summary.bytes = summary.bytes.addingSaturated(finding.bytes ?? 0)
                summary.findings += 1
                if ((finding.bytes ?? 0), finding.count) > ((summary.top.bytes ?? 0), summary.top.count) { summary.top = finding }
                byFile[file] = summary
            }
        }
        return byFile.values.sorted { ($1.bytes, $1.leaks, $0.file) < ($0.bytes, $0.leaks, $1.file) }
    }
}
