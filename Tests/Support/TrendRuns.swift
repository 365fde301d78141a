import Foundation
import LeakModel
import LeakTriage

/// Six runs of "the same tests", oldest first, assembled from real corpus logs: each run's log
/// is a concatenation of whole corpus logs, and a log repeated k times in a run is k exit-time
/// dumps, so its counts are k times the log's own. Each component is one log with its
/// repetitions per run (0 = left out of that run) and the status its findings must get.
enum TrendRuns {
    /// One corpus log's part in the six runs.
    struct Component {
        var log: String
        var repetitions: [Int]
        var status: TrendStatus
    }

    /// The runs' parts. Handle dumps and JobStatus dumps add up when repeated (gc reports do not:
    /// they are cumulative and counted once per node, so the gc log only ever appears once).
    static let components: [Component] = [
        // In every run with the same count.
        Component(log: "gc_app_leak.log", repetitions: [1, 1, 1, 1, 1, 1], status: .persistent),
        // More in each run.
        Component(log: "hv_client_leak.log", repetitions: [1, 2, 3, 4, 5, 6], status: .growing),
        // Flat, then rising in each of the last three runs.
        Component(log: "jobque_primitives_leak.log", repetitions: [1, 1, 1, 1, 2, 3], status: .growing),
        // Rising, then flat in the last run: rose before, but not in each of the last three runs.
        Component(log: "jobque_many_boxes.log", repetitions: [1, 2, 3, 4, 5, 5], status: .persistent),
        // Only at the start.
        Component(log: "smartptr_leak.log", repetitions: [1, 1, 0, 0, 0, 0], status: .fixed),
        // Only at the end.
        Component(log: "jobque_wait_group_leak.log", repetitions: [0, 0, 0, 1, 1, 1], status: .new),
        // A few runs in the middle.
        Component(log: "profiler_basic.log", repetitions: [0, 1, 0, 1, 0, 0], status: .intermittent),
        // First and last run, a gap between.
        Component(log: "heap_report_default.log", repetitions: [1, 0, 1, 0, 0, 1], status: .intermittent),
        // Appears, misses a run, then stays: not new.
        Component(log: "profiler_multi_context.log", repetitions: [0, 1, 0, 1, 1, 1], status: .intermittent),
        // From the start, misses a run, comes back once and is gone: not fixed.
        Component(log: "jobque_track_plain.log", repetitions: [1, 1, 0, 1, 0, 0], status: .intermittent),
    ]

    /// The racy scenarios' repeat runs (real run-to-run variation: which panics make it out),
    /// added as an extra shard to some runs: they hold no leak dump, and make those runs untrustworthy.
    static let racyShards: [Int: [String]] = [
        1: ["jobque_capture_leak_variant_a.log"],
        2: ["jobque_stream_capture_variant_a.log"],
        4: ["jobque_capture_leak_variant_b.log", "jobque_stream_capture_variant_b.log"],
        5: ["jobque_stream_capture_variant_b.log"],
    ]

    static let runCount = 6

    /// Run `run`'s main log: the components' logs, each repeated as often as the run says.
    static func log(_ run: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for component in components {
            let log = try Fixtures.corpus(component.log)
            for _ in 0..<component.repetitions[run] { bytes += log }
        }
        return bytes
    }

    /// Run `run`'s inputs: the main log, then its racy shards.
    static func inputs(_ run: Int) throws -> [[UInt8]] {
        try [log(run)] + (racyShards[run] ?? []).map { try Fixtures.corpus($0) }
    }

    /// The findings of `log` read alone, by fingerprint.
    static func findings(of log: String) throws -> [String: Finding] {
        let report = try Fixtures.analyse([try Fixtures.corpus(log)])
        return Dictionary(report.findings.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The six runs written to `directory` as `run1.log` … plus their racy shards as files of their own.
    static func write(to directory: URL) throws -> [[String]] {
        try (0..<runCount).map { run in
            let path = directory.appendingPathComponent("run\(run + 1).log").path
            try Data(try log(run)).write(to: URL(fileURLWithPath: path))
            return [path] + (racyShards[run] ?? []).map(Fixtures.corpusPath)
        }
    }

    /// The trend of the six runs, read one run at a time as the command line does.
    static func trend(chunkSize: Int = 4096) throws -> LeakTrend {
        var builder = TrendBuilder()
        for run in 0..<runCount {
            builder.add(try Fixtures.analyse(try inputs(run), chunkSize: chunkSize))
        }
        return builder.build()
    }
}
