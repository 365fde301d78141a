import LeakModel

/// Prints a typed report line exactly as the daslang runtime prints it: the inverse of
/// the parsers, down to tabs, trailing spaces and the `[I] ` logger marker. Each line's
/// rendering is declared with its shape in ``ReportLineGrammar``.
public enum ReportLineRenderer {
    /// The line as printed, marker included, without the newline.
    public static func render(_ recognized: RecognizedLine) -> String {
        (recognized.marker?.rawValue ?? "") + render(recognized.line)
    }

    /// The line's text as printed, without marker or newline.
    public static func render(_ line: ReportLine) -> String {
        ReportLineGrammar.render(line)
    }
}
