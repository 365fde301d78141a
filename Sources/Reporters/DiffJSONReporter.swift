import LeakModel

/// `diff --format json`: schema `leaktriage-diff/1`.
public struct DiffJSONReporter: LeakDiffReporter {
    /// The schema name.
    public static let schema = "leaktriage-diff/1"

    /// Creates the reporter.
    public init() {}

    public func render(_ diff: LeakDiff, options: RenderOptions) -> String {
        let persisting = diff.persisting.map { entry -> JSONValue in
            .object([
                "finding": LeakReportJSON.finding(entry.finding, explain: options.explain),
                "count_delta": .int(entry.countDelta),
                "bytes_delta": .optional(entry.bytesDelta),
                "moved_from": LeakReportJSON.location(entry.movedFrom),
                "base_fingerprint": .string(entry.baseFingerprint),
            ])
        }
        return JSONValue.object([
            "schema": .string(Self.schema),
            "base": .array(diff.base.inputs.map(LeakReportJSON.input)),
            "head": .array(diff.head.inputs.map(LeakReportJSON.input)),
            "new": .array(diff.new.map { LeakReportJSON.finding($0, explain: options.explain) }),
            "fixed": .array(diff.fixed.map { LeakReportJSON.finding($0, explain: options.explain) }),
            "persisting": .array(persisting),
            "diagnostics": .object([
                "base": .array(diff.base.diagnostics.map(LeakReportJSON.diagnostic)),
                "head": .array(diff.head.diagnostics.map(LeakReportJSON.diagnostic)),
            ]),
        ]).rendered()
    }
}
