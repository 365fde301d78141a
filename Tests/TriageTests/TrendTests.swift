import Foundation
import LeakModel
import LeakReporters
import LeakTriage
import Testing
@testable import LeakTestSupport

/// The status rules at their boundaries: one run, two runs, the growing window, gaps.
@Suite struct TrendClassifierTests {
    @Test(arguments: [
        // One run: nothing can rise, every finding is persistent.
        ([1], TrendStatus.persistent), ([7], .persistent),
        // Two runs: the window is both runs.
        ([1, 2], .growing), ([2, 2], .persistent), ([2, 1], .persistent), ([0, 1], .new), ([1, 0], .fixed),
        // Three runs: the window is all runs.
        ([1, 2, 3], .growing), ([1, 1, 2], .persistent), ([1, 2, 2], .persistent), ([3, 2, 1], .persistent),
        // More runs: only the last three matter, and each of them must rise.
        ([2, 2, 2, 3, 4, 5], .growing), ([2, 2, 2, 2, 3, 4], .growing), ([9, 1, 2, 3], .growing),
        ([1, 2, 3, 4, 5, 5], .persistent), ([1, 2, 3, 3], .persistent), ([1, 2, 4, 3, 4], .persistent),
        // Growing needs every run: absent at first and rising is new.
        ([0, 5, 6, 7], .new), ([0, 0, 0, 1], .new), ([0, 0, 1, 1], .new),
        // Fixed: present from the first run up to its last appearance, then never again.
        ([1, 0, 0, 0], .fixed), ([4, 4, 0, 0], .fixed), ([1, 2, 3, 0], .fixed),
        // Anything else comes and goes.
        ([0, 1, 0, 1], .intermittent), ([1, 0, 1, 0, 0], .intermittent), ([0, 1, 1, 0], .intermittent),
        ([1, 0, 0, 1], .intermittent), ([0, 1, 0], .intermittent), ([1, 1, 0, 1], .intermittent),
    ])
    func statusFollowsTheRules(counts: [Int], status: TrendStatus) {
        #expect(TrendClassifier.status(counts: counts) == status, "\(counts)")
    }

    @Test func onlyGrowingAndNewFailTheNewGate() {
        #expect(TrendStatus.allCases.filter(\.isRegression) == [.growing, .new])
    }
}

/// Six runs made of real corpus logs: every finding's status, runs and counts exactly.
@Suite struct TrendScenarioTests {
    /// What every fingerprint must show: the status of its component, the runs that held the
    /// component, and the log's own count times the repetitions.
    private func expectations() throws -> [String: (status: TrendStatus, seenIn: [Int], counts: [Int])] {
        var expected: [String: (status: TrendStatus, seenIn: [Int], counts: [Int])] = [:]
        for component in TrendRuns.components {
            let findings = try TrendRuns.findings(of: component.log)
            #expect(!findings.isEmpty, "\(component.log) shows no finding")
            for (fingerprint, finding) in findings {
                // The components must not share a fingerprint, or the expectation is not the component's.
                #expect(expected[fingerprint] == nil, "\(component.log) shares \(fingerprint) with another component")
                expected[fingerprint] = (
                    component.status, component.repetitions.indices.filter { component.repetitions[$0] > 0 },
                    component.repetitions.map { $0 * finding.count })
            }
        }
        return expected
    }

    @Test func everyFindingHasItsStatusRunsAndCounts() throws {
        let expected = try expectations()
        let trend = try TrendRuns.trend()
        #expect(trend.runs.count == 6)
        #expect(Set(trend.findings.map(\.finding.fingerprint)) == Set(expected.keys))
        #expect(trend.findings.count == expected.count)
        for entry in trend.findings {
            let want = try #require(expected[entry.finding.fingerprint])
            #expect(entry.status == want.status, "\(entry.finding.title): \(entry.counts)")
            #expect(entry.seenIn == want.seenIn, "\(entry.finding.title)")
            #expect(entry.counts == want.counts, "\(entry.finding.title)")
        }
    }

    @Test func eachFindingIsTheOneOfTheLastRunThatShowedIt() throws {
        let trend = try TrendRuns.trend()
        for entry in trend.findings {
            #expect(entry.lastRun == entry.seenIn.last)
            #expect(entry.finding.count == entry.counts[entry.lastRun])
        }
    }

    @Test func findingsAreGroupedWhatGotWorseFirst() throws {
        let trend = try TrendRuns.trend()
        let order = trend.findings.map(\.status.displayOrder)
        #expect(order == order.sorted())
        #expect(trend.findings.first?.status == .growing)
    }

    @Test func theRacyRepeatRunsMakeThoseRunsUntrustworthyAndChangeNoStatus() throws {
        let trend = try TrendRuns.trend()
        #expect(trend.runs.map(\.untrustworthy) == [false, true, true, false, true, true])
        #expect(Set(trend.diagnostics.map(\.run)) == [1, 2, 4, 5])
        // The same runs without the racy shards classify every finding alike.
        var builder = TrendBuilder()
        for run in 0..<TrendRuns.runCount { builder.add(try Fixtures.analyse([try TrendRuns.log(run)])) }
        let quiet = builder.build()
        #expect(quiet.findings.map(\.status) == trend.findings.map(\.status))
        #expect(quiet.findings.map(\.finding.fingerprint) == trend.findings.map(\.finding.fingerprint))
        #expect(!quiet.isUntrustworthy)
    }

