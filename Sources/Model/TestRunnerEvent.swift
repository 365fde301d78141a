/// A line of daslang's test runner `dastest`: context for the leak reports around it, never a
/// report line. dastest prints a test file's own profiler block right before that file's
/// `PASS`/`FAIL` line, job contexts' blocks while its tests run, and its own block after the
/// summary line.
public struct TestRunnerEvent: Sendable, Equatable {
    /// What the line says.
    public enum Kind: Sendable, Equatable {
        /// `=== RUN 'name'` (indented for a subtest).
        case testStarted(name: String)
        /// `PASS <file>.das (<seconds>s)` or `FAIL …`: every block since the previous such line was that file's.
        case fileFinished(file: String, passed: Bool)
        /// `N tests, N passed, …`: the run is over; blocks after it are the runner's own.
        case summary
    }

    /// What the line says.
    public var kind: Kind
    /// Where it was read.
    public var position: LogPosition

    /// Creates an event.
    public init(kind: Kind, position: LogPosition) {
        self.kind = kind
        self.position = position
    }
}
