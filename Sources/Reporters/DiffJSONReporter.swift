import LeakModel

/// `diff --format json`: schema `leaktriage-diff/1`.
public struct DiffJSONReporter: LeakDiffReporter, StreamingReporter {
    /// The schema name.
    public static let schema = "leaktriage-diff/1"

    /// Creates the reporter.
    public init() {}

    /// The document in pieces, with one finding's tree in memory at a time (see ``LeakReportJSON/write(_:explain:to:)``).
    public func write(_ diff: LeakDiff, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        let finding = { (finding: Finding) in LeakReportJSON.finding(finding, explain: options.explain) }
        let persisting = { (index: Int) -> JSONValue in
            let entry = diff.persisting[index]
            return .object([
                "finding": finding(entry.finding),
                "count_delta": .int(entry.countDelta),
                "bytes_delta": .optional(entry.bytesDelta),
                "moved_from": LeakReportJSON.location(entry.movedFrom),
                "base_fingerprint": .string(entry.baseFingerprint),
            ])
        }
        let intermittent = { (index: Int) -> JSONValue in
            let entry = diff.intermittent[index]
            return .object(["finding": finding(entry.finding), "history_seen_in": .array(entry.historySeenIn.map(JSONValue.int))])
        }
        let members: [String: JSONValue] = [
            "schema": .string(Self.schema),
            "history": .array(diff.history.map(TrendJSONReporter.run)),
            "base": .array(diff.base.inputs.map(LeakReportJSON.input)),
            "head": .array(diff.head.inputs.map(LeakReportJSON.input)),
            "diagnostics": .object([
                "base": .array(diff.base.diagnostics.map(LeakReportJSON.diagnostic)),
                "head": .array(diff.head.diagnostics.map(LeakReportJSON.diagnostic)),
            ]),
            "diagnostic_groups": .object([
                "base": .array(diff.base.diagnosticGroups.map(LeakReportJSON.diagnosticGroup)),
                "head": .array(diff.head.diagnosticGroups.map(LeakReportJSON.diagnosticGroup)),
            ]),
            "notes": .array(diff.notes.map { .string($0) }),
        ]
        try JSONValue.writeDocument(members, streaming: [
            "new": (diff.new.count, { finding(diff.new[$0]) }),
            "fixed": (diff.fixed.count, { finding(diff.fixed[$0]) }),
            "persisting": (diff.persisting.count, persisting),
            "intermittent": (diff.intermittent.count, intermittent),
        ], to: output)
    }
}
