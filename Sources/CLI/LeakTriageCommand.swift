import ArgumentParser
import Foundation
import LeakModel
import LeakParsers

/// `leaktriage`: reads daslang leak reports out of logs and says which leak to fix first.
@main
struct LeakTriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaktriage",
        abstract: "Triage the memory-leak reports of the daslang runtime in CI and post-mortem logs.",
        discussion: "Exit codes: 0 nothing fails the gate, 1 a finding fails it, 2 the tool could not do its job, 3 (--strict) the log cannot be trusted to show every leak.",
        version: ToolVersion.current,
        subcommands: [Run.self, Diff.self, Trend.self, Replay.self, Annotate.self],
        defaultSubcommand: Run.self
    )

    /// Parses, runs, and maps every failure onto the contract's exit codes
    /// (ArgumentParser's own usage errors would otherwise exit 64).
    static func main() {
        MallocArenas.limitToOne()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            Diagnostics.error(error.localizedDescription)
            Foundation.exit(ExitStatus.failure.rawValue)
        } catch let error as ParserError {
            Diagnostics.error(error.localizedDescription)
            Foundation.exit(ExitStatus.failure.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if ExitStatus.allCases.contains(where: { $0.rawValue == code.rawValue }), error is ExitCode {
                Foundation.exit(code.rawValue)
            }
            // `message(for:)`, not `fullMessage(for:)`: the latter starts with "Error: ", which would
            // follow our own "leaktriage: error: " prefix.
            let message = oneLine(self.message(for: error))
            if !message.isEmpty { Diagnostics.error(message) }
            Diagnostics.note("see 'leaktriage --help'")
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }

    /// ArgumentParser's message on one line: the list some messages end with ("Please provide one
    /// of the following:" then "  - text" lines) is joined after the first line with commas.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first else { return "" }
        let rest = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return rest.isEmpty ? first : first + " " + rest.joined(separator: ", ")
    }
}
