import Foundation
import LeakModel

/// Reads the transcripts of gdb and lldb sessions out of a log: the program's stops, the
/// backtrace printed at each, how it ended, and the object daslang broke on (`tracking … aka …`,
/// `gc_node break: id=`). A session ends where the program does; a log may hold several.
///
/// Lines are turned into `String`s only when their first bytes say they are a debugger's.
public final class DebuggerTranscriptParser {
    private var splitter = LineSplitter()
    private var reader: DebuggerLineReader

    /// Creates a parser for the input at `input`.
    public init(input: Int) {
        reader = DebuggerLineReader(input: input)
    }

    /// Reads the next chunk.
    public func feed(_ chunk: UnsafeRawBufferPointer) {
        splitter.feed(chunk, to: &reader)
    }

    /// Reads the last line and returns the sessions, in log order.
    public func finish() -> [DebuggerTranscript] {
        splitter.finish(to: &reader)
        reader.closeSession()
        return reader.transcripts
    }
}

/// The per-line work of a ``DebuggerTranscriptParser``.
struct DebuggerLineReader: LineConsumer {
    /// Stops kept per session, frames per stop, and sessions per input: beyond them a hostile log
    /// is only counted (``DebuggerTranscript/stopsNotKept``) or dropped, so memory stays bounded.
    static let stopLimit = 10_000
    static let frameLimit = 256
    static let sessionLimit = 1_000

    let input: Int
    private var stripper = CIPrefixStripper()
    private(set) var transcripts: [DebuggerTranscript] = []
    private var session: DebuggerTranscript?
    /// The frames of the backtrace being printed (a stop may print several; the longest is kept).
    private var listing: [StackFrame] = []
    /// An lldb command that shows the current stop again (`bt`) was echoed: its thread header is no new stop.
    private var reshowingStop = false
    /// lldb was told to `kill` the program: the exit that follows is the debugger's doing.
    private var killing = false
    /// Ids printed before the session's first debugger line (daslang prints `gc_node break` before it stops).
    private var pendingSmartPointer: HexNumber?
    private var pendingGCNode: Int?

    init(input: Int) {
        self.input = input
    }

    mutating func read(_ line: LineSplitter.Line) {
        guard !line.cut else { return }
        let text: String? = stripper.clean(line.bytes, firstLine: line.number == 1, hasEscape: line.hasEscape) { cleaned in
            guard !cleaned.isCIMarker, Self.mayBeTranscriptLine(cleaned.content) else { return nil }
            return ByteText.string(cleaned.content, 0..<cleaned.content.count)
        }
        if let text { read(text, at: LogPosition(input: input, line: line.number)) }
    }

    /// How every line kind read here begins (after up to four spaces); `#` must be followed by a digit.
    private static let linePrefixes: [[UInt8]] = [
        "#", "Program received signal ", "Thread ", "Program terminated with signal ", "[Inferior ", "* thread #", "thread #",
        "* frame #", "frame #", "(lldb) ", "Process ", "tracking ", "gc_node break: id=",
    ].map { Array($0.utf8) }

    private static func mayBeTranscriptLine(_ content: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < content.count, start < 4, content[start] == 0x20 { start += 1 }
        let rest = UnsafeRawBufferPointer(rebasing: content[start...])
        guard let first = rest.first else { return false }
        if first == UInt8(ascii: "#") { return rest.count > 1 && (0x30...0x39).contains(rest[1]) }
        return linePrefixes.contains { prefix in rest.starts(with: prefix) }
    }

