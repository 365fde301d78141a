/// Where something was read: the index of the input (in command-line order) and its 1-based line.
public struct LogPosition: Hashable, Sendable, Comparable, Codable {
    /// Index into the run's inputs.
    public var input: Int
    /// 1-based line number in that input.
    public var line: Int

    /// Creates a position.
    public init(input: Int, line: Int) {
        self.input = input
        self.line = line
    }

    public static func < (lhs: LogPosition, rhs: LogPosition) -> Bool {
        (lhs.input, lhs.line) < (rhs.input, rhs.line)
    }
}
