import ArgumentParser
import Foundation
import LeakModel
import LeakReporters
import LeakTriage

extension LeakTriageCommand {
    /// `leaktriage replay LOG`: trace replay, or the log's reports re-rendered natively.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay --track-job-status traces (text, json), or print the log's reports again exactly as daslang printed them (native).",
            discussion: "With --format native, --only and --baseline keep just the selected leaks, printed as daslang would have printed them had only those leaked: a minimal log to attach to a bug.")

        /// What replay prints.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, native
        }

        @Option(name: .long, help: "text (trace timelines), json (schema leaktriage-replay/1) or native (the reports as daslang printed them).")
        var format: Format = .text

        @Option(name: .long, help: "Write there instead of standard output, atomically.")
        var output: String?

        @Option(name: .long, help: "Colour in text output: auto, always or never.")
        var color: ColorChoice = .auto

        @Option(name: .long, help: "With native: keep only these mechanisms (gc, jobque, heap, smart_ptr, handles).")
        var only: [String] = []

        @Option(name: .long, help: "With native: print only findings beyond this baseline (or JSON report of ours).")
        var baseline: String?

        @Argument(help: "The log to replay; '-' reads standard input.")
        var logs: [String] = []

        func validate() throws {
            if logs.isEmpty { throw ValidationError("give the log to replay, or '-' for standard input") }
            if format != .native, baseline != nil || !only.isEmpty {
                throw ValidationError("--only and --baseline select leaks for --format native")
            }
        }

        func run() throws {
            var reportOptions = try ReportOptions.parse([])
            reportOptions.output = output
            reportOptions.color = color
            reportOptions.only = only
            let rendered: String
            switch format {
            case .native:
                let accepted = try baseline.map { try BaselineOptions.parse(["--baseline", $0]).load() ?? Baseline() }
                rendered = try NativeReplay(mechanisms: try reportOptions.selectedMechanisms()).render(logs) { report in
                    accepted.map { baseline in Set(report.findings.filter { baseline.excess(of: $0) > 0 }.map(\.fingerprint)) }
                }.text
            case .json, .text:
                let report = try LogAnalysis.analyse(logs, only: nil)
                let analyses = report.traces.map(TraceAnalysis.init)
                rendered = format == .json
                    ? TraceReplayReporter().json(analyses)
                    : TraceReplayReporter().text(analyses, inputs: report.inputs, color: reportOptions.useColor)
            }
            try reportOptions.emit(rendered)
        }
    }
}
