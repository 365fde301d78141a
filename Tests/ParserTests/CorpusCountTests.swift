import LeakModel
import Testing
@testable import LeakTestSupport

/// Every real corpus log gives exactly the occurrences and bytes per detector that INDEX.md states.
@Suite struct CorpusCountTests {
    @Test("each corpus log yields INDEX.md's occurrences and bytes", arguments: CorpusExpectation.all)
    func countsMatchTheIndex(expected: CorpusExpectation) throws {
        let report = try Fixtures.analyse([try Fixtures.corpus(expected.name)])
        CorpusAssertions.expectSummary(report, expected.counts, context: expected.name)
        #expect(report.isUntrustworthy == expected.untrustworthy, "\(expected.name): \(report.diagnostics.map(\.message))")
    }

    @Test func everyCorpusFileHasAnExpectation() {
        let covered = Set(CorpusExpectation.all.map(\.name))
        #expect(Set(Fixtures.corpusNames).subtracting(covered).isEmpty)
    }

    @Test func theBigProfilerLogHas24001Leaks() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")], chunkSize: 1 << 20)
        CorpusAssertions.expectSummary(report, [.profiler: (24_001, 0x8ca00)], context: "big_profiler")
        #expect(report.diagnostics.isEmpty)
    }

    @Test func chunkBoundariesDoNotChangeTheResult() throws {
        let bytes = try Fixtures.corpus("combined_all.log")
        let whole = try Fixtures.analyse([bytes], chunkSize: bytes.count)
        for size in [1, 2, 3, 7, 64] {
            #expect(try Fixtures.analyse([bytes], chunkSize: size) == whole)
        }
    }
}

enum CorpusAssertions {
    /// Asserts every detector's totals: those in `counts` exactly, all others zero.
    static func expectSummary(
        _ report: LeakReport, _ counts: [Detector: (occurrences: Int, bytes: Int?)], context: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for detector in Detector.allCases {
            let actual = report.summary[detector] ?? DetectorSummary()
            let expected = counts[detector] ?? (0, detector.reportsBytes ? 0 : nil)
            #expect(actual.occurrences == expected.occurrences, "\(context): \(detector.rawValue) occurrences",
                    sourceLocation: sourceLocation)
            if detector.reportsBytes {
                #expect(actual.bytes == (expected.bytes ?? 0), "\(context): \(detector.rawValue) bytes", sourceLocation: sourceLocation)
            } else {
                #expect(actual.bytes == nil, "\(context): \(detector.rawValue) has no bytes", sourceLocation: sourceLocation)
            }
        }
    }
}
