import LeakEmitters
import LeakModel
import LeakParsers
import PropertyBased
import Testing
@testable import LeakTestSupport

/// The reference emitters and the parsers are inverses: any detector state printed by the
/// emitters parses back to the same state, and every real log parsed and printed again
/// gives its original report lines.
@Suite struct EmitterRoundTripTests {
    private static func text(_ states: [ReportState]) -> String {
        states.flatMap(\.lines).map { $0.text + "\n" }.joined()
    }

    private static func reports(_ events: [LogEvent]) -> [ReportState] {
        events.compactMap { event in
            guard case let .report(report) = event else { return nil }
            return report
        }
    }

    private static func reparse(_ text: String) throws -> (states: [ReportState], events: [LogEvent]) {
        let events = try Fixtures.events(Array(text.utf8), chunkSize: 1000)
        return (Self.reports(events), events)
    }

    @Test func randomDetectorStatesSurviveEmitParseEmit() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var random = RandomDetectorStates(seed: UInt64(seed))
            let states = (0..<random.int(1...4)).map { _ in random.anyReport() }
            let emitted = Self.text(states)
            guard let parsed = try? Self.reparse(emitted) else {
                Issue.record("parser failed to start")
                return
            }
            #expect(Self.text(parsed.states) == emitted)
            // Consecutive dumps of one kind (two handle dumps) read back as one: never more states than printed.
            #expect(parsed.states.count <= states.count)
            let problems = parsed.events.compactMap { event -> String? in
                guard case let .diagnostic(diagnostic) = event, !diagnostic.message.contains("silenced") else { return nil }
                return diagnostic.message
            }
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test func emittedCountsAreWhatTheParserCounts() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var random = RandomDetectorStates(seed: UInt64(seed))
            let block = random.profilerBlock()
            let gc = random.gcReport()
            let jobs = random.jobQueue()
            guard let report = try? Fixtures.analyse([Array(Self.text([.profiler(block), .gc(gc), .jobQueue(jobs)]).utf8)]) else {
                Issue.record("parser failed to start")
                return
            }
            #expect(report.summary[.profiler]?.occurrences == block.allocations.count)
            #expect(report.summary[.profiler]?.bytes == block.allocations.reduce(0) { $0 + Int($1.size.value) })
            #expect(report.summary[.gcNode]?.occurrences == Set(gc.roots.flatMap(\.nodes).map { "\($0.id)\($0.type)\($0.location)" }).count)
            #expect(report.summary[.jobStatus]?.occurrences == jobs.statuses.count + jobs.features.count)
        }
    }

    @Test("every corpus log parses and prints back to its report lines", arguments: Fixtures.corpusNames)
    func corpusLogsPrintBack(name: String) throws {
        let bytes = try Fixtures.corpus(name)
        var original = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> String in
            String(decoding: line.last == 0x0D ? Array(line.dropLast()) : Array(line), as: UTF8.self)
        }
        if original.last == "" { original.removeLast() }
        var expected: [String] = []
        let events = try Fixtures.events(bytes)
        for case let .line(line) in events {
            switch line.line {
            case .exception, .exceptionLocation, .atexitFatal, .crash, .unknownOption, .badJobStatusID, .gcBreak, .smartPointerTracking:
                continue
            case .cppReportHeader where line.position.line > 1 && original[line.position.line - 2].isEmpty:
                expected.append("")
            default:
                break
            }
            expected.append(original[line.position.line - 1])
        }
        let printed = Self.reports(events).flatMap(\.lines).map(\.text)
        #expect(printed == expected)
    }
}
