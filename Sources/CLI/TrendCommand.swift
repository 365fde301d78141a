import ArgumentParser
import Foundation
import LeakModel
import LeakReporters
import LeakTriage

extension LeakTriageCommand {
    /// `leaktriage trend RUN…`: how every leak behaves over several runs, oldest first.
    struct Trend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say of every leak how it behaves over several runs, oldest first: growing, persistent, new, fixed or intermittent.",
            discussion: "One log per run, or --run once per run with its CI shards separated by commas (--run a1.log,a2.log --run b1.log). "
                + "--fail-on new (the default) fails on growing and new leaks only, so a flaky leak already known does not break the build.")

        @OptionGroup var options: ReportOptions

        @Option(name: .long, help: "Findings recorded in this file (a baseline or a JSON report of ours) are accepted up to their counts.")
        var baseline: String?

        @Option(name: .long, help: "Which findings make the exit code 1: new (default: growing or new), any (every finding of the last run) or none.")
        var failOn: FailOn = .new

        @Option(name: .customLong("run"), help: "One run's logs, comma-separated CI shards (repeatable, oldest first).")
        var groupedRuns: [String] = []

        @Argument(help: "One log per run, oldest first; '-' reads standard input.")
        var logs: [String] = []

        func validate() throws {
            if logs.isEmpty, groupedRuns.isEmpty { throw ValidationError("give one log per run, oldest first, or --run once per run") }
            if !logs.isEmpty, !groupedRuns.isEmpty {
                throw ValidationError("give the runs either as logs or with --run, not both (their order would be lost)")
            }
            if try runs().joined().filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
            if options.format == .native { throw ValidationError("--format native re-renders one log's reports: use it with run, diff or replay") }
        }

        func run() throws {
            let only = try options.selectedMechanisms()
            let accepted = try baseline.map(BaselineOptions.read)
            let trend = try RunSeries.trend(of: try runs(), only: only, settings: try options.triageSettings)
            if let reporter = options.format.reporters.trend {
                try options.emit { write in try reporter.write(trend, options: options.renderOptions, to: write) }
            } else {
                try ReportDelivery.deliver(TrendAnnotations.report(of: trend), format: options.format, options: options)
            }
            let gated: [Finding]
            switch failOn {
            case .new: gated = trend.findings.filter { $0.status.isRegression }.map(\.finding)
            case .any: gated = trend.findings.filter(\.inLastRun).map(\.finding)
            case .none: gated = []
            }
            let status = LogAnalysis.exitStatus(
                for: gated, untrustworthy: trend.isUntrustworthy, failOn: failOn == .none ? .none : .any, strict: options.strict,
                baseline: accepted)
            if status != .passed { throw status.exitCode }
        }

        private func runs() throws -> [[String]] {
            try RunSeries.runs(logs: logs, grouped: groupedRuns, option: "--run")
        }
    }
}
