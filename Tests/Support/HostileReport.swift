import LeakModel
import LeakReporters
import LeakTriage

/// The one fixed list of findings every reporter's golden file is made from. Its text is
/// hostile on purpose: `%` `:` `,` quotes `<&>` newlines, CR, control characters, invalid UTF-8
/// (as decoding leaves it: U+FFFD), lines that look like workflow commands, Markdown, absolute
/// paths inside and outside the root, `.`/`..` in paths, standard input, findings without a
/// source location, and one without even a log line.
enum HostileReport {
    /// The root the golden files are rendered with.
    static let root = "/work/project"

    /// Render options for the golden files: no colour, paths relative to ``root``.
    static let options = RenderOptions(color: false, explain: false, root: root, workingDirectory: root)

    /// ``options`` with the flame graphs of `report`, as the command line hands them to the HTML reporter.
    static func options(drawing report: LeakReport) -> RenderOptions {
        var options = options
        options.flameGraphs = FlameGraph.graphs(of: report)
        return options
    }

    /// ``options`` with the delta flame graphs of `diff`, as the command line hands them to the HTML reporter.
    static func options(drawing diff: LeakDiff) -> RenderOptions {
        var options = options
        options.flameGraphs = FlameGraph.graphs(of: diff)
        return options
    }

    /// What invalid UTF-8 in a log becomes once decoded.
    static let invalidUTF8 = String(decoding: [0x62, 0x61, 0x64, 0x20, 0xFF, 0xC3, 0x20, 0x62, 0x79, 0x74, 0x65, 0x73] as [UInt8], as: UTF8.self)

    static let exception = PanicFingerprint.fingerprinted(Panic(
        kind: .exception, message: "boom: 100% \"bad\" <input>, at n=10",
        location: SourceLocation(file: "programs/main.das", line: 27, column: 4), position: LogPosition(input: 1, line: 6)))

    static let findings: [Finding] = [
        Finding(
            rank: 1, detector: .gcNode, kind: "TypeDecl", fingerprint: "9f2c111111110123456789abcdef0123", fingerprintKey: "v1|gc_node|TypeDecl|a:b.das:41:9||",
            title: "3 TypeDecl nodes outlive execution, born at programs/100%,a:b.das:41:9", count: 3,
            location: SourceLocation(file: "programs/100%,a:b.das", line: 41, column: 9),
            occurrences: [LogPosition(input: 0, line: 57), LogPosition(input: 0, line: 58), LogPosition(input: 0, line: 59)],
            nextStep: "DAS_GC_BREAK_ON_ID=1234 daslang 'programs/100%,a:b.das'", severity: .error, identities: ["1234", "1235", "1236"]),
        Finding(
            rank: 2, detector: .jobStatus, kind: "Channel", fingerprint: "9f2c222222220123456789abcdef0123", fingerprintKey: "v1|job_status|Channel|x.das:66:19||",
            title: "1 Channel<int&> object never released (rc=1), created at \"x\" & 'y'", count: 1,
            location: SourceLocation(file: "/work/project/src/jobs \"quoted\" 'single'.das", line: 66, column: 19),
            occurrences: [LogPosition(input: 0, line: 70)], nextStep: "daslang --track-job-status 1 programs/main.das", severity: .error),
        Finding(
            rank: 3, detector: .jobStatus, kind: "Feature", fingerprint: "9f2c333333330123456789abcdef0123", fingerprintKey: "v1|job_status|Feature|-||",
            title: "1 Feature never released\n::error::injected on a new line\r\n::stop-commands::guess", count: 1,
            occurrences: [LogPosition(input: 1, line: 3)], consequenceOf: "9f2c222222220123456789abcdef0123",
            nextStep: "echo 100%0A done, %25 literally", severity: .error),
        Finding(
            rank: 4, detector: .profiler, kind: "allocation", fingerprint: "9f2c444444440123456789abcdef0123", fingerprintKey: "v1|profiler|allocation|daslib/builtin.das:306||",
            title: "1 allocation (16 bytes) leaked of context '\(invalidUTF8)', allocated in push at /home/ci/daslang/daslib/builtin.das:306",
            count: 1, bytes: 16, location: SourceLocation(file: "/home/ci/daslang/daslib/builtin.das", line: 306),
            stack: [StackFrame(function: "builtin`push`4379", location: SourceLocation(file: "/home/ci/daslang/daslib/builtin.das", line: 306))],
            occurrences: [LogPosition(input: 0, line: 31)], severity: .error, contexts: [invalidUTF8]),
        Finding(
            rank: 5, detector: .cppHeap, kind: "allocation", fingerprint: "9f2c555555550123456789abcdef0123", fingerprintKey: "v1|cpp_heap|allocation|-|f||",
            title: "1 allocation (2,544 bytes) still live at exit\r\nsecond line\ttabbed", count: 1, bytes: 2544, severity: .warning),
        Finding(
            rank: 6, detector: .heapReport, kind: "string", fingerprint: "9f2c666666660123456789abcdef0123", fingerprintKey: "v1|heap_report|string|-||",
            title: "40 strings (1 kb) on the string heap after main | *bold* _it_ [link](x) `code` \\ ~~x~~", count: 40, bytes: 1024,
            occurrences: [LogPosition(input: 0, line: 100)], severity: .note,
            knownNonLeak: "string-heap contents are interned ]]> & <!-- not a comment -->"),
        Finding(
            rank: 7, detector: .smartPtr, kind: "Context", fingerprint: "9f2c777777770123456789abcdef0123", fingerprintKey: "v1|smart_ptr|Context|-||name=clone of",
            title: "1 Context 'clone of \u{1B}[31mred\u{1B}[0m\u{07}\u{00}' pointer still alive at shutdown (rc=0)", count: 1,
            occurrences: [LogPosition(input: 1, line: 8)], consequenceOf: PanicFingerprint.fingerprint(of: exception),
            nextStep: "daslang --track-smart-ptr 569 programs/main.das", severity: .error),
        Finding(
            rank: 8, detector: .handleRegistry, kind: "WebSocketClient", fingerprint: "9f2c888888880123456789abcdef0123", fingerprintKey: "v1|handle_registry|WebSocketClient|-||rc=1",
            title: "1 WebSocketClient handle leaked (rc=1: never released)", count: 1,
            location: SourceLocation(file: "./src/../src/ws,handler.das", line: 0),
            occurrences: [LogPosition(input: 0, line: 50)], nextStep: "delete the HvWebSocketClient object", severity: .warning),
    ]

    /// The whole report: two inputs (one of them standard input), the findings, a panic and diagnostics.
    static var report: LeakReport {
        var summary: [Detector: DetectorSummary] = [:]
        for detector in Detector.allCases {
            let found = findings.filter { $0.detector == detector }
            summary[detector] = DetectorSummary(
                occurrences: found.map(\.count).reduce(0, +), bytes: detector.reportsBytes ? found.compactMap(\.bytes).reduce(0, +) : nil)
        }
        return LeakReport(
            inputs: [InputSummary(path: "logs/ci run,1.log", lines: 120, bytes: 4567), InputSummary(path: "-", lines: 10, bytes: 300)],
            summary: summary, findings: findings, panics: [exception], traces: [],
            diagnostics: [
                Diagnostic(severity: .warning, position: LogPosition(input: 0, line: 88),
                           message: "GC report cut: header says 3 nodes, 2 listed; \"  node 0x…\" <truncated> & 100%", untrustworthy: true),
                Diagnostic(severity: .note, position: nil, message: "dumps silenced by --no-dump-leaks:\nnothing listed", untrustworthy: false),
            ])
    }
}
