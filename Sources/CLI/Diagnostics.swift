import Foundation
import LeakModel
import LeakReporters

/// The one channel for messages to people: standard error, `leaktriage: <level>: <message>`.
enum Diagnostics {
    static func error(_ message: String) { write("leaktriage: error: \(message)\n") }
    static func warning(_ message: String) { write("leaktriage: warning: \(message)\n") }
    static func note(_ message: String) { write("leaktriage: note: \(message)\n") }

    /// The report's diagnostics, one line per kind with its count and first and last place
    /// (``DiagnosticLines``), so that what makes a log untrustworthy shows whatever the output
    /// format and still fits a screen. Log text quoted in a message has its control characters
    /// replaced, so that it cannot move the cursor or end the line.
    static func report(_ report: LeakReport) {
        for line in DiagnosticLines().lines(report.diagnosticGroups, in: report) {
            write("leaktriage: \(line.severity.rawValue): \(TerminalText.replacingControls(line.text))\n")
        }
    }

    /// Writes to standard error; when that is closed or broken there is nowhere left to say so.
    static func write(_ text: String) {
        _ = DescriptorOutput.write(text, to: STDERR_FILENO)
    }
}
