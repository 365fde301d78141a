import Foundation

/// The one channel for messages to people: standard error, `leaktriage: <level>: <message>`.
enum Diagnostics {
    static func error(_ message: String) { write("leaktriage: error: \(message)\n") }
    static func warning(_ message: String) { write("leaktriage: warning: \(message)\n") }
    static func note(_ message: String) { write("leaktriage: note: \(message)\n") }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
