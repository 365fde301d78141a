import ArgumentParser
import Foundation

/// Where output goes and whether it is coloured: `--output` and `--color`, shared by every
/// subcommand that prints.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

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
