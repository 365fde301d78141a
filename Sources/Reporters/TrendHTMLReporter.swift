import LeakModel

/// `trend --format html`: one self-contained page of several runs — the verdict, then every
/// finding grouped by status (what got worse first), each card with a presence strip of the
/// runs and what its history means, then panics across runs and the diagnostics. Built from
/// the same pieces as the `run` page (``HTMLDocument``, ``HTMLFindingCard``), escaped alike.
public struct TrendHTMLReporter: TrendReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ trend: LeakTrend, options: RenderOptions) -> String {
        // Cards need one report to name logs by: every run's inputs, oldest run first.
        let report = TrendAnnotations.report(of: trend, entries: trend.findings) { _ in "" }
        let card = HTMLFindingCard(report: report, options: options, onPage: Set(report.findings.map(\.fingerprint)))
        let statuses = TrendStatus.allCases.sorted { $0.displayOrder < $1.displayOrder }
        let regressions = trend.findings.filter(\.status.isRegression).count
        var body = [
            "<header>",
            "<h1>leaktriage trend</h1>",
            "<ol class=\"inputs\">" + trend.runs.indices.map { run in
                "<li>run \(run + 1): " + trend.runs[run].inputs.map { "<code>\(HTMLText.escape($0.path == "-" ? FindingTarget.standardInputName : $0.path))</code>" }
                    .joined(separator: ", ") + "</li>"
            }.joined() + "</ol>",
            "<p class=\"verdict \(regressions == 0 ? "pass" : "fail")\">\(trend.runs.count) \(trend.runs.count == 1 ? "run" : "runs"): "
                + statuses.map { status in "\(trend.findings.filter { $0.status == status }.count) \(status.rawValue)" }.joined(separator: ", ") + "</p>",
        ]
        let untrustworthy = trend.runs.indices.filter { trend.runs[$0].untrustworthy }
        if !untrustworthy.isEmpty {
            body.append("<p class=\"banner\">\(untrustworthy.count == 1 ? "Run" : "Runs") \(untrustworthy.map { String($0 + 1) }.joined(separator: ", ")) "
                + "may not show every leak (see <a href=\"#diagnostics\">diagnostics</a>).</p>")
        }
        body.append("<nav>" + statuses.map { "<a href=\"#\($0.rawValue)\">\($0.rawValue)</a>" }.joined()
            + "<a href=\"#panics\">panics</a><a href=\"#diagnostics\">diagnostics</a></nav>")
        body.append("</header>")
        for status in statuses {
            let entries = trend.findings.indices.filter { trend.findings[$0].status == status }
            let cards = entries.map { index in
                let entry = trend.findings[index]
                return card.render(report.findings[index], badge: (status.rawValue, Self.badgeKind(status)), notes: [
                    "<p class=\"meta\"><code class=\"strip\">\(HTMLText.escape(TrendWording.strip(entry.counts)))</code> "
                        + HTMLText.escape(TrendWording.history(entry)) + "</p>",
                ])
            }
            let content = cards.isEmpty ? "<p class=\"empty\">None.</p>" : cards.joined(separator: "\n")
            body.append("<section id=\"\(status.rawValue)\"><h2>\(status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst()) (\(entries.count))</h2>\n\(content)\n</section>")
        }
        // As in the text format: the atexit audit only echoes a job panic.
        let panics = trend.panics.filter { $0.panic.kind != .atexitFatal }.map { entry in
            let at = entry.panic.location.map { " at \($0)" } ?? ""
            return "<li><code class=\"strip\">\(HTMLText.escape(TrendWording.strip(entry.counts)))</code> "
                + HTMLText.escape("\(entry.panic.kind.rawValue): \(entry.panic.message)\(at) — \(entry.status.rawValue), \(TrendWording.presence(entry))") + "</li>"
        }
        body.append("<section id=\"panics\"><h2>Panics (\(panics.count))</h2>\n"
            + (panics.isEmpty ? "<p class=\"empty\">None.</p>" : "<ul class=\"diagnostics\">" + panics.joined(separator: "\n") + "</ul>") + "\n</section>")
        body.append(HTMLSections.diagnostics([("", card)]))
        body.append(HTMLSections.footer)
        return HTMLDocument.page(title: "leaktriage trend", body: body.joined(separator: "\n"))
    }

    /// The badge colour of a status: regressions as new, the fixed as fixed, the rest as known.
    private static func badgeKind(_ status: TrendStatus) -> String {
        switch status {
        case .growing, .new: return "new"
        case .fixed: return "fixed"
        case .persistent: return "persisting"
        case .intermittent: return "after"
        }
    }
}
