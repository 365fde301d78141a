import Foundation
import LeakModel
import LeakReporters
@testable import LeakTriage
import Testing
@testable import LeakTestSupport

/// Real dastest runs of daslang's own suites: which test file leaked, in whose code, and the
/// same answer from every rerun of unchanged code.
@Suite struct SuiteAttributionTests {
    static let decsRuns = ["dt_decs_prof.log.gz", "dt_decs_prof_r2.log.gz", "dt_decs_prof_r3.log.gz", "dt_decs_prof_r4.log.gz",
                           "dt_decs_prof_r5.log.gz"]
    static let stressTest = "tests/decs/test_gc.das"

    private func text(_ name: String) throws -> String {
        String(decoding: try Fixtures.suite(name), as: UTF8.self)
    }

    private func report(_ text: String) throws -> LeakReport {
        try Fixtures.analyse([Array(text.utf8)])
    }

    /// `[leak]` lines per test file, counted straight from the text: every line since the
    /// previous `PASS`/`FAIL` line belongs to the file that line names; after the summary, to none.
    private func leaksPerTestFile(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var pending = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let plain = line.replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[31m", with: "")
            if plain.contains("[leak] size=") { pending += 1 }
            for verdict in ["PASS ", "FAIL "] where plain.hasPrefix(verdict) && plain.contains(".das (") {
                let file = String(plain.dropFirst(5).prefix { $0 != " " })
                if pending > 0 { counts[file, default: 0] += pending }
                pending = 0
            }
            if plain.contains(" tests, "), plain.contains(" passed, ") { pending = 0 }
        }
        return counts
    }

