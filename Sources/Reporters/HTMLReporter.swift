import LeakModel
import LeakTriage

/// `--format html`: one self-contained page to look at — the verdict and totals per detector,
/// every finding in triage order (consequences under their causes) with its source line, next
/// step and log lines, a flame graph of leaked bytes by stack for the profiler and the C++ heap
/// report, then panics, traces and diagnostics. See ``HTMLDocument`` for what keeps it safe.
public struct HTMLReporter: LeakReporter {
    /// The detectors whose findings carry stacks with bytes, each drawn as a flame graph.
    public static let stackDetectors: [Detector] = [.profiler, .cppHeap]

    /// Creates the reporter.
    public init() {}

    public var format: OutputFormat { .html }

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let card = HTMLFindingCard(report: report, options: options, onPage: Set(report.findings.map(\.fingerprint)))
        let leaks = report.findings.filter { $0.knownNonLeak == nil }
        let knownNonLeaks = report.findings.filter { $0.knownNonLeak != nil }
        let toFix = report.findings.filter { $0.severity != .note && $0.consequenceOf == nil }.count
        let inputs = report.inputs.indices.map(card.logName)
        let ranks = Dictionary(report.findings.map { ($0.fingerprint, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let graphs = Self.stackDetectors.compactMap { detector -> String? in
            let graph = FlameGraph(report, detector: detector)
            guard graph.root.width > 0 else { return nil }
            let drawn = graph.root.head
            // Some leaks come without a stack (the profiler prints a few): say what is not drawn.
            let total = report.summary[detector] ?? DetectorSummary()
            let missing = (bytes: (total.bytes ?? 0) - drawn.bytes, count: total.occurrences - drawn.count)
            let notDrawn = missing.count > 0 && missing.bytes >= 0
                ? " (\(FlameGraphSVG.bytes(missing.bytes)) in \(missing.count.formattedWithThousandsSeparators) more without a stack are not drawn)" : ""
            return FlameGraphSVG(graph, mode: .leaked, ranks: ranks).render(
                title: "\(detector.rawValue): leaked bytes by stack",
                caption: "\(FlameGraphSVG.bytes(drawn.bytes)) in \(drawn.count.formattedWithThousandsSeparators) \(plural("leak", drawn.count)) with a stack\(notDrawn); "
                    + "each frame is as wide as the bytes leaked under it, callers above callees.")
        }
        var body = [
            "<header>",
            "<h1>leaktriage report</h1>",
            "<p class=\"inputs\">" + inputs.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ") + "</p>",
        ]
        if report.findings.isEmpty {
            body.append("<p class=\"verdict pass\">No leaks reported.</p>")
        } else {
            body.append("<p class=\"verdict fail\">\(report.findings.count) \(plural("finding", report.findings.count)), \(toFix) to fix first</p>")
        }
        if report.isUntrustworthy {
            body.append("<p class=\"banner\">This log may not show every leak (see <a href=\"#diagnostics\">diagnostics</a>; <code>--strict</code> makes that exit 3).</p>")
        }
        body.append(HTMLSections.totals([("leaked", report)]))
        body.append("<nav><a href=\"#findings\">findings</a>" + (graphs.isEmpty ? "" : "<a href=\"#flame-graphs\">flame graphs</a>")
            + "<a href=\"#diagnostics\">diagnostics</a></nav>")
        body.append("</header>")
        body.append("<section id=\"findings\">")
        if leaks.isEmpty { body.append("<h2>Findings</h2><p class=\"empty\">No leaks to fix.</p>") }
        var mechanism: Mechanism?
        for finding in leaks {
            if finding.mechanism != mechanism {
                mechanism = finding.mechanism
                body.append("<h2>\(finding.mechanism.rawValue.uppercased())</h2>")
            }
            body.append(card.render(finding, badge: Self.badge(finding)))
        }
        if !knownNonLeaks.isEmpty {
            let count = knownNonLeaks.reduce(0) { $0.addingSaturated($1.count) }
            body.append("<details><summary>\(knownNonLeaks.count) known non-leak \(plural("finding", knownNonLeaks.count)) (\(count) \(plural("occurrence", count)))</summary>")
            body += knownNonLeaks.map { card.render($0, badge: Self.badge($0)) }
            body.append("</details>")
        }
        body.append("</section>")
        if !graphs.isEmpty {
            body.append("<section id=\"flame-graphs\"><h2>Flame graphs</h2>")
            body += graphs
            body.append("</section>")
        }
        body.append(HTMLSections.events(card))
        body.append(HTMLSections.diagnostics([("", card)]))
        body.append(HTMLSections.footer)
        return HTMLDocument.page(title: "leaktriage: " + inputs.joined(separator: ", "), body: body.joined(separator: "\n"))
    }

    /// `fix`, `after` (a consequence) or `note` (a known non-leak), as the text format words them.
    static func badge(_ finding: Finding) -> (text: String, kind: String) {
        if finding.severity == .note { return ("note", "note") }
        return finding.consequenceOf == nil ? ("fix", "fix") : ("after", "after")
    }

    private func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }
}
