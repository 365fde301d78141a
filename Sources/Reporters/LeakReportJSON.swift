import LeakModel

/// The JSON shapes of `../shared/CONTRACT.md` (schema `leaktriage/1`), shared by every
/// reporter that prints JSON so that a finding looks the same everywhere.
public enum LeakReportJSON {
    /// The schema name of `run --format json`.
    public static let schema = "leaktriage/1"

    /// The whole report. `explain` adds each finding's normalised fingerprint key.
    public static func document(_ report: LeakReport, explain: Bool = false) -> JSONValue {
        var summary: [String: JSONValue] = [:]
        for detector in Detector.allCases {
            let totals = report.summary[detector] ?? DetectorSummary(occurrences: 0, bytes: detector.reportsBytes ? 0 : nil)
            summary[detector.rawValue] = .object([
                "occurrences": .int(totals.occurrences),
                "bytes": detector.reportsBytes ? .int(totals.bytes ?? 0) : .null,
                "suppressed": .int(totals.suppressed),
            ])
        }
        return .object([
            "schema": .string(schema),
            "inputs": .array(report.inputs.map(input)),
            "summary": .object(summary),
            "findings": .array(report.findings.map { finding($0, explain: explain) }),
            "diagnostics": .array(report.diagnostics.map(diagnostic)),
            "diagnostic_groups": .array(report.diagnosticGroups.map(diagnosticGroup)),
            "panics": .array(report.panics.map(panic)),
            "traces": .array(report.traces.map { traceSummary($0.trace) }),
            "test_files": .array(TestFileSummary.rollup(of: report.findings).map(testFile)),
        ])
    }

    /// One test file's rollup: what it leaked and its top finding.
    public static func testFile(_ summary: TestFileSummary) -> JSONValue {
        .object([
            "file": .string(summary.file),
            "leaks": .int(summary.leaks),
            "bytes": .int(summary.bytes),
            "findings": .int(summary.findings),
            "top_finding": .string(summary.top.fingerprint),
            "top_title": .string(summary.top.title),
        ])
    }

    /// ``document(_:explain:)`` as text, handed to `output` in pieces with one finding's tree in
    /// memory at a time: a finding keeps up to 1000 positions and a report can hold hundreds of
    /// findings, too many to build as one tree. The pieces join to exactly `document(…).rendered()`.
    public static func write(_ report: LeakReport, explain: Bool = false, to output: (String) throws -> Void) rethrows {
        var shell = report
        shell.findings = []
        guard case var .object(members) = document(shell, explain: explain) else { return }
        members["test_files"] = .array(TestFileSummary.rollup(of: report.findings).map(testFile))
        try JSONValue.writeDocument(
            members, streaming: ["findings": (report.findings.count, { finding(report.findings[$0], explain: explain) })], to: output)
    }

    /// One input.
    public static func input(_ input: InputSummary) -> JSONValue {
        .object(["path": .string(input.path), "lines": .int(input.lines), "bytes": .int(input.bytes)])
    }

    /// One finding, as the contract shows it, plus `severity`, `known_non_leak`, `tests` (the test
    /// files whose output held it), `origin` (`user` or `library`) and `recursion_depth`.
    public static func finding(_ finding: Finding, explain: Bool = false) -> JSONValue {
        var members: [String: JSONValue] = [
            "rank": .int(finding.rank),
            "mechanism": .string(finding.mechanism.rawValue),
            "detector": .string(finding.detector.rawValue),
            "kind": .string(finding.kind),
            "fingerprint": .string(finding.fingerprint),
            "title": .string(finding.title),
            "count": .int(finding.count),
            "bytes": .optional(finding.bytes),
            "location": location(finding.location),
            "stack": .array(finding.stack.map(frame)),
            "occurrences": .array(finding.occurrences.map(position)),
            "consequence_of": .optional(finding.consequenceOf),
            "next_step": .optional(finding.nextStep),
            "next_step_macos": .optional(finding.nextStepMacOS),
            "severity": .string(finding.severity.rawValue),
            "known_non_leak": .optional(finding.knownNonLeak),
            "tests": .array(finding.tests.map { .string($0) }),
            "origin": .string(finding.origin.rawValue),
            "recursion_depth": finding.recursionDepth.map { .object(["min": .int($0.lowerBound), "max": .int($0.upperBound)]) } ?? .null,
        ]
        if explain { members["fingerprint_key"] = .string(finding.fingerprintKey) }
        return .object(members)
    }

    /// A source location, or null (members in key order: a deep stack prints one per frame).
    public static func location(_ location: SourceLocation?) -> JSONValue {
        guard let location else { return .null }
        return .sortedObject([
            JSONMember("column", .optional(location.column)), JSONMember("file", .string(location.file)),
            JSONMember("line", .optional(location.line)),
        ])
    }

    /// A stack frame (members in key order: a finding's stack can be thousands of frames deep).
    public static func frame(_ frame: StackFrame) -> JSONValue {
        var members = [JSONMember("function", .optional(frame.function))]
        if let library = frame.library { members.append(JSONMember("library", .string(library))) }
        members.append(JSONMember("location", location(frame.location)))
        return .sortedObject(members)
    }

    /// A log position (printed once per listed occurrence: its members come in key order, not sorted).
    public static func position(_ position: LogPosition) -> JSONValue {
        .sortedObject([JSONMember("input", .int(position.input)), JSONMember("line", .int(position.line))])
    }

    /// A diagnostic.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object(diagnosticMembers(diagnostic))
    }

    /// A diagnostic's members, for documents that add their own (a trend adds the run).
    public static func diagnosticMembers(_ diagnostic: Diagnostic) -> [String: JSONValue] {
        [
            "severity": .string(diagnostic.severity.rawValue),
            "input": .optional(diagnostic.position?.input),
            "line": .optional(diagnostic.position?.line),
            "message": .string(diagnostic.message),
            "untrustworthy": .bool(diagnostic.untrustworthy),
        ]
    }

    /// The diagnostics of one kind: how many, the first and last place.
    public static func diagnosticGroup(_ group: DiagnosticGroup) -> JSONValue {
        .object([
            "severity": .string(group.severity.rawValue),
            "template": .string(group.template),
            "message": .string(group.message),
            "count": .int(group.count),
            "first": group.first.map(position) ?? .null,
            "last": group.last.map(position) ?? .null,
            "untrustworthy": .bool(group.untrustworthy),
        ])
    }

    /// A panic, with the fingerprint that consequences point to.
    public static func panic(_ panic: Panic) -> JSONValue {
        .object([
            "kind": .string(panic.kind.rawValue),
            "message": .string(panic.message),
            "location": location(panic.location),
            "input": .int(panic.position.input),
            "line": .int(panic.position.line),
            "fingerprint": .string(panic.fingerprint),
        ])
    }

    /// A one-object summary of a trace (the full timeline is `replay`'s).
    public static func traceSummary(_ trace: TraceSummary) -> JSONValue {
        let adds = trace.events.filter { $0.operation == .addRef }.count
        return .object([
            "id": .string(trace.id.description),
            "id_decimal": .int(Int(clamping: trace.id.value)),
            "subtype": .string(trace.subtype),
            "events": .int(trace.events.count),
            "add_refs": .int(adds),
            "release_refs": .int(trace.events.count - adds),
        ])
    }
}
