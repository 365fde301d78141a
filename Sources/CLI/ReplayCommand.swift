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

        /// What replay prints: a format with a ``ReplayReporter``, or native.
        struct Format: ExpressibleByArgument, CaseIterable {
            /// The output format.
            let format: OutputFormat

            static let allCases = OutputFormat.allCases.filter { $0 == .native || $0.reporters.replay != nil }.map(Format.init)

            init(_ format: OutputFormat) { self.format = format }

            init?(argument: String) {
                guard let format = OutputFormat(rawValue: argument), Self.allCases.contains(where: { $0.format == format }) else { return nil }
                self.format = format
            }

            var defaultValueDescription: String { format.rawValue }

            static var allValueStrings: [String] { allCases.map(\.format.rawValue) }
        }

        @Option(name: .long, help: "text (trace timelines), json (schema leaktriage-replay/1) or native (the reports as daslang printed them).")
        var format = Format(.text)

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
            if format.format != .native, baseline != nil || !mechanisms.only.isEmpty || !suppressionFiles.files.isEmpty {
                throw ValidationError("--only, --baseline and --suppressions select leaks for --format native")
            }
        }

        func run() throws {
            let rendered: String
            if let reporter = format.format.reporters.replay {
                // Debugger sessions (next steps run under gdb or lldb) are read from the same bytes.
                let transcripts = TranscriptCollector()
                let report = try LogAnalysis.analyse(
                    logs, only: nil, settings: triage.settings(root: nil), beginInput: transcripts.begin, passThrough: transcripts.feed)
                let sessions = transcripts.finish().map { DebuggerSessionAnalysis($0, findings: report.findings) }
                rendered = reporter.render(LeakReplay(report: report, sessions: sessions), options: RenderOptions(color: destination.useColor))
            } else {
                let accepted = try baseline.map(BaselineOptions.read)
                var settings = triage.settings(root: nil)
                settings.suppressions = try suppressionFiles.load()
                rendered = try NativeReplay(mechanisms: try mechanisms.selected(), settings: settings).render(logs) { report in
                    LogAnalysis.nativeSelection(in: report, baseline: accepted, settings: settings)
                }.text
            }
            try destination.emit(rendered)
        }
    }
}
