import LeakModel
import LeakParsers
import LeakReporters
import LeakTriage

/// libFuzzer's entry point: the input is a log. It is parsed whole and again in chunks whose size
/// the input's first byte chooses, triaged, and rendered as JSON, text and HTML (its flame graphs
/// included); its debugger sessions are read the same two ways and replayed. A crash, a hang or a
/// chunking that changes the result is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func leakTriageFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let whole = analyse(bytes, chunkSize: max(size, 1))
    let chunkSize = size == 0 ? 1 : Int(bytes[0] % 61) + 1
    let chunked = analyse(bytes, chunkSize: chunkSize)
    guard whole == chunked else {
        fatalError("reading the input in chunks of \(chunkSize) bytes changed the report")
    }
    _ = JSONReporter().render(whole, options: RenderOptions())
    _ = TextReporter().render(whole, options: RenderOptions())
    let transcripts = readTranscripts(bytes, chunkSize: max(size, 1))
    guard transcripts == readTranscripts(bytes, chunkSize: chunkSize) else {
        fatalError("reading the input in chunks of \(chunkSize) bytes changed its debugger sessions")
    }
    let sessions = transcripts.map { DebuggerSessionAnalysis($0, findings: whole.findings) }
    _ = TraceReplayReporter().json([], sessions: sessions)
    _ = TraceReplayReporter().text([], sessions: sessions, report: whole, color: false)
    _ = HTMLReporter().render(whole, options: RenderOptions())
    return 0
}

/// The debugger sessions of `bytes`, fed `chunkSize` bytes at a time.
private func readTranscripts(_ bytes: UnsafeRawBufferPointer, chunkSize: Int) -> [DebuggerTranscript] {
    let parser = DebuggerTranscriptParser(input: 0)
    var start = 0
    while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        parser.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        start = end
    }
    return parser.finish()
}

/// The triaged report of `bytes`, fed to the parser `chunkSize` bytes at a time.
private func analyse(_ bytes: UnsafeRawBufferPointer, chunkSize: Int) -> LeakReport {
    var builder = LeakReportBuilder()
    var recorded = 0
    guard let parser = try? LogParser(input: 0, recordLines: true, emit: { event in
        if case .line = event { recorded += 1 }
        builder.receive(event)
    }) else {
        fatalError("the parser could not start")
    }
    var start = 0
    while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        parser.feed(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        start = end
    }
    parser.finish()
    return builder.build(inputs: [InputSummary(path: "fuzz.log", lines: parser.lineCount, bytes: parser.byteCount)])
}
