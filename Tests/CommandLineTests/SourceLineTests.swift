import Foundation
import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// The text and HTML formats show the source line a finding points at, with a caret under the
/// column, when the file is readable inside `--root` or the current directory — for real logs
/// next to the real scripts that printed them (`Tests/Fixtures/sources/programs`).
@Suite struct SourceLineTests {
    static let sources = Fixtures.directory.appendingPathComponent("sources")
    static let script = sources.appendingPathComponent("programs/combined_all.das")

    /// Line `number` of the corpus script.
    static func scriptLine(_ number: Int) throws -> String {
        let text = String(decoding: try Data(contentsOf: script), as: UTF8.self)
        return String(text.split(separator: "\n", omittingEmptySubsequences: false)[number - 1])
    }

    /// `text` written to a log in a fresh directory.
    static func log(_ text: String, in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("run.log").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theTextFormatShowsTheLineAndACaretUnderTheColumn() throws {
        let result = try CLIRunner.run(["--root", Self.sources.path, Fixtures.corpusPath("combined_all.log")])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let source = try Self.scriptLine(53)
        let shown = try #require(lines.firstIndex { $0.hasSuffix("53 | " + source) }, "\(result.stdout)")
        // The TypeDecl born at 53:37 is `int` in `type<int>`: daslang counts columns from 0.
        let caret = lines[shown + 1]
        let column = try #require(caret.firstIndex(of: "^")).utf16Offset(in: caret) - (lines[shown].count - source.count)
        let expected = source.range(of: "int>").map { source.distance(from: source.startIndex, to: $0.lowerBound) }
        #expect(column == expected)
        #expect(result.stderr.isEmpty)
    }

    @Test func sarifAndGitHubColumnsCountFromOneAtTheCharacterDaslangPointsAt() throws {
        // daslang prints `combined_all.das:53:37` for `int` in `type<int>`, counting from 0; SARIF's
        // startColumn and GitHub's col count from 1.
        let source = try Self.scriptLine(53)
        let int = try #require(source.range(of: "int>")).lowerBound
        let oneBased = source.distance(from: source.startIndex, to: int) + 1
        let sarif = try CLIRunner.run(["--format", "sarif", Fixtures.corpusPath("combined_all.log")])
        let region = { (column: Int) in try Regex("\"startColumn\": \(column),\\s+\"startLine\": 53\\b") }
        #expect(sarif.stdout.contains(try region(oneBased)))
        #expect(!sarif.stdout.contains(try region(oneBased - 1)))
        let github = try CLIRunner.run(["--format", "github", Fixtures.corpusPath("combined_all.log")])
        #expect(github.stdout.contains("line=53,col=\(oneBased),"))
        #expect(!github.stdout.contains("line=53,col=37,"))
    }

    @Test func aPathOfAnotherCheckoutIsFoundByItsTrailingComponents() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try LogEditing.corpusText("combined_all.log")
            .replacingOccurrences(of: "programs/combined_all.das", with: "/home/runner/work/x/y/programs/combined_all.das")
        let result = try CLIRunner.run(["--root", Self.sources.path, try Self.log(text, in: directory)])
        #expect(result.stdout.contains("66 | " + (try Self.scriptLine(66))))
    }

    @Test func withoutTheSourceNoLineIsShownAndNothingElseChanges() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = Fixtures.corpusPath("combined_all.log")
        let without = try CLIRunner.run(["--root", directory.path, log], directory: directory)
        let with = try CLIRunner.run(["--root", Self.sources.path, log], directory: directory)
        #expect(!without.stdout.contains(" | "))
        let shownLines = with.stdout.split(separator: "\n").filter { $0.contains(" | ") }
        #expect(!shownLines.isEmpty)
        #expect(with.stdout.split(separator: "\n").filter { !$0.contains(" | ") } == without.stdout.split(separator: "\n"))
        #expect(without.status == with.status && without.stderr.isEmpty)
    }

    @Test func aFileOutsideTheRootAndTheCurrentDirectoryIsNeverQuoted() throws {
        let outside = try CLIRunner.temporaryDirectory(), root = try CLIRunner.temporaryDirectory()
        defer { for url in [outside, root] { try? FileManager.default.removeItem(at: url) } }
        let secret = outside.appendingPathComponent("secret.das")
        try Data(String(repeating: "secret line\n", count: 100).utf8).write(to: secret)
        // Absolute, relative with `..`, and through a symbolic link inside the root.
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link.das"), withDestinationURL: secret)
        for path in [secret.path, "../" + outside.lastPathComponent + "/secret.das", "link.das"] {
            let text = try LogEditing.corpusText("combined_all.log").replacingOccurrences(of: "programs/combined_all.das", with: path)
            let result = try CLIRunner.run(["--root", root.path, try Self.log(text, in: root)], directory: root)
            #expect(!result.stdout.contains("secret line"), "\(path)")
            #expect(result.status == 1)
        }
    }

    @Test func theHTMLPageShowsTheLineToo() throws {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        _ = try CLIRunner.run(["--format", "html", "--output", page.path, "--root", Self.sources.path, Fixtures.corpusPath("combined_all.log")])
        let html = String(decoding: try Data(contentsOf: page), as: UTF8.self)
        #expect(html.contains("<pre class=\"source\">66 | " + HTMLText.escape(try Self.scriptLine(66))))
    }

    @Test func aSnippetKeepsTabsInTheCaretLineAndLeavesOutACaretBeyondTheLine() {
        var lines = SourceLines()
        lines.add("\tvar x = new Thing()", file: "a.das", line: 7)
        lines.add(String(repeating: "x", count: SourceLines.displayLimit + 50), file: "a.das", line: 8)
        // daslang's gen2 lexer counts a tab as one byte: `new` after one tab and 8 characters is column 9.
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 7, column: 9)) == ["7 | \tvar x = new Thing()", "  | \t        ^"])
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 7)) == ["7 | \tvar x = new Thing()"])
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 7, column: 40))?.count == 1)
        // Columns count bytes: `new` after `é` (two bytes) is column 15, the 15th character.
        lines.add("    s = \"é\" + new", file: "a.das", line: 9)
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 9, column: 15))?.last == "  | " + String(repeating: " ", count: 14) + "^")
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 8, column: 3))?.first?.hasSuffix("…") == true)
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "a.das", line: 10, column: 1)) == nil)
        #expect(lines.snippet(at: LeakModel.SourceLocation(file: "b.das", line: 7, column: 1)) == nil)
    }
}
