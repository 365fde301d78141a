import ArgumentParser
import Foundation
import LeakModel
import LeakReporters
import LeakTriage

extension LeakTriageCommand {
    /// `leaktriage diff BASE HEAD`: new, fixed and persisting leaks between two runs.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which leaks are new, fixed and persisting between a base run and a head run.",
            discussion: "Several logs per side (CI shards) are merged: pass --base and --head once per file instead of the two positional logs.")

        @OptionGroup var options: ReportOptions

        @OptionGroup var baselines: BaselineOptions

        @Option(name: .long, help: "Which findings make the exit code 1: new (default), any (new or persisting) or none.")
        var failOn: FailOn = .new

        @Option(name: .long, help: "A base log (repeatable: shards are merged).")
        var base: [String] = []

        @Option(name: .long, help: "A head log (repeatable: shards are merged).")
        var head: [String] = []

        @Option(name: .long, help: "An earlier run's logs, comma-separated CI shards (repeatable, oldest first): a new finding seen in any of them is intermittent, not new.")
        var history: [String] = []

        @Argument(help: "The base log and the head log.")
        var logs: [String] = []

        func validate() throws {
            if !logs.isEmpty, logs.count != 2 { throw ValidationError("diff takes two logs: <base.log> <head.log>") }
            if logs.isEmpty, base.isEmpty || head.isEmpty { throw ValidationError("give <base.log> <head.log>, or --base and --head") }
            let historyLogs = try RunSeries.runs(logs: [], grouped: history, option: "--history").joined()
            if ([logs, base, head, Array(historyLogs)].joined().filter { $0 == "-" }).count > 1 {
                throw ValidationError("standard input ('-') can be read only once")
            }
        }

        func run() throws {
            let only = try options.selectedMechanisms()
            // Known findings (up to their recorded counts) do not fail the gate, new or not.
            let baseline = try baselines.load()
            // Suppressed leaks leave both sides (and the history), so they are never new, fixed or persisting.
            let settings = try options.triageSettings
            // Earlier runs, read first (oldest first) and kept as one entry per fingerprint.
            let earlier = history.isEmpty ? nil : try RunSeries.trend(
                of: RunSeries.runs(logs: [], grouped: history, option: "--history"), only: only, settings: settings)
            let compare = { (base: LeakReport, head: LeakReport) in
                earlier.map { DiffEngine.diff(base: base, head: head, history: $0) } ?? DiffEngine.diff(base: base, head: head)
            }
            let basePaths = (logs.first.map { [$0] } ?? []) + base
            let headPaths = (logs.count == 2 ? [logs[1]] : []) + head
            let diff: LeakDiff
            if options.format == .native {
                let baseReport = try LogAnalysis.analyse(basePaths, only: only, settings: settings)
                // The new leaks, printed as daslang would have printed them.
                var computed: LeakDiff?
                let replay = try NativeReplay(mechanisms: only, settings: settings).render(headPaths) { head in
                    let result = compare(baseReport, head.keeping(only: only))
                    computed = result
                    return Set(result.new.map(\.fingerprint))
                }
                diff = computed ?? compare(baseReport, replay.report.keeping(only: only))
                try options.emit(replay.text)
            } else {
                let (baseReport, headReport) = try LogAnalysis.analyse(base: basePaths, head: headPaths, only: only, settings: settings)
                diff = compare(baseReport, headReport)
                try deliver(diff)
            }
            let gated = failOn == .any ? diff.new + diff.persisting.map(\.finding) + diff.intermittent.map(\.finding) : diff.new
            try baselines.store(diff.head.findings)
            let status = LogAnalysis.exitStatus(
                for: gated, untrustworthy: diff.base.isUntrustworthy || diff.head.isUntrustworthy,
                failOn: failOn == .none ? .none : .any, strict: options.strict, baseline: baseline)
            if status != .passed { throw status.exitCode }
        }

        private func deliver(_ diff: LeakDiff) throws {
            guard let reporter = options.format.reporters.diff else {
                // Annotation formats show what the change introduced: the new findings.
                var introduced = diff.head
                introduced.findings = diff.new
                try ReportDelivery.deliver(introduced, format: options.format, options: options)
                return
            }
            var renderOptions = options.renderOptions
            if options.format == .html {
                renderOptions = SourceLineReader.options(renderOptions, showing: diff.new + diff.fixed + diff.persisting.map(\.finding))
                renderOptions.flameGraphs = FlameGraph.graphs(of: diff)
            }
            try options.emit { write in try reporter.write(diff, options: renderOptions, to: write) }
        }
    }
}
