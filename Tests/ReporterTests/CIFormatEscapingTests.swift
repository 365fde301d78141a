import Foundation
import LeakReporters
import PropertyBased
import Testing
@testable import LeakTestSupport

/// The escaping helpers of the CI formats, each on its own: GitHub workflow commands, XML,
/// Markdown, URIs, and paths made relative to the root.
@Suite struct CIFormatEscapingTests {
    /// What escaping keeps of any text: control characters but tab, CR and LF become U+FFFD
    /// (for XML, the C1 controls too).
    static func sanitized(_ text: String, c1: Bool = false) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            let control = (scalar.value < 0x20 && !["\t", "\r", "\n"].contains(scalar)) || scalar.value == 0x7F
            return control || c1 && (0x80...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
        }))
    }

    // MARK: GitHub workflow commands

    @Test func gitHubMessagesEscapePercentCarriageReturnAndLineFeed() {
        #expect(GitHubWorkflowCommand.escapeData("100%\r\n:,") == "100%25%0D%0A:,")
        #expect(GitHubWorkflowCommand.escapeData("%0A") == "%250A")
    }

    @Test func gitHubPropertiesAlsoEscapeColonAndComma() {
        #expect(GitHubWorkflowCommand.escapeProperty("100%\r\n:,") == "100%25%0D%0A%3A%2C")
        #expect(GitHubWorkflowCommand.escapeProperty("a:b,c.das") == "a%3Ab%2Cc.das")
    }

    @Test func gitHubEscapingHidesOtherControlCharacters() {
        #expect(GitHubWorkflowCommand.escapeData("\u{1B}[31m\u{00}\u{07}\tx\u{7F}") == "\u{FFFD}[31m\u{FFFD}\u{FFFD}\tx\u{FFFD}")
    }

    @Test func aWorkflowCommandIsOneLineTheRunnerReadsBack() throws {
        let command = GitHubWorkflowCommand(
            name: "error", properties: [("file", "a,b:c.das"), ("line", "3"), ("col", ""), ("title", "x\n::warning::y")],
            message: "first\r\n::error::second %")
        #expect(command.rendered == "::error file=a%2Cb%3Ac.das,line=3,title=x%0A%3A%3Awarning%3A%3Ay::first%0D%0A::error::second %25")
        let read = try #require(GitHubCommandLine(command.rendered[...]))
        #expect(read.name == "error")
        #expect(read.properties == ["file": "a,b:c.das", "line": "3", "title": "x\n::warning::y"])
        #expect(read.message == "first\r\n::error::second %")
    }

    @Test func anyTextSurvivesTheRunnersUnescapingAndStaysOnOneLine() async {
        await propertyCheck(count: 300, input: Gen.latin1.string(of: 0...40)) { text in
            let property = GitHubWorkflowCommand.escapeProperty(text)
            let data = GitHubWorkflowCommand.escapeData(text)
            #expect(!property.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "," || $0 == ":" })
            #expect(!data.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            #expect(GitHubCommandLine.unescape(property[...], property: true) == Self.sanitized(text))
            #expect(GitHubCommandLine.unescape(data[...], property: false) == Self.sanitized(text))
        }
    }

    // MARK: XML

    @Test func xmlEscapesMarkupAndQuotes() {
        #expect(XMLText.escapeText("<a & \"b\" 'c'>]]>") == "&lt;a &amp; \"b\" 'c'&gt;]]&gt;")
        #expect(XMLText.escapeAttribute("<a & \"b\" 'c'>") == "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;")
        #expect(XMLText.escapeAttribute("1\t2\n3\r") == "1&#9;2&#10;3&#13;")
        #expect(XMLText.escapeText("1\t2\n3\r") == "1\t2\n3&#13;")
    }

    @Test func xmlReplacesCharactersXML10CannotHold() {
        #expect(XMLText.escapeText("\u{00}\u{1B}\u{08}\u{FFFE}\u{FFFF}\u{7F}\u{85}é") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}é")
    }

    @Test func anyTextParsesBackFromAnXMLAttributeAndElement() async {
        await propertyCheck(count: 200, input: Gen.latin1.string(of: 0...40)) { text in
            let document = "<a v=\"\(XMLText.escapeAttribute(text))\" w='\(XMLText.escapeAttribute(text))'>\(XMLText.escapeText(text))</a>"
            guard let element = (try? XMLElements.parse(document))?.first else {
                Issue.record("not well-formed: \(document.debugDescription) \(text.unicodeScalars.map(\.value))")
                return
            }
            let expected = Self.sanitized(text, c1: true)
            #expect(element.attributes["v"] == expected, "\(text.unicodeScalars.map(\.value))")
            #expect(element.attributes["w"] == expected)
            #expect(element.text == expected)
        }
    }

    // MARK: Markdown

    @Test func markdownShowsMarkupAsWritten() {
        #expect(MarkdownText.escape("a|b *c* _d_ [e](f) `g` ~h~ \\") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\~h\\~ \\\\")
        #expect(MarkdownText.escape("<script>&amp;") == "&lt;script&gt;&amp;amp;")
    }

    @Test func markdownKeepsLineBreaksInsideATableCell() {
        #expect(MarkdownText.escape("x\r\ny\nz\rw") == "x<br>y<br>z<br>w")
        #expect(MarkdownText.escape("a\tb\u{1B}c\u{00}") == "a b\u{FFFD}c\u{FFFD}")
    }

    @Test func anyTextStaysInOneTableCell() async {
        await propertyCheck(count: 200, input: Gen.latin1.string(of: 0...40)) { text in
            let escaped = MarkdownText.escape(text)
            #expect(!escaped.contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            #expect(!escaped.replacingOccurrences(of: "\\|", with: "").contains("|"))
            #expect(!escaped.replacingOccurrences(of: "<br>", with: "").contains("<"))
        }
    }

    // MARK: URIs

    @Test func urisPercentEncodeEverythingButUnreservedCharactersAndSlashes() {
        #expect(URIReference.from(path: "src/a b%,:#?.das") == "src/a%20b%25%2C%3A%23%3F.das")
        #expect(URIReference.from(path: "/home/ci/é.das") == "file:///home/ci/%C3%A9.das")
        #expect(URIReference.from(path: "c:x.das") == "c%3Ax.das")
        #expect(URIReference.directory("/work/project") == "file:///work/project/")
        #expect(URIReference.directory("/") == "file:///")
    }

    // MARK: Paths

    static let resolutions: [(path: String, expected: String)] = [
        ("programs/x.das", "sub/programs/x.das"),
        ("/work/project/src/a.das", "src/a.das"),
        ("/work/projectile/a.das", "/work/projectile/a.das"),
        ("../other/x.das", "other/x.das"),
        ("../../outside.das", "/work/outside.das"),
        ("./a/./b/../c.das", "sub/a/c.das"),
        ("//work//project///src/b.das", "src/b.das"),
        ("/work/project", "."),
        ("/../../etc/x", "/etc/x"),
        ("-", "-"),
        ("<built-in>", "<built-in>"),
        ("", ""),
    ]

    @Test("paths resolve against the working directory, relative to the root", arguments: resolutions)
    func pathsResolveRelativeToTheRoot(path: String, expected: String) {
        let resolver = PathResolver(root: "/work/project/", workingDirectory: "/work/project/sub")
        #expect(resolver.resolve(path) == expected)
    }

    @Test func withoutARootPathsStayAsPrinted() {
        #expect(PathResolver(root: nil).resolve("./a/../b.das") == "./a/../b.das")
        #expect(PathResolver(root: "relative/root").resolve("/abs/x.das") == "/abs/x.das")
        #expect(PathResolver(root: "/").resolve("/a/b.das") == "a/b.das")
        #expect(PathResolver(root: "/work").resolve("x.das") == "x.das")
    }
}
