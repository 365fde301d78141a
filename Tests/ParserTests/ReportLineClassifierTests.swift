import Foundation
import LeakModel
@testable import LeakParsers
import Testing
@testable import LeakTestSupport

/// `ReportLineClassifier` alone: its byte-level routing never turns away a line the grammar
/// reads, and lines of other tools are ordinary output.
@Suite struct ReportLineClassifierTests {
    let classifier: ReportLineClassifier

    init() throws {
        classifier = try #require(ReportPatterns.shared.flatMap { try? ReportLineClassifier(patterns: $0) })
    }

    @Test("the first-byte routing lets through every line the classifier reads", arguments: Fixtures.corpusNames)
    func routingKeepsEveryReportLine(_ name: String) throws {
        var stripper = CIPrefixStripper()
        for line in try CIPrefixStripperTests.lines(of: name) {
            line.withUnsafeBytes { raw in
                stripper.clean(raw, firstLine: false, hasEscape: line.contains(0x1B)) { cleaned in
                    let reading = classifier.classifyGeneral(cleaned.content, cut: false)
                    guard !reading.isOrdinary else { return }
                    #expect(classifier.mayStartReportLine(cleaned.content), "\(name): \(String(decoding: line, as: UTF8.self))")
                    #expect(classifier.filter.mayMatter(cleaned.content), "\(name): \(String(decoding: line, as: UTF8.self))")
                }
            }
        }
    }

    @Test("every line the parser recognised may matter to a report", arguments: Fixtures.corpusNames)
    func recognisedLinesAreNeverSetAside(_ name: String) throws {
        // A parallel read passes on lines for which `ReportLineFilter.mayMatter` is false as a bare count.
        let bytes = try Fixtures.corpus(name)
        let lines = try CIPrefixStripperTests.lines(of: name)
        var stripper = CIPrefixStripper()
        for case let .line(recognized) in try Fixtures.events(bytes) {
            let line = lines[recognized.position.line - 1]
            line.withUnsafeBytes { raw in
                stripper.clean(raw, firstLine: recognized.position.line == 1, hasEscape: line.contains(0x1B)) { cleaned in
                    #expect(classifier.filter.mayMatter(cleaned.content),
                            "\(name):\(recognized.position.line): \(String(decoding: line, as: UTF8.self))")
                }
            }
        }
    }

    @Test("other tools' lines are ordinary output", arguments: try LookAlikeLog.templates())
    func lookAlikeLinesAreOrdinary(_ template: LookAlikeLog.Template) {
        var stripper = CIPrefixStripper()
        for seed in UInt64(1)...20 {
            let line = Array(LookAlikeLog.line(template, seed: seed, wrapping: .bare).dropLast())
            line.withUnsafeBytes { raw in
                stripper.clean(raw, firstLine: false, hasEscape: false) { cleaned in
                    let reading = classifier.classifyGeneral(cleaned.content, cut: false)
                    #expect(reading.isOrdinary, "\(template.tool): \(String(decoding: line, as: UTF8.self)) read as \(reading)")
                }
            }
        }
    }

    @Test func aCutReportLineIsNamedNotRead() throws {
        // A report header longer than the splitter keeps is half-recognised, never a report line.
        let header = try #require(try CIPrefixStripperTests.lines(of: "gc_app_leak.log").first {
            String(decoding: $0, as: UTF8.self).hasPrefix("GC APP LEAK")
        })
        header.withUnsafeBytes { raw in
            guard case .line = classifier.classifyGeneral(raw, cut: false) else {
                Issue.record("the whole header is not read")
                return
            }
            guard case .halfRecognised = classifier.classifyGeneral(raw, cut: true) else {
                Issue.record("the cut header is not named")
                return
            }
        }
    }
}
