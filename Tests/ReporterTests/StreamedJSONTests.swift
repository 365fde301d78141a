import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

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

    @Test func aDiffStreamsValidJSONOneFindingAtATime() throws {
        // Base: two real runs; head: one of them, so there are fixed and persisting findings.
        let base = try Fixtures.analyse([try Fixtures.corpus("combined_all.log"), try Fixtures.corpus("hv_server_leak.log")])
        let head = try Fixtures.analyse([try Fixtures.corpus("combined_all.log")])
        let diff = DiffEngine.diff(base: base, head: head)
        var pieces: [String] = []
        DiffJSONReporter().write(diff, options: RenderOptions()) { pieces.append($0) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(pieces.joined().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "base", "head", "new", "fixed", "persisting", "diagnostics", "diagnostic_groups", "intermittent", "history", "notes"])
        #expect((object["fixed"] as? [Any])?.count == diff.fixed.count && !diff.fixed.isEmpty)
        #expect((object["persisting"] as? [[String: Any]])?.first?.keys.sorted()
            == ["base_fingerprint", "bytes_delta", "count_delta", "finding", "moved_from"])
        #expect(pieces.count > diff.fixed.count + diff.persisting.count)
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
