import LeakModel

extension LeakReport {
    /// The report with only the findings of `mechanisms` (all when nil), ranked again from 1 in
    /// triage order (`--only`).
    public func keeping(only mechanisms: Set<Mechanism>?) -> LeakReport {
        guard let mechanisms else { return self }
        var report = self
        report.findings = findings.filter { mechanisms.contains($0.mechanism) }
        for index in report.findings.indices { report.findings[index].rank = index + 1 }
        return report
    }
}
