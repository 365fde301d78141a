import Foundation
import LeakEmitters
import LeakModel
@testable import LeakParsers
import Testing
@testable import LeakTestSupport

/// The grammar table (``ReportLineGrammar``) is the one source of every report line: each
/// shape's examples are real corpus lines, read back to that shape in its scope and rendered
/// byte for byte; and a shape declared in a test is read with nothing else changed.
@Suite struct ReportLineGrammarTests {
    /// Every example with the index of its shape.
    static let examples: [(shape: Int, line: String)] = ReportLineGrammar.shapes.enumerated().flatMap { index, shape in
        shape.examples.map { (index, $0) }
    }

    /// Every line of every corpus log, without its logger marker.
    static let corpusLines: Set<String> = {
        var lines = Set<String>()
        for name in Fixtures.corpusNames {
            guard let bytes = try? Fixtures.corpus(name) else { continue }
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                var text = String(decoding: line, as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                for marker in ["[I] ", "[W] ", "[E] "] where text.hasPrefix(marker) { text.removeFirst(marker.count) }
                lines.insert(text)
            }
        }
        return lines
    }()

    @Test("every example is a real corpus line", arguments: examples.map(\.line))
    func examplesAreRealLines(line: String) {
        let isReal = Self.corpusLines.contains(line)
        #expect(isReal)
    }

    @Test("every example reads back to its shape in its scope and renders byte for byte", arguments: examples.indices)
    func examplesReadAndRenderBack(index: Int) throws {
        let (shapeIndex, example) = Self.examples[index]
        let shape = ReportLineGrammar.shapes[shapeIndex]
        let classifier = try #require(ReportPatterns.shared.flatMap { try? ReportLineClassifier(patterns: $0) })
        let read = try #require(Self.read(example, in: shape, classifier), "\(example)")
        #expect(shape.render(read) == example)
        #expect(ReportLineRenderer.render(read) == example)
    }

    @Test func everyCaseOfTheCorpusHasAShapeWithAnExample() {
        // Orphan frees are printed only by a C++ report with frees before arming; no corpus log has one.
        let withoutExamples = ReportLineGrammar.shapes.filter { $0.examples.isEmpty }.map { "\($0.start)" }
        #expect(withoutExamples == ["Orphan frees"])
    }

    @Test func aShapeDeclaredInATestIsReadAndRendered() throws {
        // A made-up shape: one declaration, appended to the grammar.
        let extra = ReportLineShape(
            name: "test marker line", scope: .anywhere, start: "TESTMARK ", structure: [.digits], pattern: "([0-9]+) units",
            build: { captures in captures.decimal(1).map { .crash(description: "\($0) units") } },
            render: { _ in nil }, examples: [])
        let patterns = try ReportPatterns(shapes: ReportLineGrammar.shapes + [extra])
        let classifier = try ReportLineClassifier(patterns: patterns)
        let line = Array("TESTMARK 12 units".utf8)
        let reading = line.withUnsafeBytes { bytes in
            (classifier.mayStartReportLine(bytes), classifier.classifyGeneral(bytes, cut: false))
        }
        #expect(reading.0)
        guard case let .line(.crash(description)) = reading.1 else {
            Issue.record("not read: \(reading.1)")
            return
        }
        #expect(description == "12 units")
        let corrupt = Array("TESTMARK 12 apples".utf8)
        let named = corrupt.withUnsafeBytes { classifier.classifyGeneral($0, cut: false) }
        guard case let .halfRecognised(name) = named else {
            Issue.record("not named: \(named)")
            return
        }
        #expect(name == "test marker line")
    }

    /// The line as read where a line of `shape` is read.
    private static func read(_ example: String, in shape: ReportLineShape, _ classifier: ReportLineClassifier) -> ReportLine? {
        Array(example.utf8).withUnsafeBytes { line in
            switch shape.scope {
            case .anywhere:
                guard case let .line(read) = classifier.classifyGeneral(line, cut: false) else { return nil }
                return read
            case .inside(.profilerBlock):
                return classifier.classifyProfilerFrame(line)
            case .inside(.exception):
                return classifier.classifyExceptionLocation(line)
            case .inside(.smartPointerDump):
                return classifier.classifySmartPointer(line)
            case .inside(.stringHeapChunk):
                return classifier.classifyHeapString(line, indent: shape.start.utf8CodeUnitCount)
            case .inside(.cppReport):
                return classifier.classifyCppBody(line)
            case .inside:
                return classifier.classifyHeapBody(line)
            }
        }
    }
}
