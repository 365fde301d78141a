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
    /// The last raw key and its draft: reports list the same site many times in a row (a
    /// profiler block's leaks from one loop, a dump's entries), and comparing with the last key
    /// is cheaper than hashing it.
    private var lastRawKey: (key: RawOccurrenceKey, draft: Int)?
    /// The last file noted for next steps, whether it is a user script, and how many notes of it
    /// are not in `scripts` yet: a run of occurrences in one file costs a comparison each, not a
    /// library check and two dictionary lookups.
    private var lastNoted: (input: Int, file: String, isScript: Bool, uncounted: Int)?
    private var summary: [Detector: DetectorSummary] = [:]
    private var panics: [Panic] = []
    private var traces: [String: TraceSummary] = [:]
    private var traceOrder: [String] = []
    private var diagnostics: [Diagnostic] = []
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
        let index: Int
        if let last = lastRawKey, last.key == raw {
            index = last.draft
        } else {
            index = draftIndexByRawKey[raw] ?? newDraft(for: occurrence, raw: raw, qualifier: qualifier)
            lastRawKey = (raw, index)
        }
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
        guard let location else { return }
        if var last = lastNoted, last.input == input, last.file == location.file {
            if last.isScript {
                last.uncounted += 1
                lastNoted = last
            }
            return
        }
        countNoted(into: &scripts, order: &scriptOrder)
        let isScript = !location.isLibrary && location.file.hasSuffix(".das")
        lastNoted = (input, location.file, isScript, isScript ? 1 : 0)
    }

    /// Adds the notes of the last file not counted yet to `counts`.
    private func countNoted(into counts: inout [Int: [String: Int]], order: inout [Int: [String]]) {
        guard let last = lastNoted, last.uncounted > 0 else { return }
        if counts[last.input, default: [:]][last.file] == nil { order[last.input, default: []].append(last.file) }
        counts[last.input, default: [:]][last.file, default: 0] += last.uncounted
    }

    /// The findings in triage order, with totals, panics, traces and diagnostics.
    public func build(inputs: [InputSummary]) -> LeakReport {
        var allDiagnostics = diagnostics
        let dropped = [
            (droppedDiagnostics, "more diagnostics not shown"),
            (droppedPanics, "more panics not kept (the first \(Self.panicLimit) are)"),
            (droppedTraceEvents, "more trace lines not kept (the first \(Self.traceEventLimit) are)"),
        ]
        for (count, what) in dropped where count > 0 {
            allDiagnostics.append(Diagnostic(severity: .note, position: nil, message: "\(count) \(what)", untrustworthy: false))
        }
        var allScripts = scripts
        var allScriptOrder = scriptOrder
        countNoted(into: &allScripts, order: &allScriptOrder)
        var primaryScripts: [Int: String] = [:]
        for (input, order) in allScriptOrder {
            let counts = allScripts[input] ?? [:]
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
            traces: traceOrder.compactMap { traces[$0] }, diagnostics: allDiagnostics)
    }
}
