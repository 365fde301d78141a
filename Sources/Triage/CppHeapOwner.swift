import LeakModel

/// Which daslang-level leak keeps a C++ leak site's allocations alive, judged from the
/// site's symbols: job-queue code belongs to a leaked job primitive, `das::Program` and
/// `das::Context` code to a leaked Program or Context smart pointer, and allocations made
/// while a script ran (`Context::evalWithCatch`) to the most important leak of that run.
enum CppHeapOwner {
    /// The finding among `causes` (same input; each with its first occurrence's payload) that owns `site`, if the symbols say.
    static func owner(of site: Finding, among causes: [(finding: Finding, payload: Occurrence.Payload)]) -> Finding? {
        guard site.knownNonLeak == nil, let input = site.occurrences.first?.input else { return nil }
        let candidates = causes.filter { $0.finding.occurrences.first?.input == input }.sorted { TriageEngine.triageOrder($0.finding, $1.finding) }
        func pointer(where wanted: (SmartPointerKind) -> Bool) -> Finding? {
            candidates.first { if case let .smartPointer(kind, _) = $0.payload { wanted(kind) } else { false } }?.finding
        }
        let symbols = site.stack.compactMap(\.function)
        func mentions(_ names: [String]) -> Bool { symbols.contains { symbol in names.contains { symbol.contains($0) } } }
        if mentions(["withJobStatus", "withJobQue", "JobStatus", "Channel::", "LockBox"]),
           let jobs = candidates.first(where: { $0.finding.mechanism == .jobque })?.finding {
            return jobs
        }
        if mentions(["das::Program::"]), let program = pointer(where: { $0 == .program }) {
            return program
        }
        if mentions(["FileAccess"]), let files = pointer(where: { $0 == .fileAccess }) {
            return files
        }
        if mentions(["das::Context::", "das::Program::"]) {
            return pointer(where: { if case .context = $0 { true } else { $0 == .program } }) ?? candidates.first?.finding
        }
        return nil
    }
}
