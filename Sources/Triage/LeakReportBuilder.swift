import LeakModel

/// Collects a run's parser events as they stream by, keeping only aggregates: one draft per
/// fingerprint, per-detector totals, panics, traces and diagnostics. ``build(inputs:)``
/// hands the result to the ``TriageEngine``.
public struct LeakReportBuilder: Sendable {
    /// Diagnostics kept before the rest are only counted.
    static let diagnosticLimit = 500
    /// Panics and trace events kept before the rest are only counted, so that memory stays
    /// bounded whatever the log holds.
    static let panicLimit = 10_000
    static let traceEventLimit = 100_000

    /// One draft per fingerprint, in order of first occurrence.
    private var drafts: [FindingDraft] = []
    private var fingerprints: [String] = []
    private var draftIndex: [String: Int] = [:]
    /// The draft of each raw occurrence key seen: an occurrence costs one hash lookup, and
    /// normalising (string work) happens once per raw key.
    private var draftIndexByRawKey: [RawOccurrenceKey: Int] = [:]
    private var summary: [Detector: DetectorSummary] = [:]
    private var panics: [Panic] = []
    private var traces: [String: TraceSummary] = [:]
    private var traceOrder: [String] = []
    private var diagnostics: [Diagnostic] = []
    /// Every diagnostic, kept or not, counted by kind.
    private var diagnosticGrouping = DiagnosticGrouping()
    private var droppedDiagnostics = 0
    private var droppedPanics = 0
    private var traceEvents = 0
    private var droppedTraceEvents = 0
    /// JobStatus findings per input and id, for Features that belong to them.
    private var jobStatuses: [Int: [UInt64: (key: String, moveKey: String, subtype: String, description: String)]] = [:]
    /// Fingerprints of Feature drafts per input with their owner JobStatus fingerprint.
    private var featureOwners: [String: String] = [:]
    /// User scripts seen per input, most frequent first, for next-step commands.
    private var scripts: [Int: [String: Int]] = [:]
    private var scriptOrder: [Int: [String]] = [:]

    /// Fingerprint of the finding each occurrence joined, by the line that listed it
    /// (kept only when asked for, to select report entries by finding).
    public private(set) var occurrenceFingerprints: [LogPosition: String] = [:]
    private let recordsOccurrenceFingerprints: Bool

    /// Creates an empty builder; `recordingOccurrenceFingerprints` keeps ``occurrenceFingerprints``.
    public init(recordingOccurrenceFingerprints: Bool = false) {
        recordsOccurrenceFingerprints = recordingOccurrenceFingerprints
        for detector in Detector.allCases {
            summary[detector] = DetectorSummary(occurrences: 0, bytes: detector.reportsBytes ? 0 : nil)
        }
    }

    /// Takes one parser event.
    public mutating func receive(_ event: LogEvent) {
        switch event {
        case .line:
            break
        case let .occurrence(occurrence):
            add(occurrence)
        case let .trace(trace):
            let key = "\(trace.position.input):\(trace.id.value)"
            if traces[key] == nil {
                traces[key] = TraceSummary(id: trace.id, subtype: trace.subtype, events: [])
                traceOrder.append(key)
            }
            if traceEvents < Self.traceEventLimit {
                traces[key]?.events.append(trace)
                traceEvents += 1
            } else {
                droppedTraceEvents += 1
            }
            noteScript(trace.location, input: trace.position.input)
        case let .panic(panic):
            if panics.count < Self.panicLimit { panics.append(panic) } else { droppedPanics += 1 }
            noteScript(panic.location, input: panic.position.input)
        case let .diagnostic(diagnostic):
            diagnosticGrouping.add(diagnostic)
            if diagnostics.count < Self.diagnosticLimit {
                diagnostics.append(diagnostic)
            } else {
                droppedDiagnostics += 1
            }
        }
    }

    private mutating func add(_ occurrence: Occurrence) {
        var totals = summary[occurrence.detector] ?? DetectorSummary()
        totals.occurrences = totals.occurrences.addingSaturated(occurrence.count)
        if occurrence.detector.reportsBytes { totals.bytes = (totals.bytes ?? 0).addingSaturated(occurrence.bytes ?? 0) }
        summary[occurrence.detector] = totals
        noteScript(occurrence.location, input: occurrence.position.input)

        let qualifier = featureQualifier(occurrence)
        let raw = RawOccurrenceKey(occurrence, qualifier: qualifier.key)
        let index = draftIndexByRawKey[raw] ?? newDraft(for: occurrence, raw: raw, qualifier: qualifier)
        drafts[index].add(occurrence)
        if recordsOccurrenceFingerprints { occurrenceFingerprints[occurrence.position] = fingerprints[index] }
        if occurrence.detector == .jobStatus, occurrence.kind != "Feature", let id = occurrence.identity.flatMap({ UInt64($0, radix: 16) }) {
            let created = occurrence.location.map { " created at \($0)" } ?? ""
            jobStatuses[occurrence.position.input, default: [:]][id] = (
                drafts[index].key, drafts[index].moveKey, occurrence.kind, "\(occurrence.kind) #\(String(id, radix: 16))\(created)")
        }
    }

