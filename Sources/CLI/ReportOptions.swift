import ArgumentParser
import Foundation
import LeakModel
import LeakReporters
import LeakTriage

/// Options shared by the subcommands that print a report.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"),
            help: "Output format (default: text; for annotate, github under GitHub Actions).")
    var requestedFormat: OutputFormat?

    @Option(name: .long, help: "Directory that paths in sarif, github, junit and codequality output are relative to (default: the current directory).")
    var root: String?

    /// The format asked for with `--format`, `text` when none was.
    var format: OutputFormat { requestedFormat ?? .text }

    @OptionGroup var destination: OutputOptions

    @OptionGroup var mechanisms: MechanismFilter

    @OptionGroup var suppressionFiles: SuppressionOptions
    @OptionGroup var triage: TriageOptions

    /// What triage is told about the checkout, library code and the leaks to suppress.
    var triageSettings: TriageSettings {
        get throws {
            var settings = triage.settings(root: root)
            settings.suppressions = try suppressionFiles.load()
            return settings
        }
    }

    @Flag(name: .long, help: "Fail with exit code 3 when the log cannot be trusted to show every leak.")
    var strict = false

    @Flag(name: .long, help: "Show the normalised key behind each fingerprint.")
    var explain = false

    /// The mechanisms `--only` keeps, or nil for all.
    func selectedMechanisms() throws -> Set<Mechanism>? { try mechanisms.selected() }


    /// `--output`, when given.
    var output: String? { destination.output }

    /// What the reporters need: colour, `--explain`, and the absolute `--root` and current
    /// directory that paths are resolved against.
    var renderOptions: RenderOptions {
        let current = FileManager.default.currentDirectoryPath
        let rootPath = root.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 } ?? current
        return RenderOptions(color: useColor, explain: explain, root: rootPath, workingDirectory: current)
    }

    /// Whether text output gets colour.
    var useColor: Bool { destination.useColor }

    /// Writes `text` to `--output` atomically, or to standard output.
    func emit(_ text: String) throws { try destination.emit(text) }

    /// Writes the pieces `produce` hands its writer to `--output` atomically, or to standard output as they come.
    func emit(_ produce: ((String) throws -> Void) throws -> Void) throws { try destination.emit(produce) }
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
