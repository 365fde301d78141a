/// A log's reports as the detectors printed them, in log order, kept whole or cut down to
/// the selected findings' entries: what `--format native` prints.
public struct SelectedReports: Sendable, Equatable {
    /// The reports, each input's in turn.
    public var reports: [ReportState]

    /// Creates the document.
    public init(reports: [ReportState]) {
        self.reports = reports
    }
}
