/// The one line that shows, on a terminal, how far reading a long input has got:
/// `leaktriage: reading run.log: 412.0 MiB of 1.0 GiB (40%), 850.3 MiB/s`.
public enum ProgressLine {
    /// The line for `read` bytes of the input called `name` (of `total` bytes when its size is
    /// known), `seconds` after reading it began; no longer than `width` characters when given
    /// (the name is shortened from the front, so that the line never wraps).
    public static func text(name: String, read: Int, total: Int?, seconds: Double, width: Int? = nil) -> String {
        let prefix = "leaktriage: reading "
        var suffix = ": \(size(read))"
        if let total, total > 0 { suffix += " of \(size(total)) (\(Int(min(100, Double(read) * 100 / Double(total))))%)" }
        if seconds > 0 { suffix += ", \(size(Int(Double(read) / seconds)))/s" }
        var shown = TerminalText.replacingControls(name)
        if let width {
            let room = width - prefix.count - suffix.count
            if shown.count > room { shown = room > 1 ? "…" + shown.suffix(room - 1) : "" }
        }
        return prefix + shown + suffix
    }

    /// `bytes` in binary units with one decimal: `512 B`, `1.5 KiB`, `412.0 MiB`, `1.0 GiB`.
    public static func size(_ bytes: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
