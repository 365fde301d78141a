import ArgumentParser
import Foundation
import LeakTriage

/// `--library PATTERN` (repeatable): more paths whose frames are library code, not the user's.
struct TriageOptions: ParsableArguments {
    @Option(name: .customLong("library"),
            help: ArgumentHelp("Frames whose path contains a match are library code, like daslib and dastest ('*' matches any run of characters; repeatable).",
                               valueName: "pattern"))
    var libraryPatterns: [String] = []

    /// The settings for triage: `root` (from `--root`) and the CI workspace variables name the checkout.
    func settings(root: String?) -> TriageSettings {
        let current = FileManager.default.currentDirectoryPath
        let absoluteRoot = root.map { $0.hasPrefix("/") || $0.contains(":") ? $0 : current + "/" + $0 }
        return TriageSettings(root: absoluteRoot, environment: ProcessInfo.processInfo.environment, libraryPatterns: libraryPatterns)
    }
}
