import Foundation
import LeakModel
@testable import LeakParsers
import Testing
@testable import LeakTestSupport

/// The ``ReportLineFilter`` only saves work: a read that hands the assembler every line gives
/// exactly the events of the filtered read, and every report line of the grammar gets through.
@Suite(.timeLimit(.minutes(10)))
struct ReportLineFilterTests {
    @Test("the filter changes no event of a corpus log", arguments: Fixtures.corpusNames + ["big_profiler.log.gz"])
    func corpusLog(_ name: String) throws {
        try expectSameEvents(try Fixtures.corpus(name))
    }

    @Test("the filter changes no event of a suite log", arguments: ["dt_decs_prof.log.gz", "dt_async_prof.log", "dt_json_plain.log"])
    func suiteLog(_ name: String) throws {
        try expectSameEvents(try Fixtures.suite(name))
    }

    @Test func theFilterChangesNoEventOfLookAlikesAndCIShapesAroundReports() throws {
        var bytes = try LookAlikeLog.log(lines: 3000, seed: 41)
        for shape in CIShape.allCases { bytes += shape.apply(to: try Fixtures.corpus("combined_all.log")) }
        bytes += try LookAlikeLog.log(lines: 500, seed: 3)
        bytes += try Fixtures.corpus("jobque_scope_race.stdout")
        let events = try expectSameEvents(bytes)
        #expect(events > 0)
    }

    @Test func everyExampleOfTheGrammarMayMatter() throws {
        let filter = try #require(ReportPatterns.shared).filter
        for shape in ReportLineGrammar.shapes {
            for example in shape.examples {
                #expect(Array(example.utf8).withUnsafeBytes { filter.mayMatter($0) }, "\(example)")
            }
        }
    }

    @Test func mostLookAlikeLinesAreTurnedAway() throws {
        let filter = try #require(ReportPatterns.shared).filter
        let lines = try LookAlikeLog.log(lines: 2000, seed: 17).split(separator: 0x0A, omittingEmptySubsequences: false)
        let kept = lines.filter { line in Array(line).withUnsafeBytes { filter.mayMatter($0) } }.count
        // Look-alikes start like report lines; only those with a report line's structure (or a
        // tab, or nothing) get through.
        #expect(kept * 4 < lines.count, "\(kept) of \(lines.count) kept")
    }

    /// Reads `bytes` filtered and whole; returns how many events there were.
    @discardableResult
    private func expectSameEvents(_ bytes: [UInt8]) throws -> Int {
        func events(readsEveryLine: Bool) throws -> [String] {
            var events: [String] = []
            let parser = try LogParser(input: 0, recordLines: false, recordReports: false, readsEveryLine: readsEveryLine) { events.append(String(describing: $0)) }
            bytes.withUnsafeBytes { parser.feed($0) }
            parser.finish()
            return events
        }
        let filtered = try events(readsEveryLine: false)
        let whole = try events(readsEveryLine: true)
        #expect(filtered == whole)
        return filtered.count
    }
}
