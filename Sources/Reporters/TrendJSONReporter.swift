import LeakModel

/// `trend --format json`: schema `leaktriage-trend/1`.
public struct TrendJSONReporter: TrendReporter, StreamingReporter {
    /// The schema name.
    public static let schema = "leaktriage-trend/1"

    /// Creates the reporter.
    public init() {}

    /// The document in pieces, one finding's tree in memory at a time.
    public func write(_ trend: LeakTrend, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        let members: [String: JSONValue] = [
            "schema": .string(Self.schema),
            "runs": .array(trend.runs.map(Self.run)),
            "panics": .array(trend.panics.map { Self.history(of: $0, as: "panic", LeakReportJSON.panic($0.panic)) }),
            "diagnostics": .array(trend.diagnostics.map(Self.diagnostic)),
        ]
        try JSONValue.writeDocument(members, streaming: [
            "findings": (trend.findings.count, { index in
                let entry = trend.findings[index]
                return Self.history(of: entry, as: "finding", LeakReportJSON.finding(entry.finding, explain: options.explain))
            }),
        ], to: output)
    }

    /// A run: its inputs, and whether its logs may not show every leak.
    static func run(_ run: TrendRun) -> JSONValue {
        .object(["inputs": .array(run.inputs.map(LeakReportJSON.input)), "untrustworthy": .bool(run.untrustworthy)])
    }

    /// One fingerprint across the runs: `item` under `name`, and its history.
    static func history<Item>(of entry: TrendEntry<Item>, as name: String, _ item: JSONValue) -> JSONValue {
        .object([
            name: item,
            "seen_in": .array(entry.seenIn.map(JSONValue.int)),
            "counts": .array(entry.counts.map(JSONValue.int)),
            "status": .string(entry.status.rawValue),
        ])
    }

    /// A diagnostic as in `leaktriage/1`, with the run it concerns.
    static func diagnostic(_ diagnostic: TrendDiagnostic) -> JSONValue {
        var members = LeakReportJSON.diagnosticMembers(diagnostic.diagnostic)
        members["run"] = .int(diagnostic.run)
        return .object(members)
    }
}
