import Foundation
import LeakModel
import Testing
@testable import LeakTestSupport

/// `leaktriage trend` end to end on the built binary: the JSON schema, exit codes, shards,
/// the CI formats, bad usage; and `diff --history`.
@Suite struct TrendCommandTests {
    private func sixRuns() throws -> (directory: URL, runs: [[String]]) {
        let directory = try CLIRunner.temporaryDirectory()
        return (directory, try TrendRuns.write(to: directory))
    }

    /// `--run` values: each run's shards joined by commas.
    private func runOptions(_ runs: [[String]]) -> [String] {
        runs.flatMap { ["--run", $0.joined(separator: ",")] }
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonIsTheTrendSchemaWithEveryFindingsHistory() throws {
        let (_, runs) = try sixRuns()
        let result = try CLIRunner.run(["trend", "--format", "json"] + runOptions(runs))
        #expect(result.status == 1, "\(result.stderr)")
        let document = try object(result.stdout)
        #expect(Set(document.keys) == ["schema", "runs", "findings", "panics", "diagnostics"])
        #expect(document["schema"] as? String == "leaktriage-trend/1")
        let runObjects = try #require(document["runs"] as? [[String: Any]])
        #expect(runObjects.map { ($0["inputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? [] } == runs)
        let expected = Dictionary(uniqueKeysWithValues: try TrendRuns.trend().findings.map { ($0.finding.fingerprint, $0) })
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == expected.count)
        for entry in findings {
            #expect(Set(entry.keys) == ["finding", "seen_in", "counts", "status"])
            let finding = try #require(entry["finding"] as? [String: Any])
            let fingerprint = try #require(finding["fingerprint"] as? String)
            let want = try #require(expected[fingerprint])
            #expect(entry["status"] as? String == want.status.rawValue)
            #expect(entry["seen_in"] as? [Int] == want.seenIn)
            #expect(entry["counts"] as? [Int] == want.counts)
            #expect(finding["count"] as? Int == want.counts[want.lastRun])
        }
        let panics = try #require(document["panics"] as? [[String: Any]])
        #expect(panics.count == 4)
        #expect(panics.allSatisfy { Set($0.keys) == ["panic", "seen_in", "counts", "status"] && $0["status"] as? String == "intermittent" })
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(Set(diagnostics.compactMap { $0["run"] as? Int }) == [1, 2, 4, 5])
    }

    @Test func oneLogPerRunGivesTheSameTrendAsShards() throws {
        let (directory, runs) = try sixRuns()
        // Each run's shards concatenated into one file.
        var logs: [String] = []
        for (index, shards) in runs.enumerated() {
            let path = directory.appendingPathComponent("whole\(index + 1).log").path
            try Data(try shards.flatMap { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }).write(to: URL(fileURLWithPath: path))
            logs.append(path)
        }
        let whole = try object(try CLIRunner.run(["trend", "--format", "json"] + logs).stdout)
        let sharded = try object(try CLIRunner.run(["trend", "--format", "json"] + runOptions(runs)).stdout)
        let statuses = { (document: [String: Any]) in
            ((document["findings"] as? [[String: Any]]) ?? []).map { "\($0["status"] ?? "")\($0["seen_in"] ?? "")\($0["counts"] ?? "")" }
        }
        #expect(!statuses(whole).isEmpty)
        #expect(statuses(whole) == statuses(sharded))
    }

