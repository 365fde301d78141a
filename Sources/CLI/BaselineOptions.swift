import ArgumentParser
import Foundation
import LeakModel
import LeakReporters

/// `--baseline`, `--write-baseline` and `--update-baseline`.
struct BaselineOptions: ParsableArguments {
    @Option(name: .long, help: "Findings recorded in this file (a baseline or a JSON report of ours) are accepted up to their counts.")
    var baseline: String?

    @Option(name: .long, help: "Record this run's findings and counts in this file (atomically).")
    var writeBaseline: String?

    @Option(name: .long, help: "Lower the counts in this baseline file to this run's (never raises or adds).")
    var updateBaseline: String?

    /// The accepted findings, if `--baseline` was given.
    func load() throws -> Baseline? {
        guard let baseline else { return nil }
        return try Self.read(baseline)
    }

    /// Writes or lowers baseline files as asked, after a successful run.
    func store(_ findings: [Finding]) throws {
        if let writeBaseline {
            try AtomicFileWriter.write(BaselineJSON.render(Baseline(recording: findings)), to: writeBaseline)
        }
        if let updateBaseline {
            let current = try Self.read(updateBaseline)
            try AtomicFileWriter.write(BaselineJSON.render(current.lowered(to: findings)), to: updateBaseline)
        }
    }

    /// Reads the baseline (or JSON report of ours) at `path`; a file that cannot be read is exit 2.
    static func read(_ path: String) throws -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.invalidBaseline(path: path, line: nil, reason: "cannot read it (\((error as NSError).localizedDescription))")
        }
        do {
            return try BaselineJSON.parse(data)
        } catch {
            throw CLIError.invalidBaseline(path: path, line: nil, reason: error.localizedDescription)
        }
    }
}
