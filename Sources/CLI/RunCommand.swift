import ArgumentParser
import Foundation
import LeakModel
import LeakReporters
import LeakTriage

extension LeakTriageCommand {
    /// `leaktriage run LOG…`: every leak report in the logs, triaged.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the leak reports in one or more logs and say what to fix first (the default subcommand).")

        @OptionGroup var options: ReportOptions

        @OptionGroup var baselines: BaselineOptions

        @Option(name: .long, help: "Which findings make the exit code 1: any, new (beyond --baseline) or none.")
        var failOn: FailOn = .any

        @Argument(help: "Log files to read; '-' reads standard input.")
        var logs: [String] = []

        func validate() throws {
            if logs.isEmpty { throw ValidationError("give at least one log file, or '-' for standard input") }
            if logs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        }

        func run() throws {
            let only = try options.selectedMechanisms()
            let baseline = try baselines.load()
            let settings = try options.triageSettings
            let report: LeakReport
            if let reporter = options.format.reporters.reports {
                // The selected leaks, printed as daslang would have printed them.
                let replay = try NativeReplay(mechanisms: only, settings: settings).read(logs) { report in
                    LogAnalysis.nativeSelection(in: report, baseline: baseline, settings: settings)
                }
                report = replay.report.keeping(only: only)
                try options.emit { write in try reporter.write(replay.selected, options: RenderOptions(), to: write) }
            } else {
                report = try LogAnalysis.analyse(logs, only: only, settings: settings)
                try ReportDelivery.deliver(report, format: options.format, options: options)
            }
            try baselines.store(report.findings)
            let status = LogAnalysis.exitStatus(
                for: report.findings, untrustworthy: report.isUntrustworthy, failOn: failOn, strict: options.strict, baseline: baseline)
            if status != .passed { throw status.exitCode }
        }
    }
}