    @Test func theGateFailsOnGrowingAndNewOnlyByDefault() throws {
        let (directory, runs) = try sixRuns()
        let options = runOptions(runs)
        #expect(try CLIRunner.run(["trend"] + options).status == 1)
        #expect(try CLIRunner.run(["trend", "--fail-on", "none"] + options).status == 0)
        #expect(try CLIRunner.run(["trend", "--fail-on", "any"] + options).status == 1)
        #expect(try CLIRunner.run(["trend", "--strict", "--fail-on", "none"] + options).status == 3)
        // Without the growing and new components, persistent, fixed and intermittent leaks pass the gate.
        let calm = try CLIRunner.run(["trend", Fixtures.corpusPath("smartptr_leak.log"), Fixtures.corpusPath("profiler_basic.log"),
                                      Fixtures.corpusPath("gc_app_leak.log"), Fixtures.corpusPath("profiler_basic.log")])
        #expect(calm.status == 0, "\(calm.stdout)")
        #expect(try CLIRunner.run(["trend", "--fail-on", "any", Fixtures.corpusPath("gc_app_leak.log")]).status == 1)
        // One run: nothing can rise or appear, so nothing fails the default gate; two runs: 1 → 2 is growing.
        let single = try CLIRunner.run(["trend", "--format", "json", Fixtures.corpusPath("hv_server_leak.log")])
        #expect(single.status == 0)
        #expect(((try object(single.stdout))["findings"] as? [[String: Any]])?.allSatisfy { $0["status"] as? String == "persistent" } == true)
        let twice = directory.appendingPathComponent("twice.log")
        try Data(try Fixtures.corpus("hv_client_leak.log") + (try Fixtures.corpus("hv_client_leak.log"))).write(to: twice)
        let pair = try CLIRunner.run(["trend", "--format", "json", Fixtures.corpusPath("hv_client_leak.log"), twice.path])
        #expect(pair.status == 1)
        #expect(((try object(pair.stdout))["findings"] as? [[String: Any]])?.map { $0["status"] as? String } == ["growing"])
        // A baseline of the last run accepts the growing and new findings up to their counts.
        let baseline = directory.appendingPathComponent("baseline.json").path
        #expect(try CLIRunner.run(["run", "--write-baseline", baseline] + runs[5]).status == 1)
        #expect(try CLIRunner.run(["trend", "--baseline", baseline] + options).status == 0)
        // --only keeps the mechanisms whose leaks do not grow: heap leaks here are intermittent.
        #expect(try CLIRunner.run(["trend", "--only", "heap"] + options).status == 0)
    }

