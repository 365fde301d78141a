import LeakModel

/// One finding on an HTML page: rank, badge and title; detector, count, bytes, fingerprint and
/// location; the source line when known; its cause; the next step with a copy button; the log
/// lines that listed it (each an anchor, `#L<input>-<line>`); its stack. Shared by every page.
struct HTMLFindingCard {
    /// Log lines a finding links to at most; the rest are counted.
    static let lineLimit = 12
    /// Stack frames listed at most (a stack keeps up to 1024): the flame graph shows the rest.
    static let frameLimit = 64

    /// The run the finding belongs to: log names and panics come from it.
    let report: LeakReport
    let options: RenderOptions
    /// Prefix of this side's log-line anchors (`b` and `h` on a diff page), so ids stay unique.
    let anchorPrefix: String
    private let ranks: [String: Int]
    /// What each finding of the report is a consequence of.
    private let causes: [String: String?]
    /// Fingerprints with a card on this page: a cause links only to a card that exists.
    private let onPage: Set<String>

    init(report: LeakReport, options: RenderOptions, anchorPrefix: String = "", onPage: Set<String>) {
        self.report = report
        self.options = options
        self.anchorPrefix = anchorPrefix
        self.onPage = onPage
        ranks = Dictionary(report.findings.map { ($0.fingerprint, $0.rank) }, uniquingKeysWith: { first, _ in first })
        causes = Dictionary(report.findings.map { ($0.fingerprint, $0.consequenceOf) }, uniquingKeysWith: { first, _ in first })
    }

    /// The anchor of a finding's card.
    static func anchor(_ fingerprint: String) -> String { "f-" + HTMLText.escape(fingerprint) }

    /// `ci.log:57` for a line of this side's logs (standard input as `<stdin>`), escaped.
    func place(_ position: LogPosition) -> String {
        HTMLText.escape("\(logName(position.input)):\(position.line)")
    }

    /// An input's name as the page shows it.
    func logName(_ input: Int) -> String {
        guard report.inputs.indices.contains(input) else { return "input \(input)" }
        let path = report.inputs[input].path
        return path == "-" ? FindingTarget.standardInputName : path
    }

    /// The anchor of a log line of this side.
    func lineAnchor(_ position: LogPosition) -> String { "L\(anchorPrefix)\(position.input)-\(position.line)" }

    /// The card; `badge` is its label (`fix`, `after`, `new`, …), `notes` extra markup lines (a diff's deltas).
    func render(_ finding: Finding, badge: (text: String, kind: String), notes: [String] = []) -> String {
        let depth = consequenceDepth(finding)
        let classes = ["finding", "sev-\(finding.severity.rawValue)"] + (depth > 0 ? ["consequence", "depth-\(depth)"] : [])
        var parts = [
            "<article class=\"\(classes.joined(separator: " "))\" id=\"\(Self.anchor(finding.fingerprint))\" data-fingerprint=\"\(HTMLText.escape(finding.fingerprint))\">",
            "<div><span class=\"rank\">#\(finding.rank)</span><span class=\"badge \(badge.kind)\">\(HTMLText.escape(badge.text))</span><h3>\(HTMLText.escape(finding.title))</h3></div>",
            "<p class=\"meta\">" + meta(finding).joined(separator: " · ") + "</p>",
        ]
        parts += notes
        if let location = finding.location, let snippet = options.sourceLines.snippet(at: location) {
            parts.append("<pre class=\"source\">\(HTMLText.escape(snippet.joined(separator: "\n")))</pre>")
        }
        if let cause = cause(of: finding) { parts.append("<p class=\"cause\">\(cause)</p>") }
        if let reason = finding.knownNonLeak { parts.append("<p class=\"nonleak\">known non-leak: \(HTMLText.escape(reason))</p>") }
        if let next = finding.nextStep {
            parts.append("<div class=\"next\"><span>next:</span><code>\(HTMLText.escape(next))</code><button type=\"button\" class=\"copy\">copy</button></div>")
        }
        if !finding.occurrences.isEmpty { parts.append(lines(finding)) }
        if !finding.stack.isEmpty { parts.append(stack(finding.stack)) }
        if options.explain { parts.append("<p class=\"meta\">key: <code>\(HTMLText.escape(finding.fingerprintKey))</code></p>") }
        parts.append("</article>")
        return parts.joined(separator: "\n")
    }

