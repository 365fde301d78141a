/// Every shape of daslang report line, each declared once (``ReportLineShape``): the single
/// source of the grammar. The parsers compile ``shapes`` into their matchers and first-bytes
/// tables, the emitters render with it, and a test reads and renders back every example.
///
/// A new line shape is one more declaration here, added to ``shapes`` (and, if it is a new
/// kind of line, a ``ReportLine`` case). Within a scope, shapes are tried in the order of
/// ``shapes``; shapes that share a start are told apart by their ``ReportLineShape/structure``.
public enum ReportLineGrammar {
    /// Every shape, in the order the parser tries them.
    public static let shapes: [ReportLineShape] = profiler + heap + gc + smartPointers + jobQueue + panics + handles + cpp + usage

    /// The line as printed, without marker or newline: the rendering of the shape it belongs to.
    public static func render(_ line: ReportLine) -> String {
        for shape in shapes {
            if let text = shape.render(line) { return text }
        }
        // Every case has a shape (a test renders every example); nothing reaches here.
        return ""
    }

    /// The start of a profiler frame line, which the parser's frame cache checks first.
    public static let profilerFrameStart: StaticString = "  at "
    /// The start of a C++ report's frame line, which the parser's frame cache checks first.
    public static let cppFrameStart: StaticString = "    0x"

    private static let hex = "([0-9a-fA-F]+)"
    private static let number = "(-?[0-9]+)"
    private static let grouped = "([0-9][0-9,]*)"

    private static func grouped(_ value: Int) -> String { value.formattedWithThousandsSeparators }

    // MARK: Leak profiler

    static let profiler: [ReportLineShape] = [
        ReportLineShape(
            name: "profiler block header", scope: .anywhere, start: "=== Memory leaks in context '",
            pattern: #"(.*)' \(([0-9]+) allocations, 0x"# + hex + #" bytes\) ==="#,
            build: { captures in
                guard let allocations = captures.decimal(2), let bytes = captures.hexQuantity(3) else { return nil }
                return .profilerHeader(context: captures.text(1), allocations: allocations, bytes: bytes)
            },
            render: { line in
                guard case let .profilerHeader(context, allocations, bytes) = line else { return nil }
                return "=== Memory leaks in context '\(context)' (\(allocations) allocations, 0x\(bytes) bytes) ==="
            },
            examples: ["=== Memory leaks in context '<unnamed>' (2 allocations, 0x260 bytes) ==="]),
        ReportLineShape(
            name: "profiler leak entry", scope: .anywhere, start: "[leak] size=", pattern: "0x" + hex + " bytes",
            build: { captures in captures.hexQuantity(1).map { .profilerLeak(size: $0) } },
            render: { line in
                guard case let .profilerLeak(size) = line else { return nil }
                return "[leak] size=0x\(size) bytes"
            },
            examples: ["[leak] size=0x1a0 bytes"]),
        ReportLineShape(
            name: nil, scope: .inside(.profilerBlock), start: profilerFrameStart, pattern: #"(\S+)(?: (.*))?"#,
            build: { captures in
                .profilerFrame(function: captures.text(1), location: captures.has(2) ? captures.text(2) : nil)
            },
            render: { line in
                guard case let .profilerFrame(function, location) = line else { return nil }
                return "  at \(function)" + (location.map { " " + $0 } ?? "")
            },
            examples: ["  at builtin`push`4379756157886752001 /home/ci/daslang/daslib/builtin.das:306"]),
    ]

    // MARK: Heap and string-heap report

