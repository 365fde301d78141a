import ArgumentParser
import Foundation
import LeakParsers

/// `leaktriage`: reads daslang leak reports out of logs and says which leak to fix first.
@main
struct LeakTriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaktriage",
        abstract: "Triage the memory-leak reports of the daslang runtime in CI and post-mortem logs.",
        discussion: "Exit codes: 0 nothing fails the gate, 1 a finding fails it, 2 the tool could not do its job, 3 (--strict) the log cannot be trusted to show every leak.",
        subcommands: [Run.self, Diff.self, Trend.self, Replay.self, Annotate.self],
        defaultSubcommand: Run.self
    )

    /// Parses, runs, and maps every failure onto the contract's exit codes
    /// (ArgumentParser's own usage errors would otherwise exit 64).
    static func main() {
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
            let message = fullMessage(for: error)
            if !message.isEmpty { Diagnostics.error(message.split(separator: "\n").first.map(String.init) ?? message) }
            Diagnostics.note("see 'leaktriage --help'")
            Foundation.exit(ExitStatus.failure.rawValue)
        }
    }
}
