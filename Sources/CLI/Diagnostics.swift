import Foundation
import LeakModel

/// The one channel for messages to people: standard error, `leaktriage: <level>: <message>`.
enum Diagnostics {
    static func error(_ message: String) { write("leaktriage: error: \(message)\n") }
    static func warning(_ message: String) { write("leaktriage: warning: \(message)\n") }
    static func note(_ message: String) { write("leaktriage: note: \(message)\n") }

    /// Each of `diagnostics` as one line, naming the input and line it is about, so that what
    /// makes a log untrustworthy shows whatever the output format. Log text quoted in a message
    /// has its control characters replaced, so that it cannot move the cursor or end the line.
    static func report(_ diagnostics: [Diagnostic], inputs: [InputSummary]) {
        for diagnostic in diagnostics {
            var place = ""
            if let position = diagnostic.position, inputs.indices.contains(position.input) {
                place = "\(inputs[position.input].path):\(position.line): "
            }
            let scalars = (place + diagnostic.message).unicodeScalars.map { scalar in
                scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
            }
            write("leaktriage: \(diagnostic.severity.rawValue): \(String(String.UnicodeScalarView(scalars)))\n")
        }
    }

    /// Writes to standard error; when that is closed or broken there is nowhere left to say so.
    static func write(_ text: String) {
        _ = DescriptorOutput.write(text, to: STDERR_FILENO)
    }
}