    @Test(arguments: ["dt_hash_map_prof.log", "dt_async_prof.log", "dt_decs_prof.log.gz"])
    func theRunnersLinesAreContextNeverReportLines(name: String) throws {
        let text = try text(name)
        let events = try Fixtures.events(Array(text.utf8))
        var finished: [String] = [], summaries = 0, started = 0
        for case let .testRunner(line) in events {
            switch line.kind {
            case let .fileFinished(file, passed):
                #expect(passed)
                finished.append(file)
            case .summary: summaries += 1
            case .testStarted: started += 1
            }
        }
        // The runner's lines up to its summary; the string heap printed after it holds copies of them, as data.
        let lines = text.split(separator: "\n").prefix(summaryLine(of: text))
            .map { $0.replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") }
        #expect(finished == lines.filter { $0.hasPrefix("PASS ") }.map { String($0.dropFirst(5).prefix { $0 != " " }) })
        #expect(summaries == 1)
        #expect(started == lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("=== RUN '") }.count)
        for case let .line(line) in events {
            if case .heapString = line.line { continue }
            #expect(!"\(line.line)".contains("=== RUN"), "\(line.line)")
        }
    }

    @Test func otherTestRunnersLinesAreNotTheTestRunners() throws {
        // go test and googletest print look-alikes of dastest's lines.
        let text = "=== RUN   TestParse\n--- PASS: TestParse (0.00s)\nPASS\nok  \texample.com/pkg\t0.012s\n"
            + "[ RUN      ] Suite.Case\n[       OK ] Suite.Case (0 ms)\nPASS tests/x.go (0.1s)\n3 tests passed\n"
        let events = try Fixtures.events(Array(text.utf8))
        #expect(!events.contains { if case .testRunner = $0 { return true } else { return false } })
    }

    @Test(arguments: ["dt_hash_map_prof.log", "dt_async_prof.log", "dt_decs_prof.log.gz"])
    func everyLeakIsChargedToTheTestFileWhoseOutputHeldIt(name: String) throws {
        let text = try text(name)
        let report = try report(text)
        var counted: [String: Int] = [:]
        for finding in report.findings where finding.detector == .profiler {
            #expect(finding.tests.count <= 1, "\(finding.title)")
            if let test = finding.tests.first { counted[test, default: 0] += finding.count }
        }
        #expect(counted == leaksPerTestFile(text))
        #expect(!counted.isEmpty)
        // The runner's own context (after the summary line) belongs to no test file.
        let runner = report.findings.filter { $0.detector == .profiler && $0.tests.isEmpty }
        #expect(!runner.isEmpty)
        #expect(runner.allSatisfy { $0.occurrences.allSatisfy { $0.line > self.summaryLine(of: text) } })
    }

    private func summaryLine(of text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(" tests, ") && $0.contains(" passed, ") } ?? 0) + 1
    }

    @Test func theUsersFirstFrameIsTheLocationWithTheLibraryFramesSummarised() throws {
        let report = try report(try text("dt_hash_map_prof.log"))
        let profiler = report.findings.filter { $0.detector == .profiler }
        for finding in profiler where finding.origin == .user {
            let file = try #require(finding.location?.file)
            #expect(!file.contains("daslib/") && !file.hasPrefix("dastest/"), "\(finding.title)")
            #expect(finding.title.hasSuffix("at \(try #require(finding.location))"), "\(finding.title)")
        }
        // `builtin resize` → two daslib frames → the test's lambda at line 125.
        let lambda = try #require(profiler.first { $0.location == SourceLocation(file: "tests/hash_map/all_hash_table.das", line: 125) })
        #expect(lambda.title.contains("allocated in builtin resize (and 2 more library frames) via _lambda_thismodule_125_14 function at"))
        // The runner's context: no frame in the user's code, so listed apart.
        let library = profiler.filter { $0.origin == .library }
        #expect(!library.isEmpty && library.allSatisfy { $0.tests.isEmpty })
        let rendered = TextReporter().render(report, options: RenderOptions())
        let apart = try #require(rendered.range(of: "IN THE TEST RUNNER / DASLIB"))
        for finding in library { #expect(rendered.range(of: finding.title).map { $0.lowerBound > apart.lowerBound } == true) }
    }

    @Test func aFramePatternGivenWithLibraryIsLibraryCode() throws {
        let text = try text("dt_hash_map_prof.log")
        let settings = TriageSettings(libraryPatterns: ["tests/hash_map/*.das"])
        let report = try Fixtures.analyse([Array(text.utf8)], settings: settings)
        #expect(report.findings.filter { $0.detector == .profiler }.allSatisfy { $0.origin == .library })
    }

    @Test func leaksWithoutAStackSaySoAndNameTheirTestFile() throws {
        let report = try report(try text("dt_decs_prof.log.gz"))
        let stackless = try #require(report.findings.first { $0.detector == .profiler && $0.stack.isEmpty })
        #expect(stackless.title == "22 allocations (10,396 bytes) leaked in context '<unnamed>' with no stack recorded (tests/decs/test_default_values.das)")
        #expect(stackless.tests == ["tests/decs/test_default_values.das"])
    }

    static var decsPairs: [(String, String)] {
        decsRuns.indices.flatMap { first in decsRuns.indices.filter { $0 > first }.map { (decsRuns[first], decsRuns[$0]) } }
    }

    @Test(arguments: decsPairs)
    func rerunsOfUnchangedCodeDiffToNothingNewOrFixed(base: String, head: String) throws {
        let diff = DiffEngine.diff(base: try report(try text(base)), head: try report(try text(head)))
        // Only the GC stress test really leaks one to three more or fewer from run to run.
        #expect(diff.new.allSatisfy { $0.tests == [Self.stressTest] }, "\(diff.new.map(\.title))")
        #expect(diff.fixed.allSatisfy { $0.tests == [Self.stressTest] }, "\(diff.fixed.map(\.title))")
        #expect(diff.persisting.allSatisfy { $0.countDelta == 0 || $0.finding.tests == [Self.stressTest] })
        #expect(diff.persisting.count > 500)
        // Runs that lost stacks say so, once per test file.
        let lost = (diff.base.findings + diff.head.findings).filter { $0.detector == .profiler && $0.stack.isEmpty }
        if !lost.isEmpty { #expect(!diff.notes.isEmpty) }
        #expect(Set(diff.notes).count == diff.notes.count)
    }

    @Test func aLeakChargedToAnotherCallerAtTheBottomOfItsStackPersists() throws {
        // The profiler sometimes charges the same allocation to another test function at the bottom.
        let base = try text("dt_decs_prof_r2.log.gz")
        let head = base.replacingOccurrences(of: "at test_default_values tests/decs/test_default_values.das:29",
                                             with: "at test_create_from_default tests/decs/test_default_values.das:14")
        #expect(head != base)
        let diff = DiffEngine.diff(base: try report(base), head: try report(head))
        let changed = diff.new + diff.fixed
        // Only leaks allocated in that very frame have nothing else to be recognised by.
        #expect(changed.allSatisfy { $0.stack.count == 1 }, "\(changed.map(\.title))")
        #expect(diff.persisting.contains { $0.finding.tests == ["tests/decs/test_default_values.das"] && $0.baseFingerprint != $0.finding.fingerprint })
    }

    @Test func aStackCutShortAtTheLeafStillPairs() throws {
        let base = try LogEditing.corpusText("profiler_basic.log")
        let head = LogEditing.removingLines(base) { $0.contains("at builtin`insert`2207724953381773260") }
        #expect(head != base)
        let diff = DiffEngine.diff(base: try report(base), head: try report(head))
        #expect(diff.new.isEmpty && diff.fixed.isEmpty)
        #expect(diff.persisting.contains { $0.baseFingerprint != $0.finding.fingerprint && $0.countDelta == 0 })
    }

    @Test func theRollupNamesTheTestFilesThatLeakMostBytesInEveryFormat() throws {
        let report = try report(try text("dt_decs_prof.log.gz"))
        let rollup = TestFileSummary.rollup(of: report.findings)
        #expect(rollup.first?.file == Self.stressTest)
        #expect(rollup.map(\.bytes) == rollup.map(\.bytes).sorted(by: >))
        let text = TextReporter().render(report, options: RenderOptions())
        for summary in rollup.prefix(3) { #expect(text.contains("  \(summary.file): \(summary.leaks) leaks")) }
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= 60)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(report, options: RenderOptions()).utf8)) as? [String: Any])
        let files = try #require(json["test_files"] as? [[String: Any]])
        #expect(files.map { $0["file"] as? String } == rollup.map(\.file))
        let junit = JUnitReporter().render(report, options: RenderOptions())
        for summary in rollup { #expect(junit.contains("<testcase name=\"\(summary.file)\" classname=\"leaktriage.tests\"")) }
    }
}
