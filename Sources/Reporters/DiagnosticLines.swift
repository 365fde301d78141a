import LeakModel

/// A report's diagnostics as people read them: one line per kind (``DiagnosticGroup``), with
/// how many there were and the first and last place, at most a screenful in all. The JSON
/// keeps every diagnostic; this is for the text report and standard error.
public struct DiagnosticLines: Sendable {
    /// Lines shown at most, the last of them saying how many kinds were left out.
    public static let defaultLimit = 15

    /// One shown line.
    public struct Line: Sendable, Equatable {
        /// Its severity.
        public var severity: Severity
        /// The text after the severity: `ci.log:88: message`, or `ci.log:88: message ×312, first at ci.log:88, last at …`.
        public var text: String
        /// Whether its diagnostics mean the log may not show every leak.
        public var untrustworthy: Bool
    }

    private let limit: Int
    private let noun: String

    /// Lines for up to `limit` kinds (at least 2) of `noun`s.
    public init(limit: Int = Self.defaultLimit, of noun: String = "diagnostic") {
        self.limit = max(2, limit)
        self.noun = noun
    }

    /// The lines for `groups` of `report`: the most severe kinds first, then in order of first
    /// appearance; beyond the limit, one note counts the kinds and diagnostics left out. Places are
    /// named by `place` (by default as the text formats name them: the input's path and the line).
    public func lines(_ groups: [DiagnosticGroup], in report: LeakReport, place: ((LogPosition) -> String)? = nil) -> [Line] {
        let place = place ?? report.place(of:)
        let ordered = groups.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity > rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
        guard ordered.count > limit else { return ordered.map { line($0, place: place) } }
        let shown = ordered.prefix(limit - 1)
        let rest = ordered.dropFirst(limit - 1)
        let restCount = rest.reduce(0) { $0.addingSaturated($1.count) }
        return shown.map { line($0, place: place) } + [Line(
            severity: .note,
            text: "\(rest.count) more kinds of \(noun) (\(restCount.formattedWithThousandsSeparators) in all) not shown; --format json lists them",
            untrustworthy: rest.contains { $0.untrustworthy })]
    }

    private func line(_ group: DiagnosticGroup, place: (LogPosition) -> String) -> Line {
        let text: String
        switch (group.count, group.first, group.last) {
        case let (1, first?, _):
            text = "\(place(first)): \(group.message)"
        case (1, nil, _):
            text = group.message
        case let (count, first?, last?) where first != last:
            // Led by the first place, as every diagnostic line is (`path:line: message`).
            text = "\(place(first)): \(group.message) ×\(count.formattedWithThousandsSeparators), "
                + "first at \(place(first)), last at \(place(last))"
        case let (count, first?, _):
            text = "\(place(first)): \(group.message) ×\(count.formattedWithThousandsSeparators)"
        case let (count, nil, _):
            text = "\(group.message) ×\(count.formattedWithThousandsSeparators)"
        }
        return Line(severity: group.severity, text: text, untrustworthy: group.untrustworthy)
    }
}
