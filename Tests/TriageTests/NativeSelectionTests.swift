import LeakModel
import LeakTriage
import Testing
@testable import LeakTestSupport

/// `--format native` with selected findings: which reports, and which of their entries, are printed.
@Suite struct NativeSelectionTests {
    private static func position(_ line: Int) -> LogPosition { LogPosition(input: 0, line: line) }

    private static func gc(_ phase: GCPhase, nodeAt line: Int) -> ReportState {
        let node = GCReport.Node(address: HexNumber(0x10), id: 7, type: "TypeDecl", magic: HexNumber(0x1234_5678),
                                 location: "a.das:1:2", position: position(line))
        return .gc(GCReport(phase: phase, roots: [GCReport.Root(address: HexNumber(0x20), nodes: [node])]))
    }

    /// The node's first listing has the finding's occurrence; gc reports are cumulative, so the
    /// later report lists it again without one.
    private static let reports = [gc(.compile, nodeAt: 2), gc(.app, nodeAt: 12)]
    private static let fingerprints = [position(2): "node-finding"]

    @Test func aGCNodeListedAgainIsPrintedLikeItsFirstListing() {
        let selected = NativeSelection(mechanisms: nil, selected: ["node-finding"], fingerprints: Self.fingerprints)
        #expect(selected.reports(Self.reports) == Self.reports)
        let other = NativeSelection(mechanisms: nil, selected: ["another-finding"], fingerprints: Self.fingerprints)
        #expect(other.reports(Self.reports).isEmpty)
    }

    @Test func withoutSelectedFindingsEveryReportOfTheMechanismsIsPrintedWhole() {
        let trace = ReportState.trace(TraceSummary(id: HexNumber(5), subtype: "Channel", events: []))
        let all = NativeSelection(mechanisms: nil, selected: nil, fingerprints: [:])
        #expect(all.reports(Self.reports + [trace]) == Self.reports + [trace])
        let jobque = NativeSelection(mechanisms: [.jobque], selected: nil, fingerprints: [:])
        #expect(jobque.reports(Self.reports + [trace]) == [trace])
        // Traces have no findings to select.
        let selected = NativeSelection(mechanisms: nil, selected: ["node-finding"], fingerprints: Self.fingerprints)
        #expect(selected.reports([trace]).isEmpty)
    }
}
