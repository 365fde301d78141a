import ArgumentParser
import Foundation
import LeakModel
import LeakReporters

/// Options shared by the subcommands that print a report.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"),
            help: "Output format (default: text; for annotate, github under GitHub Actions).")
    var requestedFormat: OutputFormat?

    @Option(name: .long, help: "Directory that paths in sarif, github, junit and codequality output are relative to (default: the current directory).")
    var root: String?

    /// The format asked for with `--format`, `text` when none was.
    var format: OutputFormat { requestedFormat ?? .text }

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

    /// What the reporters need: colour, `--explain`, and the absolute `--root` and current
    /// directory that paths are resolved against.
    var renderOptions: RenderOptions {
        let current = FileManager.default.currentDirectoryPath
        let rootPath = root.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 } ?? current
        return RenderOptions(color: useColor, explain: explain, root: rootPath, workingDirectory: current)
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
        try emit { write in try write(text) }
    }

    /// Writes the pieces `produce` hands its writer to `--output` atomically, or to standard
    /// output as they come; a closed or full standard output is an output the tool could not
    /// write (exit 2), not a crash.
    func emit(_ produce: ((String) throws -> Void) throws -> Void) throws {
        if let output {
            try AtomicFileWriter.write(to: output, produce)
        } else {
            try produce { piece in
                if let failure = DescriptorOutput.write(piece, to: STDOUT_FILENO) {
                    throw CLIError.unwritableOutput(path: "standard output", reason: failure)
                }
            }
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