    private mutating func read(_ text: String, at position: LogPosition) {
        let trimmed = Substring(text).drop { $0 == " " }
        if let reason = Self.value(after: "Program received signal ", in: trimmed, upTo: ",")
            ?? (trimmed.hasPrefix("Thread ") ? Self.value(after: " received signal ", in: trimmed, upTo: ",") : nil) {
            // `Thread 2 "daslang" received signal SIGTRAP, …` once the program has more than one thread.
            beginStop(.gdb, reason: reason, at: position)
        } else if let frame = Self.gdbFrame(trimmed) {
            add(frame: frame)
        } else if trimmed.hasPrefix("[Inferior "), let exit = Self.gdbExit(trimmed, at: position) {
            end(.gdb, exit)
        } else if let signal = Self.value(after: "Program terminated with signal ", in: trimmed, upTo: ",") {
            end(.gdb, DebuggerTranscript.Exit(code: nil, signal: signal, position: position))
        } else if trimmed.hasPrefix("* thread #") || trimmed.hasPrefix("thread #"), let reason = Self.value(after: " stop reason = ", in: trimmed, upTo: nil) {
            let signal = reason.hasPrefix("signal ") ? String(reason.dropFirst("signal ".count)) : reason
            if reshowingStop, session?.stops.isEmpty == false {
                listing = []
            } else {
                beginStop(.lldb, reason: signal, at: position)
            }
            reshowingStop = false
        } else if let frame = Self.lldbFrame(trimmed) {
            add(frame: frame)
        } else if trimmed.hasPrefix("(lldb) ") {
            let command = trimmed.dropFirst("(lldb) ".count)
            reshowingStop = command == "bt" || command.hasPrefix("bt ") || command.hasPrefix("thread backtrace")
            killing = command == "kill" || command == "process kill"
        } else if trimmed.hasPrefix("Process "), let status = Self.value(after: " exited with status = ", in: trimmed, upTo: " ") {
            if killing {
                closeSession()
            } else {
                end(.lldb, DebuggerTranscript.Exit(code: Int(status), signal: nil, position: position))
            }
        } else if trimmed.hasPrefix("tracking "), let echo = Self.smartPointerEcho(trimmed) {
            if session != nil { session?.smartPointer = echo } else { pendingSmartPointer = echo }
        } else if let id = Self.value(after: "gc_node break: id=", in: trimmed, upTo: nil).flatMap({ Int($0) }) {
            if session != nil { session?.gcNode = id } else { pendingGCNode = id }
        }
    }

    private mutating func beginStop(_ debugger: DebuggerTranscript.Debugger, reason: String, at position: LogPosition) {
        if session == nil {
            session = DebuggerTranscript(debugger: debugger, smartPointer: pendingSmartPointer, gcNode: pendingGCNode)
            pendingSmartPointer = nil
            pendingGCNode = nil
        }
        if session?.stops.count ?? 0 < Self.stopLimit {
            session?.stops.append(DebuggerTranscript.Stop(reason: reason, position: position))
        } else {
            session?.stopsNotKept += 1
        }
        listing = []
    }

    private mutating func add(frame: (index: Int, frame: StackFrame)) {
        guard let last = session?.stops.indices.last, session?.stopsNotKept == 0 else { return }
        if frame.index == 0 { listing = [] }
        guard listing.count < Self.frameLimit else { return }
        listing.append(frame.frame)
        if listing.count > session?.stops[last].frames.count ?? 0 { session?.stops[last].frames = listing }
    }

    private mutating func end(_ debugger: DebuggerTranscript.Debugger, _ exit: DebuggerTranscript.Exit) {
        if session == nil { session = DebuggerTranscript(debugger: debugger, smartPointer: pendingSmartPointer, gcNode: pendingGCNode) }
        session?.exit = exit
        pendingSmartPointer = nil
        pendingGCNode = nil
        closeSession()
    }

    /// Ends the session being read, if any.
    mutating func closeSession() {
        if let session, transcripts.count < Self.sessionLimit { transcripts.append(session) }
        session = nil
        listing = []
        reshowingStop = false
        killing = false
    }

    // MARK: Lines

    /// The text after `prefix` (searched for anywhere in `line` when it starts with a space) up to `end`.
    static func value(after prefix: String, in line: Substring, upTo end: Character?) -> String? {
        let start: Substring.Index
        if prefix.hasPrefix(" ") {
            guard let range = line.range(of: prefix) else { return nil }
            start = range.upperBound
        } else {
            guard line.hasPrefix(prefix) else { return nil }
            start = line.index(line.startIndex, offsetBy: prefix.count)
        }
        let rest = line[start...]
        let value = end.flatMap { rest.firstIndex(of: $0) }.map { rest[..<$0] } ?? rest
        return value.isEmpty ? nil : String(value)
    }