    /// How many causes stand above `finding` (0 for a cause), up to 3: a consequence of a
    /// consequence is indented one step further, so the page reads as the chain it is.
    private func consequenceDepth(_ finding: Finding) -> Int {
        var depth = 0
        var cause = finding.consequenceOf
        while let fingerprint = cause, depth < 3 {
            depth += 1
            cause = causes[fingerprint] ?? nil
        }
        return depth
    }

    private func meta(_ finding: Finding) -> [String] {
        var meta = [
            "\(HTMLText.escape(finding.detector.rawValue)) \(HTMLText.escape(finding.kind))",
            "<b>\(finding.count.formattedWithThousandsSeparators)</b> leaked",
        ]
        if let bytes = finding.bytes { meta.append("<b>\(FlameGraphSVG.bytes(bytes))</b>") }
        meta.append("fingerprint <code title=\"\(HTMLText.escape(finding.fingerprint))\">\(HTMLText.escape(String(finding.fingerprint.prefix(12))))</code>")
        if let location = finding.location { meta.append("at <code>\(HTMLText.escape(location.description))</code>") }
        return meta
    }

    private func cause(of finding: Finding) -> String? {
        guard let cause = finding.consequenceOf else { return nil }
        if let rank = ranks[cause] {
            return onPage.contains(cause) ? "consequence of <a href=\"#\(Self.anchor(cause))\">#\(rank)</a>" : "consequence of #\(rank)"
        }
        if let panic = report.panic(fingerprinted: cause) {
            return "consequence of \(HTMLText.escape(panic.kind.rawValue)): \(HTMLText.escape(panic.message)) (<a href=\"#\(lineAnchor(panic.position))\">\(place(panic.position))</a>)"
        }
        return "consequence of <code>\(HTMLText.escape(String(cause.prefix(12))))</code>"
    }

    private func lines(_ finding: Finding) -> String {
        let shown = finding.occurrences.prefix(Self.lineLimit)
        var groups: [String] = []
        var start = shown.startIndex
        // One group per input, in order: `ci.log lines 5, 9` names the log once.
        while start < shown.endIndex {
            let input = shown[start].input
            let end = shown[start...].firstIndex { $0.input != input } ?? shown.endIndex
            let links = shown[start..<end].map { "<a id=\"\(lineAnchor($0))\" href=\"#\(lineAnchor($0))\">\($0.line)</a>" }
            groups.append("<code>\(HTMLText.escape(logName(input)))</code> \(links.count == 1 ? "line" : "lines") " + links.joined(separator: ", "))
            start = end
        }
        // Triage keeps the first positions only (the count above is complete), so say how many are shown of those.
        let more = finding.occurrences.count > shown.count
            ? " — \(shown.count) of \(finding.occurrences.count.formattedWithThousandsSeparators) lines shown" : ""
        return "<p class=\"lines\">listed at " + groups.joined(separator: "; ") + more + "</p>"
    }

    private func stack(_ frames: [StackFrame]) -> String {
        let items = frames.prefix(Self.frameLimit).map { frame -> String in
            let function = HTMLText.escape(frame.function ?? "?")
            let place = [frame.location?.description, frame.library].compactMap { $0 }.map(HTMLText.escape).joined(separator: " in ")
            return "<li><code>\(function)</code>" + (place.isEmpty ? "" : " <span class=\"meta\">\(place)</span>") + "</li>"
        }
        let more = frames.count > Self.frameLimit ? "<p class=\"meta\">… \(frames.count - Self.frameLimit) more frames</p>" : ""
        return "<details><summary>stack (\(frames.count) \(frames.count == 1 ? "frame" : "frames"), leaf first)</summary><ol class=\"stack\">"
            + items.joined() + "</ol>\(more)</details>"
    }
}
