import ArgumentParser
import Foundation
import LeakModel
import LeakReporters

extension LeakTriageCommand {
    /// `leaktriage annotate [LOG|-]`: passes a CI log through unchanged while reading it, then
    /// annotates its leaks — `daslang tests.das 2>&1 | leaktriage annotate`.
    struct Annotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pass a CI log through to standard output unchanged, then annotate its leaks.",
            discussion: """
                Reads standard input when no log is given: daslang tests.das 2>&1 | leaktriage annotate. \
                The format is github under GitHub Actions (GITHUB_ACTIONS=true) and text elsewhere. Under GitHub \
                Actions, or with --format github, the copy of the log is fenced with ::stop-commands:: so that lines \
                in it that look like workflow commands are not run. json, sarif, junit and codequality need --output.
                """)

        @OptionGroup var options: ReportOptions

        @OptionGroup var baselines: BaselineOptions

        @Option(name: .long, help: "Which findings make the exit code 1: any, new (beyond --baseline) or none.")
        var failOn: FailOn = .any

        @Argument(help: "The log to pass through and annotate; '-' (the default) reads standard input.")
        var log: String = "-"

        func validate() throws {
            if let format = options.requestedFormat, format.reporters.run == nil {
                throw ValidationError("annotate passes the log through already: --format \(format.rawValue) is for run, diff and replay")
            }
            if let format = options.requestedFormat, format.isDocument, options.output == nil {
                throw ValidationError(
                    "--format \(format.rawValue) prints a document, which cannot follow the log on standard output: add --output <file>")
            }
        }

        func run() throws {
            let only = try options.selectedMechanisms()
            let baseline = try baselines.load()
            let onGitHub = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
            let format = options.requestedFormat ?? (onGitHub ? .github : .text)
            let passThrough = LogPassThrough(fenceToken: onGitHub || format == .github ? LogPassThrough.randomToken() : nil)
            // Closes the fence even when reading fails, so that the rest of the step runs its commands.
            defer { try? passThrough.closeFence() }
            let report = try LogAnalysis.analyse([log], only: only, settings: try options.triageSettings, passThrough: passThrough.write)
            try passThrough.endLog(moreOutput: options.output == nil)
            // Annotations must follow the fence to be run; any other report stays inside it, as
            // text taken from the log could otherwise smuggle in a command.
            if format == .github { try passThrough.closeFence() }
            try ReportDelivery.deliver(report, format: format, options: options)
            try passThrough.closeFence()
            try baselines.store(report.findings)
            let status = LogAnalysis.exitStatus(
                for: report.findings, untrustworthy: report.isUntrustworthy, failOn: failOn, strict: options.strict, baseline: baseline)
            if status != .passed { throw status.exitCode }
        }
    }
}
