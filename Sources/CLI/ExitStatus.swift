import ArgumentParser

/// The exit codes of `../shared/CONTRACT.md`, in one place.
enum ExitStatus: Int32, CaseIterable {
    /// No finding fails the gate.
    case passed = 0
    /// At least one finding fails the gate (`--fail-on`).
    case findings = 1
    /// The tool could not do its job: bad usage, unreadable input, unwritable output.
    case failure = 2
    /// With `--strict`: the log cannot be trusted to show every leak.
    case untrustworthy = 3

    /// As ArgumentParser's exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