    @Test func thePanicsOfTheRacyRunsComeAndGo() throws {
        // Each panic of a racy shard is expected in exactly the runs that hold a shard printing it.
        var expected: [String: Set<Int>] = [:]
        for (run, shards) in TrendRuns.racyShards {
            for shard in shards {
                for panic in try Fixtures.analyse([try Fixtures.corpus(shard)]).panics {
                    expected[PanicFingerprint.fingerprint(of: panic), default: []].insert(run)
                }
            }
        }
        let trend = try TrendRuns.trend()
        #expect(expected.count == 4)
        #expect(Dictionary(uniqueKeysWithValues: trend.panics.map { ($0.fingerprint, Set($0.seenIn)) }) == expected)
        #expect(trend.panics.allSatisfy { $0.status == .intermittent && $0.fingerprint == PanicFingerprint.fingerprint(of: $0.panic) })
        let exception = try #require(trend.panics.first { $0.panic.kind == .exception })
        #expect(exception.counts == [0, 0, 0, 0, 1, 0])
        #expect(exception.panic.message == "channel being deleted while being used")
    }

    @Test func aRacyRunPrintedBeforeTheDumpsMakesThemConsequencesWithTheSameStatus() throws {
        // variant_b first in the same input: what follows its EXCEPTION is a consequence, same fingerprint.
        var builder = TrendBuilder()
        for run in 0..<TrendRuns.runCount {
            let racy = run == 3 ? try Fixtures.corpus("jobque_capture_leak_variant_b.log") : []
            builder.add(try Fixtures.analyse([racy + (try TrendRuns.log(run))]))
        }
        let trend = builder.build()
        let expected = try TrendRuns.trend()
        #expect(Dictionary(uniqueKeysWithValues: trend.findings.map { ($0.finding.fingerprint, $0.status) })
            == Dictionary(uniqueKeysWithValues: expected.findings.map { ($0.finding.fingerprint, $0.status) }))
        #expect(trend.runs.map(\.untrustworthy) == [false, false, false, true, false, false])
    }

    @Test func chunkSizeDoesNotMatter() throws {
        #expect(try TrendRuns.trend(chunkSize: 7) == TrendRuns.trend(chunkSize: 1 << 20))
    }
}

/// The text of a long trend stays one line per finding: the strip shows the last 24 runs.
@Suite struct TrendTextTests {
    @Test func aLongTrendElidesTheOldestRunsOfTheStrip() throws {
        let leak = try Fixtures.analyse([try Fixtures.corpus("jobque_wait_group_leak.log")])
        let clean = try Fixtures.analyse([try Fixtures.corpus("clean_run.log")])
        var builder = TrendBuilder()
        for run in 0..<30 { builder.add(run % 2 == 1 ? leak : clean) }
        let text = TrendTextReporter().render(builder.build(), options: RenderOptions())
        let strip = String(repeating: "□■", count: 12)
        #expect(text.contains("\n  …\(strip)  [jobque] 1 JobStatus object never released (rc=1), created at "
            + "programs/jobque_wait_group_leak.das:16:17 — in 15 of 30 runs\n"), "\(text)")
    }
}

/// `diff --history`: a head finding seen in an earlier run is intermittent, not new.
@Suite struct DiffHistoryTests {
    @Test func aFindingSeenInHistoryIsIntermittent() throws {
        let base = try Fixtures.analyse([try Fixtures.corpus("gc_app_leak.log")])
        let head = try Fixtures.analyse([try Fixtures.corpus("gc_app_leak.log") + (try Fixtures.corpus("profiler_basic.log"))
            + (try Fixtures.corpus("jobque_wait_group_leak.log"))])
        var history = TrendBuilder()
        history.add(try Fixtures.analyse([try Fixtures.corpus("hv_client_leak.log")]))
        history.add(try Fixtures.analyse([try Fixtures.corpus("profiler_basic.log")]))
        let plain = DiffEngine.diff(base: base, head: head)
        let diff = DiffEngine.diff(base: base, head: head, history: history.build())
        let profiler = try TrendRuns.findings(of: "profiler_basic.log")
        #expect(Set(diff.intermittent.map(\.finding.fingerprint)) == Set(profiler.keys))
        #expect(diff.intermittent.allSatisfy { $0.historySeenIn == [1] })
        #expect(diff.new.map(\.detector) == [.jobStatus])
        #expect(diff.new.count + diff.intermittent.count == plain.new.count)
        #expect(diff.persisting == plain.persisting && diff.fixed == plain.fixed)
        #expect(diff.history.count == 2)
        let text = DiffTextReporter().render(diff, options: RenderOptions())
        #expect(text.hasPrefix("1 new, 0 fixed, 8 persisting (0 moved, 0 changed count), 5 intermittent"))
        #expect(text.contains("INTERMITTENT\n  ~ [heap] "))
        #expect(text.contains(" — in 1 of 2 history runs"))
    }
}
