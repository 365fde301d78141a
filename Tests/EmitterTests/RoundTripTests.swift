import LeakEmitters
import LeakModel
import Testing
@testable import LeakTestSupport

/// Every recognised line of every corpus log renders back to exactly the original bytes:
/// the parser keeps every field, and the renderer prints it as daslang does.
@Suite struct RoundTripTests {
    @Test("corpus report lines render back byte for byte", arguments: Fixtures.corpusNames)
    func recognisedLinesRenderBack(name: String) throws {
        let bytes = try Fixtures.corpus(name)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> String in
            var text = Array(line)
            if text.last == 0x0D { text.removeLast() }
            return String(decoding: text, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        var recognised = 0
        for event in try Fixtures.events(bytes) {
            guard case let .line(line) = event else { continue }
            recognised += 1
            #expect(ReportLineRenderer.render(line) == lines[line.position.line - 1], "\(name):\(line.position.line)")
        }
        let expectsReports = !CorpusExpectation.all.first { $0.name == name }!.counts.isEmpty
        if expectsReports { #expect(recognised > 0) }
    }
}
