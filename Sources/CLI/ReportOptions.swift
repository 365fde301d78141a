import ArgumentParser
import Foundation
import LeakModel
import LeakReporters

/// Options shared by the subcommands that print a report.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: "Keep only these mechanisms: gc, jobque, heap, smart_ptr, handles (comma-separated).")
    var only: [String] = []

    @Flag(name: .long, help: "Fail with exit code 3 when the log cannot be trusted to show every leak.")
    var strict = false

    @Flag(name: .long, help: "Show the normalised key behind each fingerprint.")
    var explain = false

    /// The mechanisms `--only` keeps, or nil for all.
    func selectedMechanisms() throws -> Set<Mechanism>? {
        let names = only.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { return nil }
        var selected: Set<Mechanism> = []
        for name in names {
            guard let mechanism = Mechanism(rawValue: name) else {
                throw CLIError.usage("--only takes gc, jobque, heap, smart_ptr or handles, not '\(name)'")
            }
            selected.insert(mechanism)
        }
        return selected
    }

    /// Whether text output gets colour.
    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return output == nil && isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }

    /// Writes `text` to `--output` atomically, or to standard output.
    func emit(_ text: String) throws {
        if let output {
            try AtomicFileWriter.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `--color` values.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--fail-on` values.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case any, new, none
}

extension OutputFormat: ExpressibleByArgument {}
