import LeakModel

/// Which daslang-level leak keeps a C++ leak site's allocations alive, judged from the
/// site's symbols: job-queue code belongs to a leaked job primitive, `das::Program` and
/// `das::Context` code to a leaked Program or Context smart pointer, and allocations made
/// while a script ran (`Context::evalWithCatch`) to the most important leak of that run.
enum CppHeapOwner {
    /// The finding among `causes` (same input) that owns `site`, if the symbols say.
    static func owner(of site: Finding, among causes: [Finding]) -> Finding? {
        guard site.knownNonLeak == nil, let input = site.occurrences.first?.input else { return nil }
        let candidates = causes.filter { $0.occurrences.first?.input == input }.sorted(by: TriageEngine.triageOrder)
        let symbols = site.stack.compactMap(\.function)
        func mentions(_ names: [String]) -> Bool { symbols.contains { symbol in names.contains { symbol.contains($0) } } }
        if mentions(["withJobStatus", "withJobQue", "JobStatus", "Channel::", "LockBox"]),
           let jobs = candidates.first(where: { $0.mechanism == .jobque }) {
            return jobs
        }
        if mentions(["das::Program::"]), let program = candidates.first(where: { $0.detector == .smartPtr && $0.kind == "Program" }) {
            return program
        }
        if mentions(["FileAccess"]), let files = candidates.first(where: { $0.detector == .smartPtr && $0.kind == "FileAccess" }) {
            return files
        }
        if mentions(["das::Context::", "das::Program::"]) {
            return candidates.first { $0.detector == .smartPtr && ($0.kind == "Context" || $0.kind == "Program") } ?? candidates.first
        }
        return nil
    }
}
