import LeakModel

/// Collects a run's parser events as they stream by, keeping only aggregates: one draft per
/// raw occurrence key and stretch of test output, per-detector totals, panics, traces and
/// diagnostics. Fingerprints are computed in ``build(inputs:)``, once the whole run has said
/// where its scripts, test files and install roots are (``PathNormalizer``); then the drafts
/// that share a fingerprint become one finding and go to the ``TriageEngine``.
public struct LeakReportBuilder: Sendable {
    /// Diagnostics kept before the rest are only counted.
    static let diagnosticLimit = 500
    /// Panics and trace events kept before the rest are only counted, so that memory stays
    /// bounded whatever the log holds.
    static let panicLimit = 10_000
    static let traceEventLimit = 100_000
    /// Scripts, test files and install roots remembered for the anchor.
    static let placeLimit = 10_000

    /// One draft per raw key, in order of first occurrence.
    private var drafts: [FindingDraft] = []
    private var rawKeys: [RawOccurrenceKey] = []
    /// The draft of each raw occurrence key seen: an occurrence costs one hash lookup, and
    /// normalising (string work) happens once per raw key, at the end.
    private var draftIndexByRawKey: [RawOccurrenceKey: Int] = [:]
    /// Feature drafts → the JobStatus draft they belong to and how (`owned-by`, `embedded-in`).
    private var featureOwners: [Int: (owner: Int, relation: String)] = [:]
    /// The drafts of the last few raw keys: reports list the same sites many times over, and
    /// comparing with a few recent keys is cheaper than hashing one.
    private var recentDrafts = RecentIDs<RawOccurrenceKey>(capacity: 8)
    private var interner = OccurrenceInterner()
    /// How many occurrences each draft took: its location's notes for next steps, counted at the end.
    private var draftOccurrences: [Int] = []
    /// Per-detector totals, in ``slot(of:)`` order: an occurrence adds to its detector's without hashing it.
    private var totals: [DetectorSummary]
    private var panics: [Panic] = []
    /// Each distinct panic's fingerprint, computed once: a log of many runs repeats its panics.
    private var panicFingerprints: [PanicFingerprint.Identity: String] = [:]
    private var traces: [String: TraceSummary] = [:]
    private var traceOrder: [String] = []
    private var diagnostics: [Diagnostic] = []
    /// Every diagnostic, kept or not, counted by kind.
    private var diagnosticGrouping = DiagnosticGrouping()
    private var droppedDiagnostics = 0
    private var droppedPanics = 0
    private var traceEvents = 0
    private var droppedTraceEvents = 0
    /// JobStatus drafts per input and id, for Features that belong to them.
    private var jobStatuses: [Int: [UInt64: (draft: Int, subtype: String, location: SourceLocation?)]] = [:]
    /// The files of traces and panics per input, how often each was noted and where first, for
    /// next-step commands (occurrences are noted per draft, in ``primaryScripts()``).
    private var otherNotes: [Int: [String: (count: Int, first: LogPosition)]] = [:]
    /// Files of the `main` frames at the bottom of stacks: the scripts daslang was given.
    private var mainScripts: [String] = []
    /// Test files the test runner finished, in order, and the same as a set (a suite prints a file's
    /// name once per run of it: looking it up must not cost a scan of every file seen).
    private var testFiles: [String] = []
    private var testFilesSeen: Set<String> = []
    /// Every test file finished, for the path normaliser (one entry per distinct file, not per run of it).
    private var finishedTestFiles: Set<String> = []
    private var installRoots: [String] = []
    /// Files and bottom frames already looked at for places (up to ``seenPlaceLimit`` each; beyond, each is looked at again).
    private var placeFilesSeen: Set<String> = []
    private var bottomFramesSeen: Set<StackFrame> = []
    static let seenPlaceLimit = 1 << 16

    /// The stretch of output being read and the test file each finished stretch belongs to.
    private var segment = 0
    private var segmentInput: Int?
    /// Kept only for stretches that held an occurrence: memory follows the leaks, not the log's length.
    private var segmentTests: [Int: String] = [:]
    /// Whether the stretch being read has had an occurrence.
    private var segmentHasOccurrences = false
    /// After the runner's summary line: blocks belong to the runner until a test starts again.
    private var inRunnerEpilogue = false

