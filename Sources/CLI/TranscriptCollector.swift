import LeakModel
import LeakParsers

/// Reads the debugger sessions of each input as its bytes stream by (`replay`), so that standard
/// input is read once, for the leak reports and the transcripts alike.
final class TranscriptCollector {
    private var parser: DebuggerTranscriptParser?
    private var transcripts: [DebuggerTranscript] = []

    /// The next input, numbered `input`, begins.
    func begin(input: Int) {
        finishInput()
        parser = DebuggerTranscriptParser(input: input)
    }

    /// A chunk of the current input.
    func feed(_ chunk: UnsafeRawBufferPointer) {
        parser?.feed(chunk)
    }

    /// Every session read, in input and log order.
    func finish() -> [DebuggerTranscript] {
        finishInput()
        return transcripts
    }

    private func finishInput() {
        if let parser { transcripts += parser.finish() }
        parser = nil
    }
}
