/// Occurrence and byte totals of one detector over a run.
public struct DetectorSummary: Sendable, Equatable, Codable {
    /// Leaked things listed.
    public var occurrences: Int
    /// Live bytes; nil for detectors that do not state sizes.
    public var bytes: Int?
    /// Occurrences of findings that `--suppressions` left out (still counted in ``occurrences``).
    public var suppressed: Int

    /// Creates a summary.
    public init(occurrences: Int = 0, bytes: Int? = nil, suppressed: Int = 0) {
        self.occurrences = occurrences
        self.bytes = bytes
        self.suppressed = suppressed
    }
}
