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

        @OptionGroup var destination: OutputOptions

        @OptionGroup var mechanisms: MechanismFilter

        @OptionGroup var suppressionFiles: SuppressionOptions
        @OptionGroup var triage: TriageOptions

        @Option(name: .long, help: "With native: print only findings beyond this baseline (or JSON report of ours).")
        var baseline: String?

        @Argument(help: "The log to replay; '-' reads standard input.")
        var logs: [String] = []

        func validate() throws {
            if logs.isEmpty { throw ValidationError("give the log to replay, or '-' for standard input") }
            if format != .native, baseline != nil || !mechanisms.only.isEmpty || !suppressionFiles.files.isEmpty {
                throw ValidationError("--only, --baseline and --suppressions select leaks for --format native")
            }
        }

        func run() throws {
            let rendered: String
            switch format {
            case .native:
                let accepted = try baseline.map(BaselineOptions.read)
                var settings = triage.settings(root: nil)
                settings.suppressions = try suppressionFiles.load()
                rendered = try NativeReplay(mechanisms: try mechanisms.selected(), settings: settings).render(logs) { report in
                    LogAnalysis.nativeSelection(in: report, baseline: accepted, settings: settings)
                }.text
            case .json, .text:
                // Debugger sessions (next steps run under gdb or lldb) are read from the same bytes.
                let transcripts = TranscriptCollector()
                let report = try LogAnalysis.analyse(
                    logs, only: nil, settings: triage.settings(root: nil), beginInput: transcripts.begin, passThrough: transcripts.feed)
                let analyses = report.traces
                let sessions = transcripts.finish().map { DebuggerSessionAnalysis($0, findings: report.findings) }
                rendered = format == .json
                    ? TraceReplayReporter().json(analyses, sessions: sessions)
                    : TraceReplayReporter().text(analyses, sessions: sessions, report: report, color: destination.useColor)
            }
            try destination.emit(rendered)
        }
    }
}