    @Test func textIsOneScreenGroupedByStatusWithPresenceStrips() throws {
        let (_, runs) = try sixRuns()
        let result = try CLIRunner.run(["trend", "--color", "never"] + runOptions(runs))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 50, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("6 runs (") == true)
        #expect(lines.first?.hasSuffix("40 findings — 7 growing, 1 new, 17 intermittent, 12 persistent, 3 fixed") == true, "\(lines.first ?? "")")
        let headers = lines.filter { ["GROWING", "NEW", "INTERMITTENT"].contains($0.split(separator: " ").first.map(String.init) ?? "") }
        #expect(headers.map { $0.split(separator: " ")[0] } == ["GROWING", "NEW", "INTERMITTENT"])
        #expect(result.stdout.contains("  ■■■■■■  [handles] 6 WebSocketClient handles leaked (rc=1: never released) — count 1 → 2 → 3 → 4 → 5 → 6"))
        #expect(result.stdout.contains("  □□□■■■  [jobque] 1 JobStatus object never released"))
        #expect(result.stdout.contains("— new in run 4 of 6"))
        #expect(result.stdout.contains("  ■□■□□■  [heap] 2 `array` blocks (1,280 bytes) live after main — in 3 of 6 runs\n"))
        #expect(result.stdout.contains("… 23 more: 8 intermittent, 12 persistent, 3 fixed (--format json lists them all)"))
        #expect(result.stdout.contains("runs 2, 3, 5, 6 may not show every leak"))
        #expect(result.stdout.contains("\nPANICS (3)\n"))
        #expect(result.stdout.contains("\n  □□□□■□  exception: channel being deleted while being used at programs/jobque_capture_leak.das:31:18 — intermittent, in 1 of 6 runs\n"))
    }

    @Test func htmlIsOneSelfContainedPageGroupedByStatusWithEveryFinding() throws {
        let (_, runs) = try sixRuns()
        let json = try object(try CLIRunner.run(["trend", "--format", "json"] + runOptions(runs)).stdout)
        let fingerprints = try #require(json["findings"] as? [[String: Any]]).compactMap { ($0["finding"] as? [String: Any])?["fingerprint"] as? String }
        let result = try CLIRunner.run(["trend", "--format", "html"] + runOptions(runs))
        #expect(result.status == 1, "the gate is the same whatever the format")
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<script").count == 2, "only the page's own script")
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains(" src="), "nothing is fetched")
        #expect(fingerprints.count == 40)
        for fingerprint in fingerprints { #expect(html.contains("data-fingerprint=\"\(fingerprint)\"")) }
        let sections = ["growing", "new", "intermittent", "persistent", "fixed"].compactMap { html.range(of: "<section id=\"\($0)\">")?.lowerBound }
        #expect(sections.count == 5 && sections == sections.sorted(), "grouped by status, what got worse first")
        #expect(html.contains("<h2>Growing (7)</h2>") && html.contains("<h2>Fixed (3)</h2>"))
        #expect(html.contains("<code class=\"strip\">■■■■■■</code> count 1 → 2 → 3 → 4 → 5 → 6"))
        #expect(html.contains("<h2>Panics (3)</h2>"))
    }

    @Test func ciFormatsAnnotateWhatFailsTheGate() throws {
        let (_, runs) = try sixRuns()
        let trend = try TrendRuns.trend()
        let regressions = trend.findings.filter(\.status.isRegression)
        let sarif = try object(try CLIRunner.run(["trend", "--format", "sarif", "--fail-on", "none"] + runOptions(runs)).stdout)
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.count == regressions.count)
        let github = try CLIRunner.run(["trend", "--format", "github"] + runOptions(runs))
        #expect(github.status == 1)
        let commands = github.stdout.split(separator: "\n").compactMap(GitHubCommandLine.init)
            .filter { ["error", "warning", "notice"].contains($0.name) && $0.properties["title"]?.hasPrefix("leaktriage:") == false }
        #expect(commands.count == regressions.count)
        #expect(commands.contains { $0.properties["title"]?.contains("JobStatus object never released (rc=1), created at programs/jobque_wait_group_leak.das:16:17 — new in run 4 of 6") == true })
        #expect(commands.contains { $0.properties["title"]?.hasSuffix("— growing: count 1 → 2 → 3 → 4 → 5 → 6") == true })
        // Positions index every run's inputs one after the other: the findings come from the last run.
        #expect(commands.allSatisfy { $0.message.contains("first at \(runs[5][0]):") }, "\(commands.map(\.message))")
        let quality = try CLIRunner.run(["trend", "--format", "codequality"] + runOptions(runs))
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(quality.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == regressions.count)
    }

    @Test func outputIsWrittenAtomically() throws {
        let (directory, runs) = try sixRuns()
        let output = directory.appendingPathComponent("trend.json").path
        let result = try CLIRunner.run(["trend", "--format", "json", "--output", output] + runOptions(runs))
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(try object(try String(contentsOfFile: output, encoding: .utf8))["schema"] as? String == "leaktriage-trend/1")
    }

    @Test(arguments: [
        ["trend"],
        ["trend", "--run", "a.log,,b.log"],
        ["trend", "--run", "a.log", "b.log"],
        ["trend", "-", "-"],
        ["trend", "--format", "native", "a.log"],
        ["trend", "/nonexistent/run1.log"],
    ])
    func badUsageAndMissingLogsExitTwo(arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("leaktriage: error: "))
        #expect(result.stdout.isEmpty)
    }

    @Test func diffWithHistoryDoesNotFailOnAnIntermittentLeak() throws {
        let directory = try CLIRunner.temporaryDirectory()
        let head = directory.appendingPathComponent("head.log")
        try Data(try Fixtures.corpus("gc_app_leak.log") + (try Fixtures.corpus("profiler_basic.log"))).write(to: head)
        let base = Fixtures.corpusPath("gc_app_leak.log")
        #expect(try CLIRunner.run(["diff", base, head.path]).status == 1)
        let history = ["--history", Fixtures.corpusPath("hv_client_leak.log"),
                       "--history", Fixtures.corpusPath("profiler_basic.log") + "," + Fixtures.corpusPath("smartptr_leak.log")]
        let text = try CLIRunner.run(["diff"] + history + [base, head.path])
        #expect(text.status == 0, "\(text.stdout)")
        #expect(text.stdout.hasPrefix("0 new, 0 fixed, 8 persisting (0 moved, 0 changed count), 5 intermittent"))
        #expect(try CLIRunner.run(["diff", "--fail-on", "any"] + history + [base, head.path]).status == 1)
        let json = try object(try CLIRunner.run(["diff", "--format", "json"] + history + [base, head.path]).stdout)
        let intermittent = try #require(json["intermittent"] as? [[String: Any]])
        #expect(intermittent.count == 5)
        #expect(intermittent.allSatisfy { $0["history_seen_in"] as? [Int] == [1] && $0["finding"] is [String: Any] })
        #expect((json["new"] as? [Any])?.isEmpty == true)
        #expect((json["history"] as? [[String: Any]])?.count == 2)
        #expect(try CLIRunner.run(["diff", "--history", "a.log,", base, head.path]).status == 2)
    }
}
