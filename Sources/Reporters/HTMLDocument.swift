import Foundation
import LeakModel

/// The shell every HTML page of leaktriage shares (`run`, `diff`, and any later page): one
/// self-contained file with its style and script inline, nothing fetched from anywhere.
///
/// Log text only ever reaches the page through ``HTMLText``; on top of that the page's content
/// security policy lets no script run but this file's own (named by its SHA-256) and loads
/// nothing, so even a mistake in escaping could not run a log's script or call home.
///
/// A new page (a `trend` of several runs, say) builds its body from the same parts —
/// ``HTMLSections`` (totals of any number of runs, events, diagnostics), `HTMLFindingCard` and
/// ``FlameGraphSVG`` — and wraps it with ``page(title:body:)``: style and script come along.
public enum HTMLDocument {
    /// The whole page: `title` (escaped here) and `body`, already markup.
    public static func page(title: String, body: String) -> String {
        opening(title: title) + body + closing
    }

    /// The page up to its body's content, for a page written in pieces:
    /// `opening(title:)`, the body, then ``closing``.
    public static func opening(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="leaktriage">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
    }

    /// The rest of the page after its body's content: the script and the closing tags.
    public static let closing = """

        <script>\(script)</script>
        </body>
        </html>

        """

    /// The content security policy's name for ``script``: `sha256-` and the base64 digest.
    static let scriptHash = "sha256-" + Data(SHA256.digest(Array(script.utf8))).base64EncodedString()

    static let style = """

        :root{--fg:#1d2126;--dim:#5d6670;--line:#d8dde3;--bg:#fff;--panel:#f5f7f9;--error:#c62828;--warning:#a15c00;--note:#00718f;--new:#c62828;--fixed:#2e7d32}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1280px;padding:16px 24px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:22px;margin:8px 0 4px}h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
        h3{font-size:15px;margin:0;display:inline;font-weight:600;overflow-wrap:anywhere}
        code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        code{overflow-wrap:anywhere}
        a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}
        .inputs{color:var(--dim);margin:0 0 8px;overflow-wrap:anywhere}
        .verdict{font-size:16px;font-weight:600;margin:8px 0}
        .verdict.fail{color:var(--error)}.verdict.pass{color:var(--fixed)}
        .banner{border:1px solid #e0b252;background:#fff7e0;padding:8px 12px;border-radius:6px;margin:8px 0}
        nav{margin:8px 0 0;color:var(--dim)}nav a{margin-right:14px}
        table.totals{border-collapse:collapse;margin:8px 0}
        table.totals th,table.totals td{padding:3px 14px 3px 0;text-align:left;border-bottom:1px solid var(--line)}
        table.totals td.num,table.totals th.num{text-align:right;font-variant-numeric:tabular-nums}
        .finding{border:1px solid var(--line);border-left:4px solid var(--error);border-radius:6px;padding:8px 12px;margin:8px 0;background:var(--bg)}
        .finding.sev-warning{border-left-color:var(--warning)}.finding.sev-note{border-left-color:var(--note)}
        .finding.depth-1{margin-left:32px}.finding.depth-2{margin-left:64px}.finding.depth-3{margin-left:96px}
        .finding:target{box-shadow:0 0 0 3px #9cc3ef}
        .rank{color:var(--dim);font-weight:600;margin-right:4px}
        .badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;padding:0 6px;border-radius:3px;margin-right:6px;color:#fff;background:var(--error);vertical-align:1px}
        .badge.after{background:#8a6d3b}.badge.note{background:var(--note)}.badge.new{background:var(--new)}.badge.fixed{background:var(--fixed)}.badge.persisting{background:#546e7a}
        .meta{color:var(--dim);margin:4px 0 0}.meta b{color:var(--fg)}
        .source{background:var(--panel);border-radius:4px;padding:6px 8px;margin:6px 0 0;overflow-x:auto;tab-size:4}
        .next{margin:6px 0 0;display:flex;gap:8px;align-items:baseline}
        .next code{background:var(--panel);padding:2px 6px;border-radius:4px;user-select:all;flex:0 1 auto}
        button{font:inherit;font-size:12px;border:1px solid var(--line);background:var(--bg);border-radius:4px;padding:1px 8px;cursor:pointer}
        .lines{color:var(--dim);margin:6px 0 0;font-size:12.5px}
        .delta{font-weight:600}.delta.up{color:var(--new)}.delta.down{color:var(--fixed)}
        details{margin:6px 0 0}summary{cursor:pointer;color:var(--dim)}
        ol.stack{margin:4px 0 0;padding-left:28px}ol.stack li{overflow-wrap:anywhere}
        .diagnostics li{margin:2px 0;overflow-wrap:anywhere}.sev{font-weight:600}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.note{color:var(--note)}
        .flame{margin:8px 0 20px}.flame .caption{color:var(--dim);margin:0 0 6px}
        .flame svg.graph{display:block;width:100%;border:1px solid var(--line);border-radius:4px;background:#fbfbfb}
        .flame svg.fg-n{cursor:pointer}.flame svg.fg-n rect{stroke:#fff;stroke-width:.5}.flame svg.fg-n:hover rect{stroke:#000;stroke-width:1}
        .flame text{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#111;pointer-events:none}
        .fg-status{min-height:2.9em;white-space:pre-line;color:var(--dim);font-size:12.5px;margin:4px 0 0}
        .empty{color:var(--dim)}
        footer{margin-top:32px;color:var(--dim);font-size:12px}

        """

    /// Copy buttons, and the flame graphs' zoom (click a frame; click the root to zoom out) and
    /// hover details. Reads the page's own attributes and sets text only, never markup.
    static let script = """

        (function () {
          function status(node) {
            var graph = node.closest('.flame'), line = graph && graph.querySelector('.fg-status'), title = node.querySelector('title');
            if (line && title) line.textContent = title.textContent;
          }
          function zoom(node) {
            var nodes = node.closest('.flame').querySelectorAll('svg.fg-n');
            nodes.forEach(function (n) {
              if (n.dataset.x === undefined) { n.dataset.x = parseFloat(n.getAttribute('x')); n.dataset.w = parseFloat(n.getAttribute('width')); }
            });
            var x0 = +node.dataset.x, w0 = +node.dataset.w;
            nodes.forEach(function (n) {
              var x = +n.dataset.x, w = +n.dataset.w, a = Math.max(x, x0), b = Math.min(x + w, x0 + w0);
              if (b - a <= w0 * 1e-9) { n.style.display = 'none'; return; }
              n.style.display = '';
              n.setAttribute('x', ((a - x0) / w0 * 100).toFixed(4) + '%');
              n.setAttribute('width', ((b - a) / w0 * 100).toFixed(4) + '%');
            });
          }
          document.addEventListener('click', function (event) {
            var copy = event.target.closest('button.copy');
            if (copy) {
              var code = copy.parentNode.querySelector('code');
              // The clipboard API needs a secure context; elsewhere select the command for Ctrl+C.
              var copied = code && navigator.clipboard && window.isSecureContext;
              if (copied) navigator.clipboard.writeText(code.textContent);
              else if (code) window.getSelection().selectAllChildren(code);
              copy.textContent = copied ? 'copied' : 'selected';
              setTimeout(function () { copy.textContent = 'copy'; }, 1500);
              return;
            }
            var node = event.target.closest('svg.fg-n');
            if (node) { zoom(node); status(node); }
          });
          document.addEventListener('mouseover', function (event) {
            var node = event.target.closest && event.target.closest('svg.fg-n');
            if (node) status(node);
          });
        })();

        """
}