    /// Fingerprint of the finding each occurrence joined, by the line that listed it
    /// (kept only when asked for, to select report entries by finding; filled by ``build(inputs:)``).
    public private(set) var occurrenceFingerprints: [LogPosition: String] = [:]
    private var occurrenceDrafts: [LogPosition: Int] = [:]
    private let recordsOccurrenceFingerprints: Bool
    private let settings: TriageSettings

    /// Creates an empty builder; `recordingOccurrenceFingerprints` keeps ``occurrenceFingerprints``.
    public init(recordingOccurrenceFingerprints: Bool = false, settings: TriageSettings = TriageSettings()) {
        recordsOccurrenceFingerprints = recordingOccurrenceFingerprints
        self.settings = settings
        totals = Array(repeating: DetectorSummary(), count: Detector.allCases.count)
        for detector in Detector.allCases {
            totals[Self.slot(of: detector)] = DetectorSummary(occurrences: 0, bytes: detector.reportsBytes ? 0 : nil)
        }
    }

    /// Takes one parser event.
    public mutating func receive(_ event: LogEvent) {
        switch event {
        case .line, .report:
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
            noteScript(trace.location, at: trace.position)
        case let .panic(panic):
            if panics.count < Self.panicLimit { panics.append(fingerprinted(panic)) } else { droppedPanics += 1 }
            noteScript(panic.location, at: panic.position)
        case let .diagnostic(diagnostic):
            diagnosticGrouping.add(diagnostic)
            if diagnostics.count < Self.diagnosticLimit {
                diagnostics.append(diagnostic)
            } else {
                droppedDiagnostics += 1
            }
        case let .testRunner(line):
            readTestRunner(line)
        }
    }

    /// `panic` with its fingerprint, from the panics seen before when one was alike.
    private mutating func fingerprinted(_ panic: Panic) -> Panic {
        let identity = PanicFingerprint.Identity(panic)
        guard let known = panicFingerprints[identity] else {
            let fingerprinted = PanicFingerprint.fingerprinted(panic)
            panicFingerprints[identity] = fingerprinted.fingerprint
            return fingerprinted
        }
        var panic = panic
        panic.fingerprint = known
        return panic
    }

    /// dastest prints a file's blocks before its `PASS`/`FAIL` line, and its own after the summary.
    private mutating func readTestRunner(_ line: TestRunnerEvent) {
        enterInput(line.position.input)
        switch line.kind {
        case .testStarted:
            if inRunnerEpilogue {
                inRunnerEpilogue = false
                nextSegment()
            }
        case let .fileFinished(file, _):
            if inRunnerEpilogue {
                inRunnerEpilogue = false
            } else {
                if segmentHasOccurrences { segmentTests[segment] = file }
                finishedTestFiles.insert(file)
            }
            nextSegment()
            if testFiles.count < Self.placeLimit, testFilesSeen.insert(file).inserted { testFiles.append(file) }
        case .summary:
            nextSegment()
            inRunnerEpilogue = true
        }
    }

    /// Starts the next stretch of output.
    private mutating func nextSegment() {
        segment += 1
        segmentHasOccurrences = false
    }

    /// Output of another input never continues this one's stretch.
    private mutating func enterInput(_ input: Int) {
        guard segmentInput != input else { return }
        if segmentInput != nil { nextSegment() }
        segmentInput = input
        inRunnerEpilogue = false
    }

