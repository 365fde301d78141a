/// An input that was read: its name as given, and how many lines and bytes it held.
public struct InputSummary: Sendable, Equatable, Codable {
    /// The path as given on the command line (`-` for stdin).
    public var path: String
    /// Number of lines (a last line without a newline counts).
    public var lines: Int
    /// Number of bytes.
    public var bytes: Int

    /// Creates an input summary.
    public init(path: String, lines: Int, bytes: Int) {
        self.path = path
        self.lines = lines
        self.bytes = bytes
    }
}
