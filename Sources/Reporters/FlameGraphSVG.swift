import Foundation
import LeakModel

/// Prints a ``FlameGraph`` as an icicle graph in inline SVG: the root on top, callees below,
/// each frame as wide as the bytes leaked under it. Every frame is a nested `<svg>` (so its
/// label is clipped to its box without script) with a `<title>` that hovering shows; the
/// page's script zooms into a clicked frame. Without script the graph still draws whole.
public struct FlameGraphSVG {
    /// What the colours say.
    public enum Mode: Sendable {
        /// One run: width and colour-coded bytes leaked (user scripts cool, libraries warm).
        case leaked
        /// Two runs in one tree: width is the larger side, red grew in head, blue shrank.
        case delta
    }

    /// Frames drawn at most; the narrowest beyond it are left out (their bytes stay in their
    /// parents' widths), so the page stays small and quick whatever the logs hold.
    public static let nodeLimit = 8_000
    static let rowHeight = 18

    /// Stacks' findings named in a tooltip at most.
    static let findingLimit = 5

    let graph: FlameGraph
    let mode: Mode
    /// Ranks of the findings on the page, to name the ones whose stacks end at a frame.
    let ranks: [String: Int]

    /// A drawing of `graph` (pruned to ``nodeLimit``) in `mode`; a frame where findings' stacks
    /// end names their `ranks` (`#3`) in its tooltip.
    public init(_ graph: FlameGraph, mode: Mode, ranks: [String: Int] = [:]) {
        self.graph = graph.keepingWidest(Self.nodeLimit)
        self.mode = mode
        self.ranks = ranks
    }

    /// The `<div class="flame">` block: caption, graph and the hover line; empty for a graph of no bytes.
    public func render(title: String, caption: String) -> String {
        let total = graph.root.width
        guard total > 0 else { return "" }
        let height = (graph.depth + 1) * Self.rowHeight
        var parts = [
            "<div class=\"flame\">",
            "<h3>\(HTMLText.escape(title))</h3>",
            "<p class=\"caption\">\(HTMLText.escape(caption))</p>",
            "<svg class=\"graph\" width=\"100%\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">",
        ]
        parts.reserveCapacity(graph.nodes.count + 8)
        let maxDelta = graph.nodes.map { abs($0.head.bytes - $0.base.bytes) }.max() ?? 0
        // Each node's offset is its parent's plus the widths of the siblings before it.
        var offsets = [Int](repeating: 0, count: graph.nodes.count)
        for index in graph.nodes.indices {
            let node = graph.nodes[index]
            var offset = offsets[index]
            for child in node.children {
                offsets[child] = offset
                offset = offset.addingSaturated(graph.nodes[child].width)
            }
            parts.append(frame(node, offset: offsets[index], total: total, maxDelta: maxDelta))
        }
        parts.append("</svg>")
        parts.append("<p class=\"fg-status\">Hover a frame for its function, location, bytes and count; click to zoom in, click the top bar to zoom out.</p>")
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }

    private func frame(_ node: FlameGraph.Node, offset: Int, total: Int, maxDelta: Int) -> String {
        let x = percent(offset, of: total)
        let width = percent(node.width, of: total)
        let y = node.depth * Self.rowHeight
        let label = HTMLText.escape(Self.label(node.frame.function))
        return "<svg class=\"fg-n\" x=\"\(x)%\" y=\"\(y)\" width=\"\(width)%\" height=\"\(Self.rowHeight - 1)\">"
            + "<title>\(HTMLText.escape(tooltip(node, total: total)))</title>"
            + "<rect width=\"100%\" height=\"100%\" fill=\"\(colour(node, maxDelta: maxDelta))\"/>"
            + "<text x=\"3\" y=\"12\">\(label)</text></svg>"
    }

    private func tooltip(_ node: FlameGraph.Node, total: Int) -> String {
        var lines = [node.frame.function]
        let place = [node.frame.location, node.frame.library].compactMap { $0 }
        if !place.isEmpty { lines.append("at " + place.joined(separator: " in ")) }
        switch mode {
        case .leaked:
            lines.append("\(Self.bytes(node.head.bytes)) in \(node.head.count.formattedWithThousandsSeparators) \(node.head.count == 1 ? "leak" : "leaks") "
                + "(\(percent(node.head.bytes, of: total, digits: 1))%)")
        case .delta:
            let delta = node.head.bytes - node.base.bytes
            lines.append("base \(Self.bytes(node.base.bytes)) (\(node.base.count.formattedWithThousandsSeparators)) → "
                + "head \(Self.bytes(node.head.bytes)) (\(node.head.count.formattedWithThousandsSeparators)): "
                + (delta > 0 ? "+" : "") + Self.bytes(delta))
        }
        let ended = node.findings.compactMap { ranks[$0] }
        if !ended.isEmpty {
            let more = ended.count > Self.findingLimit ? " and \(ended.count - Self.findingLimit) more" : ""
            let names = ended.prefix(Self.findingLimit).map { "#\($0)" }.joined(separator: ", ") + more
            lines.append(ended.count == 1 ? "the stack of \(names) ends here" : "the stacks of \(names) end here")
        }
        return lines.joined(separator: "\n")
    }

    /// A C++ function's name without its parameter list (the tooltip has it whole), so that the
    /// part that tells frames apart fits in the box.
    static func label(_ function: String) -> String {
        guard let open = function.firstIndex(of: "("), open != function.startIndex else { return function }
        return String(function[..<open])
    }

    /// `1,234 B`.
    static func bytes(_ value: Int) -> String { "\(value.formattedWithThousandsSeparators) B" }

    private func percent(_ part: Int, of whole: Int, digits: Int = 4) -> String {
        String(format: "%.\(digits)f", Double(part) / Double(whole) * 100)
    }

    private func colour(_ node: FlameGraph.Node, maxDelta: Int) -> String {
        switch mode {
        case .leaked:
            guard node.depth > 0, node.frame.function != "?" else { return "#c8ccd0" }
            let shade = Self.shade(node.frame.function)
            let isUser = node.frame.location.flatMap { SourceLocation(parsing: $0) }.map { !$0.isLibrary } ?? false
            // User script frames in blue-green, daslib and C++ frames in the classic warm colours.
            return isUser ? rgb(80 + shade * 50 / 255, 160 + shade * 60 / 255, 200 + shade * 40 / 255)
                : rgb(220 + shade * 35 / 255, 120 + shade * 100 / 255, 40 + shade * 30 / 255)
        case .delta:
            let delta = node.head.bytes - node.base.bytes
            guard delta != 0, maxDelta > 0 else { return "#d6d8db" }
            // Bytes are sums of sizes, never negative, so a difference cannot overflow.
            let fade = 215 - Int(Double(abs(delta)) / Double(maxDelta) * 125)
            return delta > 0 ? rgb(240, fade, fade) : rgb(fade, fade, 240)
        }
    }

    private func rgb(_ red: Int, _ green: Int, _ blue: Int) -> String {
        "rgb(\(red),\(green),\(blue))"
    }

    /// 0…255 from the name (FNV-1a), so that a function keeps its shade from page to page.
    private static func shade(_ name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % 256)
    }
}
