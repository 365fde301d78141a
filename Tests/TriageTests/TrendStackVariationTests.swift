import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// The decs suite run five times without any change (Tests/Fixtures/suite): the profiler records
/// different stacks for the same leaks from run to run (whole, cut short, none), so fingerprints
/// come and go, but the leaks of each test file and context stay the same in number. Only
/// `tests/decs/test_gc.das`, a GC stress test whose leaks really vary, may be anything else.
@Suite struct TrendStackVariationTests {
    private static let runs = ["dt_decs_prof.log.gz", "dt_decs_prof_r2.log.gz", "dt_decs_prof_r3.log.gz",
                               "dt_decs_prof_r4.log.gz", "dt_decs_prof_r5.log.gz"]

    @Test func unchangedRerunsArePersistentOutsideTheStressTest() throws {
        var builder = TrendBuilder()
        for name in Self.runs { builder.add(try Fixtures.analyse([try Fixtures.suite(name)])) }
        let trend = builder.build()
        let varying = trend.findings.filter { entry in
            entry.status != .persistent && !entry.finding.tests.contains("tests/decs/test_gc.das")
        }
        #expect(trend.findings.count > 500)
        #expect(varying.isEmpty, "\(varying.map { "\($0.status) \($0.counts) \($0.finding.title)" })")

        // The text says why a finding missing from some runs is persistent, as diff's notes do.
        let reason = "with this stack; the profiler recorded it otherwise in the others"
        let text = { (entry: TrendFinding) in
            TrendTextReporter().render(LeakTrend(runs: trend.runs, findings: [entry], diagnostics: []), options: RenderOptions())
        }
        let absent = try #require(trend.findings.first { $0.status == .persistent && $0.seenIn.count < Self.runs.count })
        #expect(text(absent).contains("in \(absent.seenIn.count) of \(Self.runs.count) runs " + reason))
        let everywhere = try #require(trend.findings.first { $0.status == .persistent && $0.seenIn.count == Self.runs.count })
        #expect(!text(everywhere).contains(reason))
    }

    @Test func leaksOfAnotherSuiteThatAppearLaterStayNew() throws {
        // From the fourth run on, the hash_map suite's leaks join: their test files had none before,
        // so their groups' counts change and stack variation explains nothing.
        var builder = TrendBuilder()
        let added = try Fixtures.suite("dt_hash_map_prof.log")
        for (index, name) in Self.runs.enumerated() {
            let log = try Fixtures.suite(name)
            builder.add(try Fixtures.analyse(index >= 3 ? [log, added] : [log]))
        }
        let hashMap = builder.build().findings.filter { $0.finding.tests.contains { $0.hasPrefix("tests/hash_map/") } }
        #expect(!hashMap.isEmpty)
        #expect(hashMap.allSatisfy { $0.status == .new && $0.seenIn == [3, 4] }, "\(hashMap.map { "\($0.status) \($0.counts)" })")
    }
}