    private mutating func add(_ occurrence: Occurrence) {
        let slot = Self.slot(of: occurrence.detector)
        totals[slot].occurrences = totals[slot].occurrences.addingSaturated(occurrence.count)
        if occurrence.detector.reportsBytes { totals[slot].bytes = (totals[slot].bytes ?? 0).addingSaturated(occurrence.bytes ?? 0) }
        enterInput(occurrence.position.input)
        segmentHasOccurrences = true

        let relation = featureRelation(occurrence)
        let raw = RawOccurrenceKey(occurrence, relation: relation, segment: segment, interner: &interner)
        let index: Int
        if let recent = recentDrafts.id(of: raw) {
            index = recent
        } else if let existing = draftIndexByRawKey[raw] {
            index = existing
            recentDrafts.remember(raw, id: index)
        } else {
            index = drafts.count
            drafts.append(FindingDraft(first: occurrence))
            draftOccurrences.append(0)
            rawKeys.append(raw)
            draftIndexByRawKey[raw] = index
            if let owner = relation.owner { featureOwners[index] = (owner.draft, owner.name) }
            drafts[index].relation = relationText(relation, of: occurrence)
            notePlaces(of: occurrence)
            recentDrafts.remember(raw, id: index)
        }
        drafts[index].add(occurrence)
        draftOccurrences[index] += 1
        if recordsOccurrenceFingerprints { occurrenceDrafts[occurrence.position] = index }
        if case let .jobStatus(subtype, id) = occurrence.payload {
            jobStatuses[occurrence.position.input, default: [:]][id.value] = (index, subtype, occurrence.location)
        }
    }

    /// The index of `detector`'s totals (a `switch`: a raw-valued enum hashes and compares its raw string).
    private static func slot(of detector: Detector) -> Int {
        switch detector {
        case .profiler: return 0
        case .heapReport: return 1
        case .gcNode: return 2
        case .smartPtr: return 3
        case .jobStatus: return 4
        case .handleRegistry: return 5
        case .cppHeap: return 6
        }
    }

    /// The JobStatus a Feature belongs to: its `owner=`, or the Channel or LockBox whose id is
    /// one less (the embedded Feature).
    private func featureRelation(_ occurrence: Occurrence) -> FeatureRelation {
        guard case let .feature(id, owner) = occurrence.payload else { return .notAFeature }
        let known = jobStatuses[occurrence.position.input]
        if let owner {
            return known?[owner.value].map { .ownedBy(draft: $0.draft) } ?? .ownedByGone
        }
        if id.value > 0, let status = known?[id.value - 1], status.subtype == "Channel" || status.subtype == "LockBox" {
            return .embeddedIn(draft: status.draft)
        }
        return .unowned
    }

    /// How a new Feature draft's title says whom it belongs to (`embedded in Channel #1 created at …`).
    private func relationText(_ relation: FeatureRelation, of occurrence: Occurrence) -> String? {
        guard case let .feature(id, owner) = occurrence.payload else { return nil }
        let known = jobStatuses[occurrence.position.input]
        func described(_ jobID: UInt64) -> String {
            let status = known?[jobID]
            let created = status?.location.map { " created at \($0)" } ?? ""
            return "\(status?.subtype ?? "") #\(String(jobID, radix: 16))\(created)"
        }
        switch relation {
        case .ownedBy: return owner.map { "owned by " + described($0.value) }
        case .embeddedIn: return "embedded in " + described(id.value - 1)
        case .ownedByGone: return owner.map { "owned by #\(String($0.value, radix: 16))" }
        case .unowned, .notAFeature: return nil
        }
    }

    /// What a new stack says about where code lives: install roots (the folder of `daslib/`) and
    /// the script daslang was given (the file of the `main` frame at the bottom).
    /// Each distinct file and bottom frame is looked at once: new drafts share them.
    private mutating func notePlaces(of occurrence: Occurrence) {
        guard installRoots.count < Self.placeLimit else { return }
        for file in occurrence.stack.compactMap(\.location?.file) + [occurrence.location?.file].compactMap({ $0 })
        where placeFilesSeen.count >= Self.seenPlaceLimit || placeFilesSeen.insert(file).inserted {
            if let root = PathNormalizer.installRoot(of: file), !installRoots.contains(root) { installRoots.append(root) }
        }
        guard let bottom = occurrence.stack.last, bottomFramesSeen.count >= Self.seenPlaceLimit || bottomFramesSeen.insert(bottom).inserted
        else { return }
        if let function = bottom.function, Fingerprinter.normalizedFunction(function) == "main",
           let file = bottom.location?.file, !SourceLocation(file: file).isLibrary, PathNormalizer.libraryKey(PathNormalizer.canonical(file).components) == nil,
           !mainScripts.contains(file), mainScripts.count < Self.placeLimit {
            mainScripts.append(file)
        }
    }

