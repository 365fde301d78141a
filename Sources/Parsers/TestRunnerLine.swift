import Foundation
import LeakModel

/// Recognises the lines of daslang's test runner `dastest` (colour and `[I] ` already removed):
/// `=== RUN 'name'` (tab-indented for subtests), `PASS <file>.das (0.3s)` / `FAIL …` (the file
/// may be a `file://` URI), and the
/// summary `6 tests, 6 passed, 0 failed, 0 errors, 0 skipped`. Other tools' look-alikes
/// (`=== RUN   TestFoo` of `go test`, `PASS` alone) are not these: the quotes, the `.das`
/// file with its time in parentheses and the `tests, … passed` words are required.
enum TestRunnerLine {
    /// What `line` says, or nil when it is no dastest line. Turned away on its bytes (``mayBeRunnerLine(_:)``).
    static func kind(of line: UnsafeRawBufferPointer) -> TestRunnerEvent.Kind? {
        switch candidate(line) {
        case .fileFinished?: return fileFinished(line)
        case .testStarted?: return testStarted(line)
        case .summary?: return summary(line)
        case nil: return nil
        }
    }

    /// Whether `line` may be a dastest line: the byte-level part of ``kind(of:)``, which only a
    /// line that passes it goes on to (it builds strings). A few byte comparisons for most lines.
    static func mayBeRunnerLine(_ line: UnsafeRawBufferPointer) -> Bool {
        candidate(line) != nil
    }

    /// The dastest lines a line may be, told by its bytes.
    private enum Candidate {
        case fileFinished, testStarted, summary
    }

    private static func candidate(_ line: UnsafeRawBufferPointer) -> Candidate? {
        guard let first = line.first else { return nil }
        switch first {
        case UInt8(ascii: "P"), UInt8(ascii: "F"):
            return mayBeFileFinished(line) ? .fileFinished : nil
        case UInt8(ascii: "="), UInt8(ascii: "\t"):
            return mayBeTestStarted(line) ? .testStarted : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return mayBeSummary(line) ? .summary : nil
        default:
            return nil
        }
    }

    /// `PASS ` or `FAIL `, and the time in parentheses last (trailing blanks aside).
    private static func mayBeFileFinished(_ line: UnsafeRawBufferPointer) -> Bool {
        guard ByteText.hasPrefix(line, "PASS ") || ByteText.hasPrefix(line, "FAIL ") else { return false }
        var last = line.count - 1
        while last >= 5, line[last] == 0x20 || line[last] == 0x0D || line[last] == 0x09 { last -= 1 }
        return last >= 5 && line[last] == UInt8(ascii: ")")
    }

