import LeakModel
import LeakReporters
import Testing

/// `--format json` is written one finding at a time so that memory stays bounded; the pieces
/// must join to exactly the document the reporter renders whole.
@Suite struct StreamedJSONTests {
    @Test("the JSON written in pieces is the rendered document",
          arguments: ["combined_all.log", "rwdi_combined_all.log", "clean_run.log", "jobque_scope_race.log"])
    func piecesJoinToTheDocument(log: String) throws {
        let report = try Fixtures.analyse([try Fixtures.corpus(log)])
        expectPiecesJoin(report)
    }

    @Test func hostileTextStreamsTheSame() {
        expectPiecesJoin(HostileReport.report)
    }

    private func expectPiecesJoin(_ report: LeakReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for explain in [false, true] {
            var pieces: [String] = []
            JSONReporter().write(report, options: RenderOptions(explain: explain)) { pieces.append($0) }
            #expect(pieces.joined() == JSONReporter().render(report, options: RenderOptions(explain: explain)), sourceLocation: sourceLocation)
            #expect(pieces.count == (report.findings.isEmpty ? 1 : report.findings.count + 2), sourceLocation: sourceLocation)
        }
    }
}
