import LeakModel

/// `replay --format json`: schema `leaktriage-replay/1`, each traced object's reference-count
/// events with the addRefs never released and the gaps where lines were lost, then the debugger
/// sessions of the log (`debugger_sessions`).
public struct ReplayJSONReporter: ReplayReporter {
    /// The schema name.
    public static let schema = "leaktriage-replay/1"

    /// Creates the reporter.
    public init() {}

    public func render(_ replay: LeakReplay, options: RenderOptions) -> String {
        let traces = replay.traces.map { analysis -> JSONValue in
            .object([
                "id": .string(analysis.trace.id.description),
                "id_decimal": .int(Int(clamping: analysis.trace.id.value)),
                "subtype": .string(analysis.trace.subtype),
                "input": .int(analysis.trace.events.first?.position.input ?? 0),
                "events": .array(analysis.trace.events.map { event in
                    .object([
                        "op": .string(event.operation.rawValue), "rc_before": .int(event.referenceCountBefore),
                        "location": LeakReportJSON.location(event.location), "line": .int(event.position.line),
                    ])
                }),
                "final_rc": .int(analysis.finalReferenceCount),
                "unmatched": .array(analysis.unmatched.map { unmatched in
                    .object([
                        "location": LeakReportJSON.location(unmatched.event.location), "line": .int(unmatched.event.position.line),
                        "hidden_reference": .optional(unmatched.hiddenReference),
                    ])
                }),
                "gaps": .array(analysis.gaps.map { gap in
                    .object(["line": .int(gap.position.line), "expected_rc": .int(gap.expected), "found_rc": .int(gap.found)])
                }),
            ])
        }
        return JSONValue.object([
            "schema": .string(Self.schema), "traces": .array(traces),
            "debugger_sessions": .array(replay.sessions.map(DebuggerSessionReporter().json)),
        ]).rendered()
    }
}
