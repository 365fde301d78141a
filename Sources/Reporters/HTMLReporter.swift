import LeakModel

/// `--format html`: one self-contained page to look at — the verdict and totals per detector,
/// every finding in triage order (consequences under their causes) with its source line, next
/// step and log lines, a flame graph of leaked bytes by stack for the profiler and the C++ heap
/// report, then panics, traces and diagnostics. See ``HTMLDocument`` for what keeps it safe.
public struct HTMLReporter: LeakReporter, StreamingReporter {
    /// The detectors whose findings carry stacks with bytes, each drawn as a flame graph
    /// (when ``RenderOptions/flameGraphs`` has its graph).
    public static let stackDetectors = FlameGraph.detectors

    /// Creates the reporter.
    public init() {}

    /// The page in pieces, one finding's card at a time, so that a report of many findings is
    /// never held whole as markup.
    public func write(_ report: LeakReport, options: RenderOptions, to output: (String) throws -> Void) rethrows {
        let card = HTMLFindingCard(report: report, options: options, onPage: Set(report.findings.map(\.fingerprint)))
        let leaks = report.findings.filter { $0.knownNonLeak == nil }
        let knownNonLeaks = report.findings.filter { $0.knownNonLeak != nil }
        let toFix = report.findings.filter { $0.severity != .note && $0.consequenceOf == nil }.count
        let inputs = report.inputs.indices.map(card.logName)
        let ranks = Dictionary(report.findings.map { ($0.fingerprint, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let graphs = Self.stackDetectors.compactMap { detector -> String? in
            guard let graph = options.flameGraphs[detector] else { return nil }
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
        try output(HTMLDocument.opening(title: "leaktriage: " + inputs.joined(separator: ", ")))
        var started = false
        // Each piece is one line of the body, like the pieces of a page rendered whole.
        func emit(_ piece: String) throws {
            try output(started ? "\n" + piece : piece)
            started = true
        }
        let header = [
            "<header>",
            "<h1>leaktriage report</h1>",
            "<p class=\"inputs\">" + inputs.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", ") + "</p>",
        ]
        for piece in header { try emit(piece) }
        if report.findings.isEmpty {
            try emit("<p class=\"verdict pass\">No leaks reported.</p>")
        } else {
            try emit("<p class=\"verdict fail\">\(report.findings.count) \(plural("finding", report.findings.count)), \(toFix) to fix first</p>")
        }
        if report.isUntrustworthy {
            try emit("<p class=\"banner\">This log may not show every leak (see <a href=\"#diagnostics\">diagnostics</a>; <code>--strict</code> makes that exit 3).</p>")
        }
        try emit(HTMLSections.totals([("leaked", report)]))
        try emit("<nav><a href=\"#findings\">findings</a>" + (graphs.isEmpty ? "" : "<a href=\"#flame-graphs\">flame graphs</a>")
            + "<a href=\"#diagnostics\">diagnostics</a></nav>")
        try emit("</header>")
        try emit("<section id=\"findings\">")
        if leaks.isEmpty { try emit("<h2>Findings</h2><p class=\"empty\">No leaks to fix.</p>") }
        var mechanism: Mechanism?
        for finding in leaks {
            if finding.mechanism != mechanism {
                mechanism = finding.mechanism
                try emit("<h2>\(finding.mechanism.rawValue.uppercased())</h2>")
            }
            try emit(card.render(finding, badge: Self.badge(finding)))
        }
        if !knownNonLeaks.isEmpty {
            let count = knownNonLeaks.reduce(0) { $0.addingSaturated($1.count) }
            try emit("<details><summary>\(knownNonLeaks.count) known non-leak \(plural("finding", knownNonLeaks.count)) (\(count) \(plural("occurrence", count)))</summary>")
            for finding in knownNonLeaks { try emit(card.render(finding, badge: Self.badge(finding))) }
            try emit("</details>")
        }
        try emit("</section>")
        if !graphs.isEmpty {
            try emit("<section id=\"flame-graphs\"><h2>Flame graphs</h2>")
            for graph in graphs { try emit(graph) }
            try emit("</section>")
        }
        try emit(HTMLSections.events(card))
        try emit(HTMLSections.diagnostics([("", card)]))
        try emit(HTMLSections.footer)
        try output(HTMLDocument.closing)
    }

    /// `fix`, `after` (a consequence) or `note` (a known non-leak), as the text format words them.
    static func badge(_ finding: Finding) -> (text: String, kind: String) {
        if finding.severity == .note { return ("note", "note") }
        return finding.consequenceOf == nil ? ("fix", "fix") : ("after", "after")
    }

    private func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }
}
