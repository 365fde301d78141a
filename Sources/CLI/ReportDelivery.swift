import Foundation
import LeakModel
import LeakReporters
import LeakTriage

/// Prints a finished report as the options ask: rendered in the format, written to `--output` or
/// standard output, and, for `--format github`, every finding appended as Markdown to
/// `$GITHUB_STEP_SUMMARY` when that is set (the annotations alone may not show them all).
enum ReportDelivery {
    /// Renders `report` in `format` and writes it out.
    static func deliver(_ report: LeakReport, format: OutputFormat, options: ReportOptions) throws {
        // Only the formats for people quote source lines: the others never read a source file.
        var renderOptions = format == .text || format == .html
            ? SourceLineReader.options(options.renderOptions, showing: report.findings) : options.renderOptions
        if format == .html { renderOptions.flameGraphs = FlameGraph.graphs(of: report) }
        guard let reporter = format.reporters.run else {
            throw CLIError.usage("--format \(format.rawValue) re-renders a log's reports: use it with run, diff or replay")
        }
        try options.emit { write in try reporter.write(report, options: renderOptions, to: write) }
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try DescriptorOutput.append(GitHubReporter().stepSummary(report, options: renderOptions), toFile: summary)
        }
    }
}