    static let heap: [ReportLineShape] = [
        exactLine(name: nil, scope: .anywhere, "--- heap report ---", .heapReportHeader),
        exactLine(name: nil, scope: .anywhere, "--- string heap report ---", .stringHeapReportHeader),
        countLine(scope: .inside(.heap), "decks of size ", example: "decks of size 16", { .decksHeader(size: $0) }) { line in
            guard case let .decksHeader(size) = line else { return nil }
            return size
        },
        countLine(scope: .inside(.heap), "string decks of size ", example: "string decks of size 16", { .stringDecksHeader(size: $0) }) { line in
            guard case let .stringDecksHeader(size) = line else { return nil }
            return size
        },
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "decks reserves ", pattern: "([0-9]+) kb in ([0-9]+) chunks",
            build: { captures in
                guard let kilobytes = captures.decimal(1), let chunks = captures.decimal(2) else { return nil }
                return .decksReserves(kilobytes: kilobytes, chunks: chunks)
            },
            render: { line in
                guard case let .decksReserves(kilobytes, chunks) = line else { return nil }
                return "decks reserves \(kilobytes) kb in \(chunks) chunks"
            },
            examples: ["decks reserves 64 kb in 1 chunks"]),
        exactLine(name: nil, scope: .inside(.heap), "big stuff:", .bigStuffHeader),
        exactLine(name: nil, scope: .inside(.heap), "bytes per location:", .bytesPerLocationHeader),
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "\tsize\t", pattern: #"pointer\t\tid"#, namedInside: .heap,
            build: { _ in .bigStuffColumns },
            render: { line in
                guard case .bigStuffColumns = line else { return nil }
                return "\tsize\tpointer\t\tid"
            },
            examples: ["\tsize\tpointer\t\tid"]),
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "\t[", pattern: hex + #"\.\."# + hex + #"\)"#,
            namedInside: .heap, nameStructure: [.hexDigits, .literal("..")],
            build: { captures in
                guard let from = captures.hex(1), let to = captures.hex(2) else { return nil }
                return .deckRange(from: from, to: to)
            },
            render: { line in
                guard case let .deckRange(from, to) = line else { return nil }
                return "\t[\(from)..\(to))"
            },
            examples: ["\t[55e360d39b40..55e360d49b40)"]),
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "\t", structure: [.digits, .literal(" of ")],
            pattern: "([0-9]+) of ([0-9]+), ([0-9]+) of ([0-9]+) bytes",
            namedInside: .heap, nameStructure: [.digits, .literal(" of ")],
            build: { captures in
                guard let allocated = captures.decimal(1), let total = captures.decimal(2), let bytes = captures.decimal(3),
                      let totalBytes = captures.decimal(4) else { return nil }
                return .deckCounts(allocated: allocated, total: total, bytes: bytes, totalBytes: totalBytes)
            },
            render: { line in
                guard case let .deckCounts(allocated, total, bytes, totalBytes) = line else { return nil }
                return "\t\(allocated) of \(total), \(bytes) of \(totalBytes) bytes"
            },
            examples: ["\t3 of 4096, 48 of 65536 bytes"]),
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "\t", structure: [.digits, .literal("\t0x")],
            pattern: #"([0-9]+)\t0x"# + hex + #"\t([0-9]+)(?:\t([^\t]*)(?:\t(.*))?)?"#,
            namedInside: .heap, nameStructure: [.digits, .literal("\t0x")],
            build: { captures in
                guard let size = captures.decimal(1), let pointer = captures.hex(2), let id = captures.decimal(3) else { return nil }
                return .bigStuffRow(size: size, pointer: pointer, id: id, comment: captures.has(4) ? captures.text(4) : nil,
                                    location: captures.has(5) ? captures.text(5) : nil)
            },
            render: { line in
                guard case let .bigStuffRow(size, pointer, id, comment, location) = line else { return nil }
                var text = "\t\(size)\t0x\(pointer)\t\(id)"
                if let comment { text += "\t" + comment }
                if let location { text += "\t" + location }
                return text
            },
            examples: ["\t192\t0x55f3d6b8dc30\t2\tarray", "\t1024\t0x55e360b55e00\t0",
                       "\t48\t0x55ba1d10ffd0\t2145\tnew [[ ]]\tprograms/combined_all.das:46:16"]),
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "\t", structure: [.past(" bytes, at 0x")],
            pattern: "(.*) size ([0-9]+) bytes, at 0x([0-9]+)",
            build: { captures in
                captures.decimal(2).map { .stringBigStuffRow(text: captures.text(1), size: $0, address: captures.text(3)) }
            },
            render: { line in
                guard case let .stringBigStuffRow(text, size, address) = line else { return nil }
                return "\t\(text) size \(size) bytes, at 0x\(address)"
            },
            examples: ["\tvalue 1 size 8 bytes, at 0x94505759792448"]),
        countLine(scope: .inside(.heap), " big stuff total size:", " kb", example: " big stuff total size:1 kb",
                  { .stringBigStuffTotal(kilobytes: $0) }) { line in
            guard case let .stringBigStuffTotal(kilobytes) = line else { return nil }
            return kilobytes
        },
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "", structure: [.hexDigits, .literal("\t"), .digits, .literal(" of ")],
            pattern: hex + #"\t([0-9]+) of ([0-9]+)"#,
            namedInside: .heap, nameStructure: [.hexDigits, .literal("\t"), .digits, .literal(" of ")],
            build: { captures in
                guard let address = captures.hex(1), let used = captures.decimal(2), let size = captures.decimal(3) else { return nil }
                return .linearChunk(address: address, used: used, size: size)
            },
            render: { line in
                guard case let .linearChunk(address, used, size) = line else { return nil }
                return "\(address)\t\(used) of \(size)"
            },
            examples: ["562b6d136780\t3920 of 65536"]),
        // Under `bytes per location:` a digit-led line with hex digits and a tab is the report's.
        ReportLineShape(
            name: nil, scope: .inside(.heap), start: "", structure: [.digits, .literal("\t")], pattern: #"([0-9]+)\t(.+)"#,
            namedInside: .heapBytesPerLocation, nameStructure: [.decimalDigitNext, .hexDigits, .literal("\t")],
            build: { captures in captures.decimal(1).map { .bytesPerLocation(bytes: $0, location: captures.text(2)) } },
            render: { line in
                guard case let .bytesPerLocation(bytes, location) = line else { return nil }
                return "\(bytes)\t\(location)"
            },
            examples: ["112\tprograms/combined_all.das:77:15"]),
        heapString(indent: 1, start: "\t", example: "\tname number 6 with some padd..."),
        heapString(indent: 2, start: "\t\t", example: "\t\tkey_19"),
    ]

    /// A live string of the string heap: `indent` tabs, then any bytes at all.
    private static func heapString(indent: Int, start: StaticString, example: String) -> ReportLineShape {
        ReportLineShape(
            name: nil, scope: .inside(.stringHeapChunk), start: start, pattern: "(.*)",
            build: { captures in .heapString(text: captures.text(1), indent: indent) },
            render: { line in
                guard case let .heapString(text, printedIndent) = line, printedIndent == indent else { return nil }
                return String(repeating: "\t", count: indent) + text
            },
            examples: [example])
    }

    // MARK: gc_node survivors

    static let gc: [ReportLineShape] = [
        gcHeader(.compile, start: "GC COMPILE LEAK: ", after: "compile", example: "GC COMPILE LEAK: 4 gc_node(s) after compile"),
        gcHeader(.app, start: "GC APP LEAK: ", after: "execution", example: "GC APP LEAK: 8 gc_node(s) after execution"),
        ReportLineShape(
            name: "gc_root line", scope: .anywhere, start: "gc_root 0x", structure: [.hexDigits, .literal(": count=")],
            pattern: hex + ": count=([0-9]+)", namedInside: .gc,
            build: { captures in
                guard let address = captures.hex(1), let count = captures.decimal(2) else { return nil }
                return .gcRoot(address: address, count: count)
            },
            render: { line in
                guard case let .gcRoot(address, count) = line else { return nil }
                return "gc_root 0x\(address): count=\(count)"
            },
            examples: ["gc_root 0x7f25c6576880: count=8"]),
        countLine(scope: .anywhere, "gc_node break: id=", example: "gc_node break: id=491063", { .gcBreak(id: $0) }) { line in
            guard case let .gcBreak(id) = line else { return nil }
            return id
        },
        ReportLineShape(
            name: "gc_node line", scope: .anywhere, start: "  node 0x", structure: [.hexDigits, .literal(": id=")],
            pattern: hex + #": id=([0-9]+) type=(\S+) magic=0x"# + hex + " (.*)", namedInside: .gc,
            build: { captures in
                guard let address = captures.hex(1), let id = captures.decimal(2), let magic = captures.hex(4) else { return nil }
                return .gcNode(address: address, id: id, type: captures.text(3), magic: magic, location: captures.text(5))
            },
            render: { line in
                guard case let .gcNode(address, id, type, magic, location) = line else { return nil }
                return "  node 0x\(address): id=\(id) type=\(type) magic=0x\(magic) \(location)"
            },
            examples: ["  node 0x55ba1cd9d8c0: id=670472 type=Expression magic=0x1ee70002 programs/combined_all.das:53:32",
                       "  node 0x55da34001bc0: id=491067 type=TypeDecl magic=0x1ee70001 "]),
    ]

    private static func gcHeader(_ phase: GCPhase, start: StaticString, after: String, example: String) -> ReportLineShape {
        ReportLineShape(
            name: "gc_node report header", scope: .anywhere, start: start, pattern: #"([0-9]+) gc_node\(s\) after "# + after,
            build: { captures in captures.decimal(1).map { .gcLeakHeader(phase: phase, count: $0) } },
            render: { line in
                guard case let .gcLeakHeader(printedPhase, count) = line, printedPhase == phase else { return nil }
                return "\(start)\(count) gc_node(s) after \(after)"
            },
            examples: [example])
    }

    // MARK: Smart pointers

    static let smartPointers: [ReportLineShape] = [
        ReportLineShape(
            name: "smart-pointer report header", scope: .anywhere, start: "FATAL: exiting with code 1 -- ",
            structure: [.digits, .literal(" smart pointer")],
            pattern: #"([0-9]+) smart pointer\(s\) still alive at shutdown( \(re-run without -no-dump-leaks for the per-pointer dump\))?"#,
            build: { captures in captures.decimal(1).map { .smartPointerFatal(count: $0, silenced: captures.has(2)) } },
            render: { line in
                guard case let .smartPointerFatal(count, silenced) = line else { return nil }
                return "FATAL: exiting with code 1 -- \(count) smart pointer(s) still alive at shutdown"
                    + (silenced ? " (re-run without -no-dump-leaks for the per-pointer dump)" : "")
            },
            examples: ["FATAL: exiting with code 1 -- 4 smart pointer(s) still alive at shutdown",
                       "FATAL: exiting with code 1 -- 4 smart pointer(s) still alive at shutdown (re-run without -no-dump-leaks for the per-pointer dump)"]),
        ReportLineShape(
            name: nil, scope: .inside(.smartPointerDump), start: "0x", pattern: hex + #" \(rc="# + number + ", id=" + hex + #"\)(?: (.*))?"#,
            namedInside: .smartPointerDump, nameStructure: [.hexDigits, .literal(" (rc=")],
            build: { captures in
                guard let address = captures.hex(1), let count = captures.decimal(2), let id = captures.hex(3) else { return nil }
                return .smartPointer(address: address, referenceCount: count, id: id, description: captures.has(4) ? captures.text(4) : nil)
            },
            render: { line in
                guard case let .smartPointer(address, referenceCount, id, description) = line else { return nil }
                return "0x\(address) (rc=\(referenceCount), id=\(id))" + (description.map { " " + $0 } ?? "")
            },
            examples: ["0x565530662b80 (rc=1, id=2ec) Context ", "0x55ba1cc604a0 (rc=0, id=542)", "0x56553051bcb0 (rc=1, id=2e7) Program"]),
        total("tracked pointers", example: "total 4 tracked pointers", { .smartPointerTotal(count: $0) }) { line in
            guard case let .smartPointerTotal(count) = line else { return nil }
            return count
        },
        countLine(scope: .anywhere, "tracking JobStatus #", example: "tracking JobStatus #1", { .jobTracking(decimal: $0) }) { line in
            guard case let .jobTracking(decimal) = line else { return nil }
            return decimal
        },
        ReportLineShape(
            name: nil, scope: .anywhere, start: "tracking ", structure: [.hexDigits, .literal(" aka ")], pattern: hex + " aka ([0-9]+)",
            build: { captures in
                guard let id = captures.hex(1), let decimal = captures.decimal(2) else { return nil }
                return .smartPointerTracking(id: id, decimal: decimal)
            },
            render: { line in
                guard case let .smartPointerTracking(id, decimal) = line else { return nil }
                return "tracking \(id) aka \(decimal)"
            },
            examples: ["tracking ffffff aka 16777215"]),
    ]

    /// A dump's `total <n> <words>` line; the words after the count say which dump it closes.
    private static func total(
        _ words: StaticString, example: String, _ make: @escaping @Sendable (Int) -> ReportLine,
        _ count: @escaping @Sendable (ReportLine) -> Int?
    ) -> ReportLineShape {
        countLine(name: "dump total line", scope: .anywhere, "total ", " \(words)", structure: [.digits, .literal(" "), .literal(words)],
                  example: example, make, count)
    }

    /// A literal start, a decimal count, then a literal `suffix` (plain text, no pattern syntax).
    private static func countLine(
        name: String? = nil, scope: ReportLineShape.Scope, _ start: StaticString, _ suffix: String = "",
        structure: [ReportLineShape.Step] = [], example: String, _ make: @escaping @Sendable (Int) -> ReportLine,
        _ count: @escaping @Sendable (ReportLine) -> Int?
    ) -> ReportLineShape {
        ReportLineShape(
            name: name, scope: scope, start: start, structure: structure, pattern: "([0-9]+)" + suffix,
            build: { captures in captures.decimal(1).map(make) },
            render: { line in count(line).map { "\(start)\($0)\(suffix)" } },
            examples: [example])
    }

    // MARK: Job queue

    static let jobQueue: [ReportLineShape] = [
        ReportLineShape(
            name: "JobStatus dump line", scope: .anywhere, start: "  JobStatus #", structure: [.hexDigits, .literal(" (rc=")],
            pattern: hex + #" \(rc="# + number + #"\) (\S+)(?:( created at )(.*))?"#, namedInside: .jobStatusDump,
            build: { captures in
                guard let id = captures.hex(1), let count = captures.decimal(2) else { return nil }
                return .jobStatus(id: id, referenceCount: count, subtype: captures.text(3), createdAt: captures.has(4) ? captures.text(5) : nil)
            },
            render: { line in
                guard case let .jobStatus(id, referenceCount, subtype, createdAt) = line else { return nil }
                return "  JobStatus #\(id) (rc=\(referenceCount)) \(subtype)" + (createdAt.map { " created at " + $0 } ?? "")
            },
            examples: ["  JobStatus #3 (rc=1) LockBox created at programs/jobque_exception.das:21:18",
                       "  JobStatus #7fc29a8b8850 (rc=-1735744472) JobStatus"]),
        total("leaked JobStatus objects", example: "total 2 leaked JobStatus objects", { .jobStatusTotal(count: $0) }) { line in
            guard case let .jobStatusTotal(count) = line else { return nil }
            return count
        },
        ReportLineShape(
            name: "Feature dump line", scope: .anywhere, start: "  Feature #",
            structure: [.hexDigits, .either([[.end], [.literal(" owner=#")], [.literal(" created at ")]])],
            pattern: hex + "(?: owner=#" + hex + ")?(?:( created at )(.*))?", namedInside: .featureDump,
            build: { captures in
                guard let id = captures.hex(1) else { return nil }
                var owner: HexNumber?
                if captures.has(2) {
                    guard let printed = captures.hex(2) else { return nil }
                    owner = printed
                }
                return .feature(id: id, owner: owner, createdAt: captures.has(3) ? captures.text(4) : nil)
            },
            render: { line in
                guard case let .feature(id, owner, createdAt) = line else { return nil }
                return "  Feature #\(id)" + (owner.map { " owner=#\($0)" } ?? "") + (createdAt.map { " created at " + $0 } ?? "")
            },
            examples: ["  Feature #4", "  Feature #4 owner=#1"]),
        total("leaked Feature objects", example: "total 2 leaked Feature objects", { .featureTotal(count: $0) }) { line in
            guard case let .featureTotal(count) = line else { return nil }
            return count
        },
        ReportLineShape(
            name: "job-status trace line", scope: .anywhere, start: "JobStatus #",
            structure: [.hexDigits, .literal(" ("), .either([[.past(") addRef (rc=")], [.past(") releaseRef (rc=")]])],
            pattern: hex + #" \((\S+)\) (addRef|releaseRef) \(rc="# + number + #"\) at (.*)"#,
            build: { captures in
                guard let id = captures.hex(1), let count = captures.decimal(4) else { return nil }
                let operation: TraceEvent.Operation = captures.startsWith(3, UInt8(ascii: "a")) ? .addRef : .releaseRef
                return .jobTrace(id: id, subtype: captures.text(2), operation: operation, referenceCount: count, location: captures.text(5))
            },
            render: { line in
                guard case let .jobTrace(id, subtype, operation, referenceCount, location) = line else { return nil }
                return "JobStatus #\(id) (\(subtype)) \(operation.rawValue) (rc=\(referenceCount)) at \(location)"
            },
            examples: ["JobStatus #1 (JobStatus) addRef (rc=0) at programs/jobque_wait_group_leak.das:16:17",
                       "JobStatus #1 (JobStatus) releaseRef (rc=4) at programs/jobque_wait_group_leak.das:21:22"]),
    ]

    // MARK: Panics

    static let panics: [ReportLineShape] = [
        restOfLine(scope: .anywhere, "EXCEPTION: ", example: "EXCEPTION: simulated failure while holding jobque primitives",
                   { .exception(inJob: false, message: $0) }) { line in
            guard case .exception(false, let message) = line else { return nil }
            return message
        },
        restOfLine(scope: .anywhere, "JOB EXCEPTION: ",
                   example: "JOB EXCEPTION: Stream has not been released. missing stream|>release or stream|>notify_and_release",
                   { .exception(inJob: true, message: $0) }) { line in
            guard case .exception(true, let message) = line else { return nil }
            return message
        },
        restOfLine(scope: .inside(.exception), " at ", example: " at programs/jobque_exception.das:22:8",
                   { .exceptionLocation(location: $0) }) { line in
            guard case let .exceptionLocation(location) = line else { return nil }
            return location
        },
        ReportLineShape(
            name: nil, scope: .anywhere, start: "[daslang atexit] FATAL: ",
            pattern: "g_envTotal=" + number + #" at exit \(Initialize/Shutdown not balanced\)"#,
            build: { captures in captures.decimal(1).map { .atexitFatal(environmentTotal: $0) } },
            render: { line in
                guard case let .atexitFatal(total) = line else { return nil }
                return "[daslang atexit] FATAL: g_envTotal=\(total) at exit (Initialize/Shutdown not balanced)"
            },
            examples: ["[daslang atexit] FATAL: g_envTotal=1 at exit (Initialize/Shutdown not balanced)"]),
        restOfLine(scope: .anywhere, "CRASH: ", example: "CRASH: SIGSEGV (Segmentation fault) (signal 11) at address 0x22c96",
                   { .crash(description: $0) }) { line in
            guard case let .crash(description) = line else { return nil }
            return description
        },
    ]

    /// A literal start followed by free text, all of which the line keeps.
    private static func restOfLine(
        scope: ReportLineShape.Scope, _ start: StaticString, example: String, _ make: @escaping @Sendable (String) -> ReportLine,
        _ text: @escaping @Sendable (ReportLine) -> String?
    ) -> ReportLineShape {
        ReportLineShape(
            name: nil, scope: scope, start: start, pattern: "(.*)",
            build: { captures in make(captures.text(1)) },
            render: { line in text(line).map { "\(start)\($0)" } },
            examples: [example])
    }

    /// A line that is exactly `text`.
    private static func exactLine(name: String?, scope: ReportLineShape.Scope, _ text: StaticString, _ line: ReportLine) -> ReportLineShape {
        ReportLineShape(
            name: name, scope: scope, start: text, pattern: "",
            build: { _ in line },
            render: { printed in printed == line ? "\(text)" : nil },
            examples: ["\(text)"])
    }

    // MARK: dasHV handles

    static let handles: [ReportLineShape] = [
        ReportLineShape(
            name: "handle dump line", scope: .anywhere, start: "  Handle",
            structure: [.either([[.literal(" idx=")], [.literal("<"), .past("> idx=")]]), .digits, .literal(" gen=")],
            pattern: "(?:<([^>]*)>)? idx=([0-9]+) gen=([0-9]+) " + #"\(rc="# + number + #"\)"#, namedInside: .handleDump,
            build: { captures in
                guard let index = captures.decimal(2), let generation = captures.decimal(3), let count = captures.decimal(4) else {
                    return nil
                }
                return .handle(type: captures.has(1) ? captures.text(1) : nil, index: index, generation: generation, referenceCount: count)
            },
            render: { line in
                guard case let .handle(type, index, generation, referenceCount) = line else { return nil }
                return "  Handle" + (type.map { "<\($0)>" } ?? "") + " idx=\(index) gen=\(generation) (rc=\(referenceCount))"
            },
            examples: ["  Handle<WebSocketClient> idx=0 gen=4 (rc=1)"]),
        ReportLineShape(
            name: "dump total line", scope: .anywhere, start: "total ", structure: [.digits, .literal(" leaked handles of type ")],
            pattern: "([0-9]+) leaked handles of type (.+)",
            build: { captures in captures.decimal(1).map { .handleTotal(count: $0, type: captures.text(2)) } },
            render: { line in
                guard case let .handleTotal(count, type) = line else { return nil }
                return "total \(count) leaked handles of type \(type)"
            },
            examples: ["total 1 leaked handles of type WebSocketClient"]),
    ]

    // MARK: C++ heap leak report (RelWithDebInfo)

    static let cpp: [ReportLineShape] = [
        ReportLineShape(
            name: "C++ heap leak report header", scope: .anywhere, start: "=== daslang C++ heap leak report", pattern: " ===",
            build: { _ in .cppReportHeader },
            render: { line in line == .cppReportHeader ? "=== daslang C++ heap leak report ===" : nil },
            examples: ["=== daslang C++ heap leak report ==="]),
        cppSummary(.liveAllocations, "Total live allocations:", rest: "", example: "Total live allocations: 521"),
        cppSummary(.bytes, "Total bytes:", rest: "", example: "Total bytes:            108,440"),
        cppSummary(.sites, "Distinct leak sites:", rest: "", example: "Distinct leak sites:    97"),
        cppSummary(.largestAllocation, "Largest single alloc:", rest: "", example: "Largest single alloc:   49,152 bytes"),
        cppSummary(.orphanFrees, "Orphan frees", rest: #" \(pre-arm or cross-module\):"#, example: nil),
        ReportLineShape(
            name: "C++ heap leak site", scope: .inside(.cppReport), start: "--- Leak site #", structure: [.digits, .literal(":")],
            pattern: grouped + ": " + grouped + " allocs, " + grouped + #" bytes \(min "# + grouped + ", max " + grouped + ", mean "
                + grouped + #"\) ---"#,
            namedAnywhere: true,
            build: { captures in
                guard let index = captures.decimal(1), let allocations = captures.decimal(2), let bytes = captures.decimal(3),
                      let minimum = captures.decimal(4), let maximum = captures.decimal(5), let mean = captures.decimal(6) else { return nil }
                return .cppSite(index: index, allocations: allocations, bytes: bytes, min: minimum, max: maximum, mean: mean)
            },
            render: { line in
                guard case let .cppSite(index, allocations, bytes, min, max, mean) = line else { return nil }
                return "--- Leak site #\(index): \(grouped(allocations)) allocs, \(grouped(bytes)) bytes (min \(grouped(min)), max \(grouped(max)), mean \(grouped(mean))) ---"
            },
            examples: ["--- Leak site #1: 1 allocs, 49,152 bytes (min 49,152, max 49,152, mean 49,152) ---"]),
        ReportLineShape(
            name: "C++ heap leak site sample line", scope: .inside(.cppReport), start: "  sample ptr: ", pattern: "0x" + hex,
            namedInside: .cppReport,
            build: { captures in captures.hex(1).map { .cppSamplePointer($0) } },
            render: { line in
                guard case let .cppSamplePointer(pointer) = line else { return nil }
                return "  sample ptr: 0x\(pointer)"
            },
            examples: ["  sample ptr: 0x557d097a0940"]),
        ReportLineShape(
            name: "C++ heap leak stack frame", scope: .inside(.cppReport), start: cppFrameStart, pattern: hex + #"  (.*?)(?:   \((.*)\))?"#,
            namedInside: .cppReport,
            build: { captures in
                guard let address = captures.hex(1) else { return nil }
                let symbol = captures.text(2)
                let library = captures.has(3) ? captures.text(3) : nil
                return .cppFrame(address: address, symbol: symbol == "?" && library == nil ? nil : symbol, library: library)
            },
            render: { line in
                guard case let .cppFrame(address, symbol, library) = line else { return nil }
                return "    0x\(address)  \(symbol ?? "?")" + (library.map { "   (\($0))" } ?? "")
            },
            examples: ["    0x7fc9cad42cd4  ?", "    0x7f1c8b245305  __libc_start_main+0x85   (/lib/x86_64-linux-gnu/libc.so.6)"]),
        // An empty line inside the report; read by the parser before any shape is tried.
        ReportLineShape(
            name: nil, scope: .inside(.cppReport), start: "", pattern: "",
            build: { _ in .cppBlank },
            render: { line in line == .cppBlank ? "" : nil },
            examples: [""]),
        ReportLineShape(
            name: "C++ heap leak report end line", scope: .inside(.cppReport), start: "=== End report",
            pattern: #" \("# + grouped + " leaks, " + grouped + #" sites, symbolized in ([0-9.]+)s\) ==="#, namedInside: .cppReport,
            build: { captures in
                guard let leaks = captures.decimal(1), let sites = captures.decimal(2) else { return nil }
                return .cppReportEnd(leaks: leaks, sites: sites, seconds: captures.text(3))
            },
            render: { line in
                guard case let .cppReportEnd(leaks, sites, seconds) = line else { return nil }
                return "=== End report (\(grouped(leaks)) leaks, \(grouped(sites)) sites, symbolized in \(seconds)s) ==="
            },
            examples: ["=== End report (521 leaks, 97 sites, symbolized in 0.01s) ==="]),
    ]

    /// The aligned summary lines: the label padded to 24 columns, numbers with thousands separators.
    private static func cppSummary(
        _ field: CppSummaryField, _ start: StaticString, rest: String, example: String?
    ) -> ReportLineShape {
        ReportLineShape(
            name: "C++ heap leak report summary line", scope: .inside(.cppReport), start: start,
            pattern: rest + " +" + grouped + "( bytes)?", namedInside: .cppReport,
            build: { captures in captures.decimal(1).map { .cppSummary(field: field, value: $0) } },
            render: { line in
                guard case let .cppSummary(printedField, value) = line, printedField == field else { return nil }
                let label = "\(start)" + rest.replacingBackslashes()
                let padded = label + String(repeating: " ", count: max(1, 24 - label.count))
                return padded + grouped(value) + (field == .largestAllocation ? " bytes" : "")
            },
            examples: example.map { [$0] } ?? [])
    }

    // MARK: Usage errors

    static let usage: [ReportLineShape] = [
        restOfLine(scope: .anywhere, "unknown command line option ", example: "unknown command line option no-dump-leaks",
                   { .unknownOption(name: $0) }) { line in
            guard case let .unknownOption(name) = line else { return nil }
            return name
        },
        restOfLine(scope: .anywhere, "expecting job status id, got ", example: "expecting job status id, got b",
                   { .badJobStatusID(text: $0) }) { line in
            guard case let .badJobStatusID(text) = line else { return nil }
            return text
        },
    ]
}

private extension String {
    /// The text a pattern's escaped literal stands for.
    func replacingBackslashes() -> String {
        String(filter { $0 != "\\" })
    }
}
