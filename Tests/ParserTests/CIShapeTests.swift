import LeakModel
import Testing
@testable import LeakTestSupport

/// The corpus logs reshaped the way CI systems and terminals present them must give the same counts.
@Suite struct CIShapeTests {
    static let shapes: [CIShape] = CIShape.allCases

    @Test("CI-shaped corpus logs give INDEX.md's counts", arguments: CorpusExpectation.all.filter { !$0.counts.isEmpty }, shapes)
    func reshapedLogsKeepTheirCounts(expected: CorpusExpectation, shape: CIShape) throws {
        let original = try Fixtures.corpus(expected.name)
        let report = try Fixtures.analyse([shape.apply(to: original)], chunkSize: 777)
        CorpusAssertions.expectSummary(report, expected.counts, context: "\(expected.name) as \(shape)")
    }

    @Test func severalInputsAddUp() throws {
        let names = ["gc_app_leak.log", "hv_server_leak.log", "profiler_basic.log"]
        let report = try Fixtures.analyse(try names.map { try Fixtures.corpus($0) })
        CorpusAssertions.expectSummary(
            report, [.gcNode: (12, nil), .handleRegistry: (5, nil), .profiler: (7, 0x3d0)], context: "three inputs")
        #expect(Set(report.findings.flatMap(\.occurrences).map(\.input)) == [0, 1, 2])
    }

    @Test func aHeapStringThatLooksLikeAReportIsData() throws {
        // A string-heap string holding report text, made by editing one real string row's text.
        var text = String(decoding: try Fixtures.corpus("heap_report_linear.log"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\tkey_0\n", with: "\tGC APP LEAK: 3 gc_node(s) after execution\n")
        text = text.replacingOccurrences(of: "\tkey_1\n", with: "\t  JobStatus #1 (rc=1) Channel created at x.das:1:1\n")
        let report = try Fixtures.analyse([Array(text.utf8)])
        CorpusAssertions.expectSummary(report, [.heapReport: (2, 3920 + 960)], context: "string that looks like a report")
    }
}

/// The ways CI systems present a log, applied to real corpus bytes.
enum CIShape: CaseIterable, CustomTestStringConvertible, Sendable {
    /// Every line in one of the ways a CI system, log plugin or terminal wraps it.
    case wrapped(CIWrapping)
    case bomAndCRLF
    case groupMarkers
    case interleavedOutput
    case invalidUTF8Noise

    static var allCases: [CIShape] {
        CIWrapping.allCases.map(CIShape.wrapped) + [.bomAndCRLF, .groupMarkers, .interleavedOutput, .invalidUTF8Noise]
    }

    var testDescription: String {
        switch self {
        case let .wrapped(wrapping): return wrapping.rawValue
        case .bomAndCRLF: return "bomAndCRLF"
        case .groupMarkers: return "groupMarkers"
        case .interleavedOutput: return "interleavedOutput"
        case .invalidUTF8Noise: return "invalidUTF8Noise"
        }
    }

    func apply(to bytes: [UInt8]) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var output: [[UInt8]] = []
        for (index, line) in lines.enumerated() {
            switch self {
            case let .wrapped(wrapping):
                output.append(wrapping.apply(line))
            case .bomAndCRLF:
                output.append((index == 0 ? [0xEF, 0xBB, 0xBF] : []) + line + [0x0D])
            case .groupMarkers:
                if index % 9 == 0 { output.append(Array("##[group]Run step \(index)".utf8)) }
                output.append(line)
                if index % 9 == 4 { output.append(Array("##[endgroup]".utf8)) }
            case .interleavedOutput:
                output.append(line)
                if index % 5 == 2 { output.append(Array("[ RUN      ] unrelated test output \(index)".utf8)) }
            case .invalidUTF8Noise:
                if index % 4 == 1 { output.append([0xFF, 0xFE, 0x00, 0x41, 0xC3]) }
                output.append(line)
            }
        }
        return Array(output.joined(separator: [0x0A])) + [0x0A]
    }
}

/// Azure Pipelines prefixes and daslang's usage errors.
@Suite struct CIPrefixTests {
    @Test func azureLinePrefixesAreReadThrough() throws {
        // Azure prints error output as `##[error]<line>`; the line itself is still daslang's.
        let text = try LogEditing.corpusText("hv_server_leak.log").split(separator: "\n").map { "##[error]" + $0 }.joined(separator: "\n")
        let report = try Fixtures.analyse([Array(("##[group]Run daslang\n" + text + "\n##[endgroup]\n").utf8)])
        CorpusAssertions.expectSummary(report, [.handleRegistry: (5, nil)], context: "azure prefixes")
    }

    @Test func usageErrorsSayHowDaslangSpellsTheOption() throws {
        let doubleDash = try Fixtures.analyse([try Fixtures.corpus("heap_report_double_dash.log")])
        #expect(doubleDash.diagnostics.first?.message.contains("given as --track-allocations, daslang spells it -track-allocations") == true)
        let singleDash = try Fixtures.analyse([try Fixtures.corpus("combined_single_dash_no_dump_leaks.log")])
        #expect(singleDash.diagnostics.first?.message.contains("given as -no-dump-leaks, daslang spells it --no-dump-leaks") == true)
    }
}
