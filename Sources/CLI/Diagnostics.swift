import Foundation
import LeakModel
import LeakReporters

/// The one channel for messages to people: standard error, `leaktriage: <level>: <message>`.
enum Diagnostics {
    static func error(_ message: String) { write("leaktriage: error: \(message)\n") }
    static func warning(_ message: String) { write("leaktriage: warning: \(message)\n") }
    static func note(_ message: String) { write("leaktriage: note: \(message)\n") }

    /// Each of the report's diagnostics as one line, naming the input and line it is about, so
    /// that what makes a log untrustworthy shows whatever the output format. Log text quoted in a
    /// message has its control characters replaced, so that it cannot move the cursor or end the line.
    static func report(_ report: LeakReport) {
        for diagnostic in report.diagnostics {
            let place = diagnostic.position.map { report.place(of: $0) + ": " } ?? ""
            write("leaktriage: \(diagnostic.severity.rawValue): \(TerminalText.replacingControls(place + diagnostic.message))\n")
        }
    }

    /// Writes to standard error; when that is closed or broken there is nowhere left to say so.
    static func write(_ text: String) {
        _ = DescriptorOutput.write(text, to: STDERR_FILENO)
    }
}
