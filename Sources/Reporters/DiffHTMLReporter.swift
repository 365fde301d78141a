import LeakModel

/// `diff --format html`: one self-contained page of what changed between two runs — totals of
/// both with their change, the new, fixed and persisting findings (persisting ones with their
/// count and byte deltas and where they moved from), and, for each detector whose findings
/// carry stacks on both sides, a flame graph of the byte deltas in two colours.
public struct DiffHTMLReporter: LeakDiffReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ diff: LeakDiff, options: RenderOptions) -> String {
        let onPage = Set((diff.new + diff.fixed + diff.persisting.map(\.finding)).map(\.fingerprint))
        let head = HTMLFindingCard(report: diff.head, options: options, anchorPrefix: "h", onPage: onPage)
        let base = HTMLFindingCard(report: diff.base, options: options, anchorPrefix: "b", onPage: onPage)
        let moved = diff.persisting.filter { $0.movedFrom != nil }.count
        let changed = diff.persisting.filter { $0.countDelta != 0 }.count
        let graphs = HTMLReporter.stackDetectors.compactMap { detector -> String? in
            guard let graph = options.flameGraphs[detector] else { return nil }
            let delta = graph.root.head.bytes - graph.root.base.bytes
            return FlameGraphSVG(graph, mode: .delta).render(
                title: "\(detector.rawValue): change in leaked bytes by stack",
                caption: "base \(FlameGraphSVG.bytes(graph.root.base.bytes)) → head \(FlameGraphSVG.bytes(graph.root.head.bytes)) "
                    + "(\(delta > 0 ? "+" : "")\(FlameGraphSVG.bytes(delta))); each frame is as wide as the larger side's bytes under it; "
                    + "red: more bytes in head, blue: fewer, grey: unchanged.")
        }
        let inputs = { (card: HTMLFindingCard) in
            card.report.inputs.indices.map { "<code>\(HTMLText.escape(card.logName($0)))</code>" }.joined(separator: ", ")
        }
        var body = [
            "<header>",
            "<h1>leaktriage diff</h1>",
            "<p class=\"inputs\">base: \(inputs(base))<br>head: \(inputs(head))</p>",
            "<p class=\"verdict \(diff.new.isEmpty ? "pass" : "fail")\">\(diff.new.count) new, \(diff.fixed.count) fixed, "
                + "\(diff.persisting.count) persisting (\(moved) moved, \(changed) changed count)</p>",
        ]
        for (side, report) in [("base", diff.base), ("head", diff.head)] where report.isUntrustworthy {
            body.append("<p class=\"banner\">The \(side) logs may not show every leak (see <a href=\"#diagnostics\">diagnostics</a>).</p>")
        }
        body.append(HTMLSections.totals([("base", diff.base), ("head", diff.head)]))
        body.append("<nav><a href=\"#new\">new</a><a href=\"#fixed\">fixed</a><a href=\"#persisting\">persisting</a>"
            + (graphs.isEmpty ? "" : "<a href=\"#flame-graphs\">flame graphs</a>") + "<a href=\"#diagnostics\">diagnostics</a></nav>")
        body.append("</header>")
        body.append(section("new", "New", count: diff.new.count, cards: diff.new.map { head.render($0, badge: ("new", "new")) }))
        body.append(section("fixed", "Fixed", count: diff.fixed.count, cards: diff.fixed.map { base.render($0, badge: ("fixed", "fixed")) }))
        body.append(section("persisting", "Persisting", count: diff.persisting.count, cards: diff.persisting.map { entry in
            head.render(entry.finding, badge: ("persisting", "persisting"), notes: [notes(entry)])
        }))
        if !graphs.isEmpty {
            body.append("<section id=\"flame-graphs\"><h2>Flame graphs</h2>")
            body += graphs
            body.append("</section>")
        }
        body.append(HTMLSections.events(base, side: "base"))
        body.append(HTMLSections.events(head, side: "head"))
        body.append(HTMLSections.diagnostics([("base", base), ("head", head)]))
        body.append(HTMLSections.footer)
        return HTMLDocument.page(title: "leaktriage diff", body: body.joined(separator: "\n"))
    }

    private func section(_ id: String, _ title: String, count: Int, cards: [String]) -> String {
        let content = cards.isEmpty ? "<p class=\"empty\">None.</p>" : cards.joined(separator: "\n")
        return "<section id=\"\(id)\"><h2>\(title) (\(count))</h2>\n\(content)\n</section>"
    }

    /// `count 3 → 5 (+2) · bytes +32 B · moved from x.das:12:4`, or `unchanged`, as the text format words it.
    private func notes(_ entry: LeakDiff.Persisting) -> String {
        var notes: [String] = []
        if entry.countDelta != 0 {
            notes.append("count \(entry.finding.count - entry.countDelta) → \(entry.finding.count) (\(HTMLSections.change(entry.countDelta)))")
        }
        if let bytes = entry.bytesDelta, bytes != 0 { notes.append("bytes \(HTMLSections.change(bytes, unit: " B"))") }
        if let from = entry.movedFrom { notes.append("moved from <code>\(HTMLText.escape(from.description))</code>") }
        return "<p class=\"meta\">" + (notes.isEmpty ? "unchanged" : notes.joined(separator: " · ")) + "</p>"
    }
}