    /// Tabs, then `=== RUN '`.
    private static func mayBeTestStarted(_ line: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < line.count, line[start] == UInt8(ascii: "\t") { start += 1 }
        return ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[start...]), "=== RUN '")
    }

    private static func fileFinished(_ line: UnsafeRawBufferPointer) -> TestRunnerEvent.Kind? {
        let passed = ByteText.hasPrefix(line, "PASS ")
        if isASCII(line) { return asciiFileFinished(line, passed: passed) }
        let text = trimmed(ByteText.string(line, 5..<line.count))
        // `<file>.das (<time>)`: the time is the last parenthesised group. With `--uri-paths`
        // the runner prints the file as a `file://` URI.
        guard text.hasSuffix(")"), let open = text.range(of: ".das (", options: .backwards) else { return nil }
        var file = Substring(text[..<open.lowerBound]) + ".das"
        let time = text[open.upperBound...].dropLast()
        guard !time.isEmpty, time.first?.isNumber == true, !time.contains("(") else { return nil }
        if file.hasPrefix("file://") { file = file.dropFirst(7) }
        return .fileFinished(file: String(file), passed: passed)
    }

    private static func testStarted(_ line: UnsafeRawBufferPointer) -> TestRunnerEvent.Kind? {
        var start = 0
        while start < line.count, line[start] == UInt8(ascii: "\t") { start += 1 }
        let rest = UnsafeRawBufferPointer(rebasing: line[start...])
        guard ByteText.hasPrefix(rest, "=== RUN '") else { return nil }
        let text = trimmed(ByteText.string(rest, 9..<rest.count))
        guard text.hasSuffix("'") else { return nil }
        return .testStarted(name: String(text.dropLast()))
    }

    private static func summary(_ line: UnsafeRawBufferPointer) -> TestRunnerEvent.Kind? {
        guard ByteText.contains(line, " passed, ") else { return nil }
        if isASCII(line) { return isASCIISummary(line) ? .summary : nil }
        let text = trimmed(ByteText.string(line, 0..<line.count))
        let parts = text.split(separator: ",").map { $0.split(separator: " ") }
        guard parts.count >= 2, parts[0].count == 2, parts[0][0].allSatisfy(\.isNumber), parts[0][1] == "tests" || parts[0][1] == "test",
              parts[1].count == 2, parts[1][0].allSatisfy(\.isNumber), parts[1][1] == "passed" else { return nil }
        return .summary
    }

    /// Whether `line` (digit-led) starts as the summary must: its count, spaces, then `test`. A
    /// count followed by a byte beyond ASCII may still be numeric (`isNumber` reads Unicode): the
    /// full check decides those.
    private static func mayBeSummary(_ line: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < line.count, line[index] >= 0x30, line[index] <= 0x39 { index += 1 }
        guard index < line.count else { return false }
        if line[index] >= 0x80 { return true }
        guard line[index] == 0x20 else { return false }
        while index < line.count, line[index] == 0x20 { index += 1 }
        return ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[index...]), "test")
    }

    // MARK: ASCII lines, read on their bytes exactly as the string code above reads them

    private static func isASCII(_ line: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 8 <= line.count {
            guard line.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return false }
            index += 8
        }
        while index < line.count {
            guard line[index] < 0x80 else { return false }
            index += 1
        }
        return true
    }

    /// The end of `line` without its trailing spaces, tabs and carriage returns, from `start` on.
    private static func trimmedEnd(_ line: UnsafeRawBufferPointer, from start: Int) -> Int {
        var end = line.count
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x0D || line[end - 1] == 0x09 { end -= 1 }
        return end
    }

    /// ``fileFinished(_:)`` of an ASCII line.
    private static func asciiFileFinished(_ line: UnsafeRawBufferPointer, passed: Bool) -> TestRunnerEvent.Kind? {
        let end = trimmedEnd(line, from: 5)
        guard end > 5, line[end - 1] == UInt8(ascii: ")") else { return nil }
        // The last `.das (` of the text.
        var open = end - 6
        while open >= 5, !ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[open..<end]), ".das (") { open -= 1 }
        guard open >= 5 else { return nil }
        let time = (open + 6)..<(end - 1)
        guard !time.isEmpty, line[time.lowerBound] >= 0x30, line[time.lowerBound] <= 0x39,
              !line[time].contains(UInt8(ascii: "(")) else { return nil }
        var fileStart = 5
        if ByteText.hasPrefix(UnsafeRawBufferPointer(rebasing: line[5..<(open + 4)]), "file://") { fileStart += 7 }
        return .fileFinished(file: ByteText.string(line, fileStart..<(open + 4)), passed: passed)
    }

    /// ``summary(_:)`` of an ASCII line: its first two comma-separated parts (empty ones skipped)
    /// are `<digits> test(s)` and `<digits> passed`, as space-separated words.
    private static func isASCIISummary(_ line: UnsafeRawBufferPointer) -> Bool {
        let end = trimmedEnd(line, from: 0)
        var parts: [Range<Int>] = []
        var start = 0
        for index in 0...end where index == end || line[index] == UInt8(ascii: ",") {
            if index > start { parts.append(start..<index) }
            start = index + 1
            if parts.count == 2 { break }
        }
        guard parts.count == 2 else { return false }
        let first = words(line, parts[0]), second = words(line, parts[1])
        guard first.count == 2, second.count == 2, isDigits(line, first[0]), isDigits(line, second[0]) else { return false }
        let unit = UnsafeRawBufferPointer(rebasing: line[first[1]])
        return (ByteText.equals(unit, "tests") || ByteText.equals(unit, "test"))
            && ByteText.equals(UnsafeRawBufferPointer(rebasing: line[second[1]]), "passed")
    }

    /// The space-separated words of `range` (empty ones skipped), up to three.
    private static func words(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = range.lowerBound
        for index in range.lowerBound...range.upperBound where index == range.upperBound || line[index] == 0x20 {
            if index > start { words.append(start..<index) }
            start = index + 1
            if words.count == 3 { break }
        }
        return words
    }

    private static func isDigits(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        line[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let last = slice.last, last == " " || last == "\r" || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
