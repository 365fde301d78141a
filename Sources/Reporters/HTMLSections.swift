import LeakModel

/// Parts that several HTML pages show the same way: the per-detector totals of one or more
/// runs, panics and traces, diagnostics, and the footer.
enum HTMLSections {
    /// A table of every detector with something to show: occurrences and bytes of each run in
    /// `runs` (label, report), and with two runs the change from the first to the second.
    static func totals(_ runs: [(label: String, report: LeakReport)]) -> String {
        let detectors = Detector.allCases.filter { detector in runs.contains { ($0.report.summary[detector]?.occurrences ?? 0) > 0 } }
        guard !detectors.isEmpty else { return "<p class=\"empty\">Totals: none.</p>" }
        let delta = runs.count == 2
        var header = ["<th>detector</th>", "<th>mechanism</th>"]
        for run in runs {
            header.append("<th class=\"num\">\(HTMLText.escape(run.label))</th>")
            header.append("<th class=\"num\">bytes</th>")
        }
        if delta { header += ["<th class=\"num\">change</th>", "<th class=\"num\">bytes change</th>"] }
        var rows = ["<table class=\"totals\"><thead><tr>" + header.joined() + "</tr></thead><tbody>"]
        for detector in detectors {
            let summaries = runs.map { $0.report.summary[detector] ?? DetectorSummary() }
            var cells = ["<td>\(detector.rawValue)</td>", "<td>\(detector.mechanism.rawValue)</td>"]
            for summary in summaries {
                cells.append("<td class=\"num\" data-occurrences=\"\(summary.occurrences)\">\(summary.occurrences.formattedWithThousandsSeparators)</td>")
                cells.append(summary.bytes.map { "<td class=\"num\" data-bytes=\"\($0)\">\(FlameGraphSVG.bytes($0))</td>" } ?? "<td class=\"num\">—</td>")
            }
            if delta {
                cells.append("<td class=\"num\">\(change(summaries[1].occurrences - summaries[0].occurrences))</td>")
                let bytes = summaries[1].bytes.flatMap { head in summaries[0].bytes.map { head - $0 } }
                cells.append("<td class=\"num\">\(bytes.map { change($0, unit: " B") } ?? "—")</td>")
            }
            rows.append("<tr>" + cells.joined() + "</tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined(separator: "\n")
    }

    /// `+2` in red, `-3` in green, `0` plain: for leaks, growth is bad news.
    static func change(_ value: Int, unit: String = "") -> String {
        if value == 0 { return "0" + unit }
        let text = (value > 0 ? "+" : "") + value.formattedWithThousandsSeparators + unit
        return "<span class=\"delta \(value > 0 ? "up" : "down")\">\(text)</span>"
    }

    /// Panics, crashes and traced JobStatus objects of the card maker's report, when there are
    /// any; `side` names the run on a page of two.
    static func events(_ card: HTMLFindingCard, side: String = "") -> String {
        let report = card.report
        let panics = report.panics.filter { $0.kind != .atexitFatal }
        let traces = report.traces
        guard !panics.isEmpty || !traces.isEmpty else { return "" }
        var items: [String] = []
        for panic in panics {
            let at = panic.location.map { " at <code>\(HTMLText.escape($0.description))</code>" } ?? ""
            items.append("<li id=\"\(card.lineAnchor(panic.position))\"><span class=\"sev warning\">\(HTMLText.escape(panic.kind.rawValue))</span>: "
                + "\(HTMLText.escape(panic.message))\(at) — \(card.place(panic.position))</li>")
        }
        for trace in traces {
            let never = trace.unmatched.count
            let sites = Set(trace.unmatched.compactMap { $0.event.location?.description }).sorted().joined(separator: ", ")
            items.append("<li>trace: JobStatus #\(HTMLText.escape("\(trace.trace.id)")) (\(HTMLText.escape(trace.trace.subtype))) ends at rc=\(trace.finalReferenceCount); "
                + "\(never) addRef\(never == 1 ? "" : "s") never released\(sites.isEmpty ? "" : " (\(HTMLText.escape(sites)))") — <code>leaktriage replay</code> shows the timeline</li>")
        }
        let title = side.isEmpty ? "Panics and traces" : "Panics and traces (\(HTMLText.escape(side)))"
        return "<section id=\"events\(card.anchorPrefix)\"><h2>\(title)</h2><ul class=\"diagnostics\">" + items.joined(separator: "\n") + "</ul></section>"
    }

    /// The diagnostics of each side (label, the card maker of its report), the side's label first when there are two.
    static func diagnostics(_ sides: [(label: String, card: HTMLFindingCard)]) -> String {
        var items: [String] = []
        for side in sides {
            let prefix = side.label.isEmpty ? "" : HTMLText.escape(side.label) + " "
            for diagnostic in side.card.report.diagnostics {
                let place = diagnostic.position.map { "\(side.card.place($0)): " } ?? ""
                items.append("<li>\(prefix)<span class=\"sev \(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span>: \(place)\(HTMLText.escape(diagnostic.message))</li>")
            }
        }
        let list = items.isEmpty ? "<p class=\"empty\">None: every report was read whole.</p>" : "<ul class=\"diagnostics\">" + items.joined(separator: "\n") + "</ul>"
        return "<section id=\"diagnostics\"><h2>Diagnostics</h2>\n" + list + "\n</section>"
    }

    static let footer = "<footer>Made by leaktriage from the logs alone; self-contained, nothing is loaded from the network. "
        + "Fingerprints: recipe \(FingerprintRecipe.version), the first 12 hex digits shown (hover for all).</footer>"
}
