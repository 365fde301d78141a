import LeakModel

/// Turns finished drafts into findings: titles, severities, known non-leaks, consequences,
/// next-step commands, and the triage order gc → jobque → heap → smart_ptr → handles,
/// then severity, bytes and count within a mechanism.
struct TriageEngine {
    let panics: [Panic]
    /// Feature fingerprint → the JobStatus fingerprint it belongs to.
    let featureOwners: [String: String]
    /// The user script most seen in each input.
    let primaryScripts: [Int: String]
    /// Tells library frames from the user's.
    let frames: FrameClassifier

    func triage(_ drafts: [(fingerprint: String, draft: FindingDraft)]) -> [Finding] {
        let fingerprints = Set(drafts.map(\.fingerprint))
        let explaining = explainingPanics()
        var findings = drafts.map { finding(from: $0.draft, fingerprint: $0.fingerprint) }
        let ownedFeatures = findings.indices.filter { index in
            guard case .feature = drafts[index].draft.first.payload else { return false }
            return featureOwners[findings[index].fingerprint] != nil
        }.map { findings[$0] }
        for index in findings.indices {
            findings[index].consequenceOf = cause(of: findings[index], draft: drafts[index].draft,
                                                  known: fingerprints, ownedFeatures: ownedFeatures,
                                                  explaining: explaining)
        }
        // The C++ allocations of a RelWithDebInfo build follow the daslang-level leaks that own them.
        let causes = findings.indices.filter { findings[$0].consequenceOf == nil && findings[$0].detector != .cppHeap && findings[$0].severity != .note }
            .map { (finding: findings[$0], payload: drafts[$0].draft.first.payload) }
        for index in findings.indices where findings[index].detector == .cppHeap && findings[index].consequenceOf == nil {
            findings[index].consequenceOf = CppHeapOwner.owner(of: findings[index], among: causes)?.fingerprint
        }
        FindingTitle.disambiguate(&findings)
        findings.sort(by: Self.triageOrder)
        for index in findings.indices { findings[index].rank = index + 1 }
        return findings
    }

    /// gc → jobque → heap → smart_ptr → handles; causes before consequences; the user's code before
    /// library-only leaks; then severity, bytes, count, log order.
    static func triageOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.mechanism != rhs.mechanism { return lhs.mechanism < rhs.mechanism }
        if (lhs.consequenceOf == nil) != (rhs.consequenceOf == nil) { return lhs.consequenceOf == nil }
        // The user's code first: a leak only in the runner's or daslib's frames is not theirs to fix first.
        if lhs.origin != rhs.origin { return lhs.origin == .user }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if (lhs.bytes ?? 0) != (rhs.bytes ?? 0) { return (lhs.bytes ?? 0) > (rhs.bytes ?? 0) }
        if lhs.count != rhs.count { return lhs.count > rhs.count }
        return (lhs.occurrences.first ?? LogPosition(input: 0, line: 0)) < (rhs.occurrences.first ?? LogPosition(input: 0, line: 0))
    }

    // MARK: One finding

    private func finding(from draft: FindingDraft, fingerprint: String) -> Finding {
        let first = draft.first
        let nonLeak = knownNonLeak(draft)
        let userFrame = first.detector == .profiler ? frames.firstUserFrame(of: first.stack) : nil
        let location = Fingerprinter.location(of: first, frames: frames)
        let origin: FindingOrigin = first.detector == .profiler && !first.stack.isEmpty && userFrame == nil ? .library : .user
        let tests = draft.tests.sorted()
        // A leak of a test run by dastest is met again by rerunning that test file through the runner.
        let steps = NextStep.commands(for: draft, script: script(for: draft, location: location), testFile: tests.first)
        var finding = Finding(
            detector: first.detector, kind: first.payload.kindText, fingerprint: fingerprint, fingerprintKey: draft.key,
            moveKey: draft.moveKey, title: FindingTitle.title(for: draft, userFrame: userFrame), count: draft.count, bytes: draft.bytes,
            location: location, stack: first.stack, occurrences: draft.positions,
            nextStep: steps.command, nextStepMacOS: steps.macOS,
            severity: nonLeak != nil ? .note : severity(of: draft), knownNonLeak: nonLeak,
            identities: draft.identities.map(\.description), referenceCounts: draft.referenceCounts, contexts: draft.contexts.map(\.description))
        finding.tests = tests
        finding.origin = origin
        finding.recursionDepth = draft.recursionDepth
        finding.legacyFingerprints = draft.legacyFingerprints.sorted()
        finding.locationKey = draft.locationKey
        finding.residualKey = draft.residualKey
        return finding
    }

    private func severity(of draft: FindingDraft) -> Severity {
        switch draft.first.detector {
        case .gcNode, .jobStatus, .smartPtr, .profiler: return .error
        case .heapReport, .cppHeap, .handleRegistry: return .warning
        }
    }

    /// daslang's own guidance: strings on the string heap are interned or owned by globals,
    /// and the C++ allocations of shared-module registration live for the whole process.
    private func knownNonLeak(_ draft: FindingDraft) -> String? {
        let first = draft.first
        switch first.payload {
        case let .heapRow(kind, _) where kind.isOnStringHeap:
            return "string-heap contents at exit are interned strings and strings held by globals"
        case .cppSite where first.stack.contains { $0.function?.contains("require_dynamic_modules") ?? false }:
            return "runtime baseline: shared-module registration (das::require_dynamic_modules) lives until process exit"
        default:
            return nil
        }
    }

    private func script(for draft: FindingDraft, location: SourceLocation?) -> String {
        if let location, !frames.isLibrary(path: location.file), location.file.hasSuffix(".das") { return location.file }
        return primaryScripts[draft.first.position.input] ?? "<script.das>"
    }

    // MARK: Consequences

    /// The panics that later leaks of the same input are consequences of (not exit-time fatals or
    /// gc breaks), per input in log order: each finding looks its panic up by bisection.
    private func explainingPanics() -> [Int: [Panic]] {
        Dictionary(grouping: panics.filter { $0.kind != .atexitFatal && $0.kind != .gcBreak }, by: \.position.input)
            .mapValues { panics in panics.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element) }
    }

    private func cause(of finding: Finding, draft: FindingDraft, known: Set<String>, ownedFeatures: [Finding],
                       explaining: [Int: [Panic]]) -> String? {
        if let owner = featureOwners[finding.fingerprint], known.contains(owner), owner != finding.fingerprint { return owner }
        // A job Context kept alive by Features owned by a JobStatus: the Features keep it.
        if case .smartPointer(.context, _) = draft.first.payload,
           draft.contexts.contains(where: { $0.description.hasPrefix("clone of") }),
           let feature = ownedFeatures.first(where: { $0.occurrences.first?.input == finding.occurrences.first?.input }) {
            return feature.fingerprint
        }
        // Anything listed after a panic of the same input is its consequence: the last panic before it.
        guard let inputPanics = explaining[draft.earliest.input] else { return nil }
        var low = 0, high = inputPanics.count
        while low < high {
            let middle = (low + high) / 2
            if inputPanics[middle].position < draft.earliest { low = middle + 1 } else { high = middle }
        }
        // Triage's panics are fingerprinted as they arrive (``LeakReportBuilder``).
        return low > 0 ? inputPanics[low - 1].fingerprint : nil
    }
}
