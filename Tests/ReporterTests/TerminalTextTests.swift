@testable import LeakReporters
import Testing
@testable import LeakTestSupport

/// Text taken from a log cannot steer the terminal or a CI runner through the text formats.
@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(TerminalText.safeLine("a\rb\nc\u{0}d\u{7F}e\u{85}f") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
    }

    @Test func colourSequencesStayOtherEscapesGo() {
        #expect(TerminalText.safeLine("\u{1B}[1mbold\u{1B}[0m") == "\u{1B}[1mbold\u{1B}[0m")
        #expect(TerminalText.safeLine("\u{1B}]0;title\u{7}x") == "\u{FFFD}]0;title\u{FFFD}x")
        #expect(TerminalText.safeLine("\u{1B}[2J") == "\u{FFFD}[2J")
    }

    @Test func tabsAndTextAreKept() {
        #expect(TerminalText.safeLine("context 'worker \"B\"'\tü ✓") == "context 'worker \"B\"'\tü ✓")
    }
}