    /// The draft for a raw key not seen before: normalised once here, and a new draft unless
    /// another raw key already normalised to the same fingerprint.
    private mutating func newDraft(
        for occurrence: Occurrence, raw: RawOccurrenceKey, qualifier: (key: String, moveKey: String, ownerKey: String?, relation: String?)
    ) -> Int {
        let key = Fingerprinter.key(for: occurrence, qualifier: qualifier.key)
        let fingerprint = Fingerprinter.fingerprint(ofKey: key)
        let index: Int
        if let existing = draftIndex[fingerprint] {
            index = existing
        } else {
            let moveKey = Fingerprinter.key(for: occurrence, qualifier: qualifier.moveKey, keepLines: false)
            var draft = FindingDraft(first: occurrence, key: key, moveKey: moveKey)
            draft.relation = qualifier.relation
            index = drafts.count
            drafts.append(draft)
            fingerprints.append(fingerprint)
            draftIndex[fingerprint] = index
            if let owner = qualifier.ownerKey { featureOwners[fingerprint] = Fingerprinter.fingerprint(ofKey: owner) }
        }
        draftIndexByRawKey[raw] = index
        return index
    }

    /// A Feature is identified by the JobStatus it belongs to: its `owner=`, or the Channel or
    /// LockBox whose id is one less (the embedded Feature).
    private func featureQualifier(_ occurrence: Occurrence) -> (key: String, moveKey: String, ownerKey: String?, relation: String?) {
        guard occurrence.detector == .jobStatus, occurrence.kind == "Feature" else { return ("", "", nil, nil) }
        let known = jobStatuses[occurrence.position.input] ?? [:]
        if let owner = occurrence.context.flatMap({ UInt64($0, radix: 16) }) {
            if let status = known[owner] {
                return ("owned-by{\(status.key)}", "owned-by{\(status.moveKey)}", status.key, "owned by \(status.description)")
            }
            return ("owned", "owned", nil, "owned by #\(String(owner, radix: 16))")
        }
        if let id = occurrence.identity.flatMap({ UInt64($0, radix: 16) }), id > 0, let status = known[id - 1],
           status.subtype == "Channel" || status.subtype == "LockBox" {
            return ("embedded-in{\(status.key)}", "embedded-in{\(status.moveKey)}", status.key, "embedded in \(status.description)")
        }
        return ("unowned", "unowned", nil, nil)
    }

    private mutating func noteScript(_ location: SourceLocation?, input: Int) {
        guard let location, !location.isLibrary, location.file.hasSuffix(".das") else { return }
        if scripts[input, default: [:]][location.file] == nil { scriptOrder[input, default: []].append(location.file) }
        scripts[input, default: [:]][location.file, default: 0] += 1
    }

    /// The findings in triage order, with totals, panics, traces and diagnostics.
    public func build(inputs: [InputSummary]) -> LeakReport {
        var allDiagnostics = diagnostics
        if droppedDiagnostics > 0 {
            // The groups count every diagnostic already: this note is for the kept list only.
            allDiagnostics.append(Diagnostic(severity: .note, position: nil,
                                             message: "\(droppedDiagnostics) more diagnostics not shown" as DiagnosticMessage,
                                             untrustworthy: false))
        }
        var grouping = diagnosticGrouping
        let dropped: [(Int, DiagnosticMessage)] = [
            (droppedPanics, "\(droppedPanics) more panics not kept (the first \(Self.panicLimit) are)"),
            (droppedTraceEvents, "\(droppedTraceEvents) more trace lines not kept (the first \(Self.traceEventLimit) are)"),
        ]
        for (count, message) in dropped where count > 0 {
            let note = Diagnostic(severity: .note, position: nil, message: message, untrustworthy: false)
            allDiagnostics.append(note)
            grouping.add(note)
        }
        var primaryScripts: [Int: String] = [:]
        for (input, order) in scriptOrder {
            let counts = scripts[input] ?? [:]
            var bestCount = 0
            for file in order where (counts[file] ?? 0) > bestCount {
                primaryScripts[input] = file
                bestCount = counts[file] ?? 0
            }
        }
        let engine = TriageEngine(panics: panics, featureOwners: featureOwners, primaryScripts: primaryScripts)
        let findings = engine.triage(Array(zip(fingerprints, drafts)))
        return LeakReport(
            inputs: inputs, summary: summary, findings: findings, panics: panics,
            traces: traceOrder.compactMap { traces[$0] }, diagnostics: allDiagnostics,
            diagnosticGroups: grouping.groups)
    }
}
