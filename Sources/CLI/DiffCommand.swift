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

        @Option(name: .long, help: "Which findings make the exit code 1: new (default), any (new or persisting) or none.")
        var failOn: FailOn = .new

        @Option(name: .long, help: "A base log (repeatable: shards are merged).")
        var base: [String] = []

        @Option(name: .long, help: "A head log (repeatable: shards are merged).")
        var head: [String] = []

        @Argument(help: "The base log and the head log.")
        var logs: [String] = []

        func validate() throws {
            if !logs.isEmpty, logs.count != 2 { throw ValidationError("diff takes two logs: <base.log> <head.log>") }
            if logs.isEmpty, base.isEmpty || head.isEmpty { throw ValidationError("give <base.log> <head.log>, or --base and --head") }
            if ([logs, base, head].joined().filter { $0 == "-" }).count > 1 {
                throw ValidationError("standard input ('-') can be read only once")
            }
        }

        func run() throws {
            let only = try options.selectedMechanisms()
            let basePaths = (logs.first.map { [$0] } ?? []) + base
            let headPaths = (logs.count == 2 ? [logs[1]] : []) + head
            let diff = DiffEngine.diff(
                base: try LogAnalysis.analyse(basePaths, only: only), head: try LogAnalysis.analyse(headPaths, only: only))
            let renderOptions = RenderOptions(color: options.useColor, explain: options.explain)
            let rendered: String
            switch options.format {
            case .text: rendered = DiffTextReporter().render(diff, options: renderOptions)
            case .json: rendered = DiffJSONReporter().render(diff, options: renderOptions)
            default:
                // Annotation formats show what the change introduced: the new findings.
                var introduced = diff.head
                introduced.findings = diff.new
                rendered = options.format.reporter.render(introduced, options: renderOptions)
            }
            try options.emit(rendered)
            let gated = failOn == .any ? diff.new + diff.persisting.map(\.finding) : diff.new
            let status = LogAnalysis.exitStatus(
                for: gated, untrustworthy: diff.base.isUntrustworthy || diff.head.isUntrustworthy,
                failOn: failOn == .none ? .none : .any, strict: options.strict, baseline: nil)
            if status != .passed { throw status.exitCode }
        }
    }
}
