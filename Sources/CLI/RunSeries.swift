import ArgumentParser
import LeakModel
import LeakTriage

/// Runs given one after the other, oldest first — `trend`'s runs and `diff --history` —
/// each made of one log or of several comma-separated shards, read one run at a time.
enum RunSeries {
    /// The logs of each run: one per positional log, and the comma-separated shards of each
    /// grouped value (`--run a1.log,a2.log`). An empty shard name is a usage error.
    static func runs(logs: [String], grouped: [String], option: String) throws -> [[String]] {
        try logs.map { [$0] } + grouped.map { value in
            let shards = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if shards.contains(where: \.isEmpty) { throw ValidationError("\(option) '\(value)' names an empty log (shards are separated by single commas)") }
            return shards
        }
    }

    /// Reads the runs one at a time, oldest first, and folds each into the trend as soon as it is
    /// read, so that only one run's report is alive at a time. Diagnostics go to standard error
    /// run by run, as `run` prints them. Suppressed leaks (`settings`) leave every run.
    static func trend(
        of runs: [[String]], only: Set<Mechanism>?, settings: TriageSettings
    ) throws -> LeakTrend {
        var builder = TrendBuilder()
        for logs in runs {
            builder.add(try LogAnalysis.analyse(logs, only: only, settings: settings))
        }
        return builder.build()
    }
}