    private mutating func noteScript(_ location: SourceLocation?, at position: LogPosition) {
        guard let location, Self.isScript(location.file) else { return }
        let noted = otherNotes[position.input, default: [:]][location.file]
        otherNotes[position.input, default: [:]][location.file] = ((noted?.count ?? 0) + 1, noted?.first ?? position)
    }

    /// Whether `file` is a user script: next steps run it.
    private static func isScript(_ file: String) -> Bool {
        !SourceLocation(file: file).isLibrary && file.hasSuffix(".das")
    }

    /// The findings in triage order, with totals, panics, traces and diagnostics.
    public mutating func build(inputs: [InputSummary]) -> LeakReport {
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
        let primaryScripts = self.primaryScripts()
        // Drafts share their frames and paths: each distinct one is normalised once.
        var distinctFrames = Set<StackFrame>()
        var files = finishedTestFiles
        for draft in drafts {
            if let file = draft.first.location?.file { files.insert(file) }
            for frame in draft.first.stack where distinctFrames.insert(frame).inserted {
                if let file = frame.location?.file { files.insert(file) }
            }
        }
        let paths = PathNormalizer(checkoutRoots: settings.checkoutRoots, installRoots: installRoots, anchor: anchor(primaryScripts))
            .knowing(files)
        let frames = FrameClassifier(installRoots: installRoots, libraryPatterns: settings.libraryPatterns).knowing(files)
        let texts = FrameKeyTexts(frames: distinctFrames, paths: paths)
        let (merged, owners) = fingerprinted(paths: paths, frames: frames, texts: texts)
        let engine = TriageEngine(panics: panics, featureOwners: owners, primaryScripts: primaryScripts, frames: frames)
        let findings = engine.triage(merged)
        return LeakReport(
            inputs: inputs, summary: Dictionary(uniqueKeysWithValues: Detector.allCases.map { ($0, totals[Self.slot(of: $0)]) }), findings: findings, panics: panics,
            traces: traceOrder.compactMap { traces[$0].map(TraceAnalysis.init) }, diagnostics: allDiagnostics,
            diagnosticGroups: grouping.groups)
    }

    /// The user script most noted in each input (occurrences, traces, panics); of equals, the first noted.
    private func primaryScripts() -> [Int: String] {
        var notes = otherNotes
        var scriptFiles: [String: Bool] = [:]
        for (index, draft) in drafts.enumerated() {
            guard let file = draft.first.location?.file else { continue }
            let isScript = scriptFiles[file] ?? Self.isScript(file)
            scriptFiles[file] = isScript
            guard isScript else { continue }
            let input = draft.first.position.input
            let noted = notes[input, default: [:]][file]
            notes[input, default: [:]][file] = ((noted?.count ?? 0) + draftOccurrences[index], min(noted?.first ?? draft.first.position, draft.first.position))
        }
        return notes.compactMapValues { files in
            files.max { lhs, rhs in lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.value.first > rhs.value.first }?.key
        }
    }

    /// The folder user paths key from: that of the test files dastest ran, else of the scripts
    /// daslang was given (`main`), else of each input's most seen user script.
    private func anchor(_ primaryScripts: [Int: String]) -> String? {
        let candidates = !testFiles.isEmpty ? testFiles : !mainScripts.isEmpty ? mainScripts : primaryScripts.sorted { $0.key < $1.key }.map(\.value)
        guard !candidates.isEmpty else { return nil }
        return PathNormalizer.commonDirectory(of: candidates.map { PathNormalizer.directory(of: $0) })
            ?? PathNormalizer.directory(of: candidates[0])
    }

