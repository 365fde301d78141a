/// Escapes log text for HTML and the SVG inside it, in element content and in quoted
/// attributes alike: `&` `<` `>` `"` `'` become entities, so text cannot open a tag, end an
/// attribute or start a comment; control characters become U+FFFD (see ``XMLText``), which the
/// HTML parser would otherwise report or drop.
public enum HTMLText {
    /// `text`, safe anywhere on the page but inside `<script>` and `<style>` (where log text never goes).
    public static func escape(_ text: String) -> String {
        XMLText.escapeAttribute(text)
    }
}
