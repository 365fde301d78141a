import ArgumentParser
import Foundation
import LeakTriage

/// `--suppressions FILE`, repeatable: LeakSanitizer-style `leak:<pattern>` lines.
struct SuppressionOptions: ParsableArguments {
    @Option(name: .customLong("suppressions"),
            help: "Leave out leaks matching this file's leak:<pattern> lines (LeakSanitizer syntax; repeatable).")
    var files: [String] = []

    /// The rules of every file; a file that cannot be read or holds a malformed line is a usage
    /// error (exit 2) naming the file and line.
    func load() throws -> Suppressions {
        var suppressions = Suppressions()
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIError.usage("cannot read suppressions \(file): \((error as NSError).localizedDescription)")
            }
            do {
                try suppressions.read(String(decoding: data, as: UTF8.self), file: file)
            } catch let error as Suppressions.SyntaxError {
                throw CLIError.usage("invalid suppressions \(error.file):\(error.line): \(error.reason)")
            }
        }
        return suppressions
    }
}