    /// Every raw draft keyed (`v2` and `v1`), and the drafts that share a fingerprint merged, in
    /// order of first occurrence; with the JobStatus fingerprint each Feature belongs to.
    private mutating func fingerprinted(paths: PathNormalizer, frames: FrameClassifier, texts: FrameKeyTexts) -> ([(fingerprint: String, draft: FindingDraft)], [String: String]) {
        // A draft's keys are worked out when it is merged, and dropped with it when it joins another:
        // only the JobStatus drafts that Features name keep theirs, for the Features' qualifiers.
        typealias Keys = (key: String, move: String, legacy: String, residual: String)
        func keys(of index: Int, owners: [Int: Keys]) -> Keys {
            let raw = rawKeys[index]
            let test = segmentTests[raw.segment]
            let rawQualifier = raw.relation.qualifier
            var qualifier = rawQualifier, moveQualifier = rawQualifier, legacyQualifier = rawQualifier
            if let owner = featureOwners[index], let ownerKeys = owners[owner.owner] {
                qualifier = "\(owner.relation){\(ownerKeys.key)}"
                moveQualifier = "\(owner.relation){\(ownerKeys.move)}"
                legacyQualifier = "\(owner.relation){\(ownerKeys.legacy)}"
            }
            let first = drafts[index].first
            return (Fingerprinter.key(for: first, qualifier: qualifier, test: test, keepLines: true, paths: paths, frames: frames, texts: texts),
                    Fingerprinter.key(for: first, qualifier: moveQualifier, test: test, keepLines: false, paths: paths, frames: frames, texts: texts),
                    Fingerprinter.legacyKey(for: first, qualifier: legacyQualifier, texts: texts),
                    Fingerprinter.key(for: first, qualifier: moveQualifier, test: test, keepLines: false, paths: paths, frames: frames,
                                      withStack: false, texts: texts))
        }
        // The JobStatus drafts that Features belong to (never Features themselves) are keyed
        // first: a Feature's key holds its owner's.
        var ownerKeys: [Int: Keys] = [:]
        for owner in Set(featureOwners.values.map(\.owner)) { ownerKeys[owner] = keys(of: owner, owners: [:]) }
        // Raw keys that differ only in what the recipe leaves out share a key: each is hashed once.
        var fingerprintOfKey: [String: String] = [:]
        func hashed(_ key: String) -> String {
            if let known = fingerprintOfKey[key] { return known }
            let fingerprint = Fingerprinter.fingerprint(ofKey: key)
            fingerprintOfKey[key] = fingerprint
            return fingerprint
        }
        var merged: [FindingDraft] = []
        var fingerprints: [String] = []
        var mergedIndex: [String: Int] = [:]
        // nil: the draft's leaks are suppressed (a draft's occurrences share one stack and location).
        var rawToMerged = [Int?](repeating: nil, count: drafts.count)
        for index in drafts.indices {
            if settings.suppressions.rule(suppressing: drafts[index].first) != nil {
                totals[Self.slot(of: drafts[index].first.detector)].suppressed += drafts[index].count
                continue
            }
            var draft = drafts[index]
            let draftKeys = ownerKeys[index] ?? keys(of: index, owners: ownerKeys)
            draft.key = draftKeys.key
            draft.moveKey = draftKeys.move
            draft.residualKey = draftKeys.residual
            draft.legacyFingerprints = [hashed(draftKeys.legacy)]
            draft.locationKey = Fingerprinter.location(of: draft.first, frames: frames).map { paths.key($0.file) }
            if let test = segmentTests[rawKeys[index].segment] { draft.tests = [test] }
            if draft.first.detector == .profiler || draft.first.detector == .cppHeap, draft.first.stack.count > 1 {
                let frameTexts = draft.first.stack.map { texts.text(of: $0, keepLines: true, paths: paths) }
                draft.recursionDepth = StackCycles.collapse(frameTexts).depth.map { $0...$0 }
            }
            let fingerprint = hashed(draftKeys.key)
            if let existing = mergedIndex[fingerprint] {
                merged[existing].merge(draft)
                rawToMerged[index] = existing
            } else {
                mergedIndex[fingerprint] = merged.count
                rawToMerged[index] = merged.count
                merged.append(draft)
                fingerprints.append(fingerprint)
            }
        }
        var owners: [String: String] = [:]
        for (index, owner) in featureOwners {
            guard let feature = rawToMerged[index], let job = rawToMerged[owner.owner] else { continue }
            owners[fingerprints[feature]] = fingerprints[job]
        }
        if recordsOccurrenceFingerprints {
            occurrenceFingerprints = occurrenceDrafts.compactMapValues { rawToMerged[$0].map { fingerprints[$0] } }
        }
        return (Array(zip(fingerprints, merged)), owners)
    }
}