    /// `#3  0x00007ffff4ffb075 in das::Program::Program() () from /lib/libDaScript.so`, or
    /// `#0  make (i=0) at trap.c:4`.
    static func gdbFrame(_ line: Substring) -> (index: Int, frame: StackFrame)? {
        guard line.hasPrefix("#") else { return nil }
        let digits = line.dropFirst().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let index = Int(digits) else { return nil }
        var rest = line.dropFirst(1 + digits.count)
        guard rest.first == " " else { return nil }
        rest = rest.drop { $0 == " " }
        if rest.hasPrefix("0x"), let inRange = rest.range(of: " in ") { rest = rest[inRange.upperBound...] }
        var library: String?
        if let from = rest.range(of: " from ", options: .backwards) {
            library = String(rest[from.upperBound...])
            rest = rest[..<from.lowerBound]
        }
        var location: SourceLocation?
        if let at = rest.range(of: " at ", options: .backwards), let parsed = SourceLocation(parsing: String(rest[at.upperBound...])),
           parsed.line != nil {
            location = parsed
            rest = rest[..<at.lowerBound]
        }
        // gdb prints the arguments, in parentheses, after the name (which may hold a signature of its own).
        let name = withoutTrailingGroup(rest)
        return (index, StackFrame(function: name.isEmpty || name == "??" ? nil : String(name), location: location, library: library))
    }

    /// `  * frame #0: 0x00007ffff7e5eeec libc.so.6`__pthread_kill_implementation(signo=5) at pthread_kill.c:44:76`.
    static func lldbFrame(_ line: Substring) -> (index: Int, frame: StackFrame)? {
        var rest = line
        if rest.hasPrefix("* ") { rest = rest.dropFirst(2) }
        guard rest.hasPrefix("frame #") else { return nil }
        rest = rest.dropFirst("frame #".count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let index = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") else { return nil }
        rest = rest.dropFirst(digits.count + 2)
        if rest.hasPrefix("0x"), let space = rest.firstIndex(of: " ") { rest = rest[rest.index(after: space)...] }
        guard let tick = rest.firstIndex(of: "`") else {
            return (index, StackFrame(function: nil, library: rest.isEmpty ? nil : String(rest)))
        }
        let library = String(rest[..<tick])
        var function = rest[rest.index(after: tick)...]
        var location: SourceLocation?
        if let at = function.range(of: " at ", options: .backwards), let parsed = SourceLocation(parsing: String(function[at.upperBound...])),
           parsed.line != nil {
            location = parsed
            function = function[..<at.lowerBound]
        }
        if let plus = function.range(of: " + ", options: .backwards), function[plus.upperBound...].allSatisfy(\.isNumber) {
            function = function[..<plus.lowerBound]
        }
        return (index, StackFrame(function: function.isEmpty ? nil : String(function), location: location, library: library))
    }

    /// `[Inferior 1 (process 27860) exited with code 01]` (gdb prints the code in octal), `… exited normally]`, `… killed]`.
    static func gdbExit(_ line: Substring, at position: LogPosition) -> DebuggerTranscript.Exit? {
        if let code = value(after: " exited with code ", in: line, upTo: "]") {
            return Int(code, radix: 8).map { DebuggerTranscript.Exit(code: $0, signal: nil, position: position) }
        }
        if line.hasSuffix(" exited normally]") { return DebuggerTranscript.Exit(code: 0, signal: nil, position: position) }
        if line.hasSuffix(" killed]") { return DebuggerTranscript.Exit(code: nil, signal: "SIGKILL", position: position) }
        return nil
    }

    /// daslang's `tracking 2e7 aka 743`.
    static func smartPointerEcho(_ line: Substring) -> HexNumber? {
        let words = line.split(separator: " ")
        guard words.count == 4, words[2] == "aka", let id = HexNumber(parsing: words[1]), UInt64(words[3]) == id.value else { return nil }
        return id
    }

    /// `name (args)` without its last balanced parenthesised group: the name.
    private static func withoutTrailingGroup(_ text: Substring) -> Substring {
        let body = withoutTrailingSpaces(text)
        guard body.last == ")" else { return body }
        var depth = 0
        for index in body.indices.reversed() {
            if body[index] == ")" { depth += 1 }
            if body[index] == "(" {
                depth -= 1
                if depth == 0 { return withoutTrailingSpaces(body[..<index]) }
            }
        }
        return body
    }

    private static func withoutTrailingSpaces(_ text: Substring) -> Substring {
        var text = text
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
