import LeakEmitters
import LeakModel

/// Random detector states for round-trip properties, from a seed (SplitMix64), within what
/// the runtime can print: the emitters turn them into report text.
struct RandomDetectorStates {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func address() -> HexNumber { HexNumber(0x5500_0000_0000 + next() % 0x00FF_FFFF_FFF0) }

    mutating func location(column: Bool = true) -> String {
        let file = pick(["programs/leaky.das", "/home/ci/daslang/daslib/builtin.das", "/tmp/check out/with space.das", "a.das"])
        return column ? "\(file):\(int(1...999)):\(int(1...80))" : "\(file):\(int(1...999))"
    }

    /// Text a string heap may hold: words, escapes, and text that looks like other reports.
    mutating func heapText() -> String {
        pick([
            "key_\(int(0...99))", "name number \(int(0...99)) with some padd...", "GC APP LEAK: 3 gc_node(s) after execution",
            "  JobStatus #1 (rc=1) Channel created at x.das:1:1", "clean_run done\\n...", "total 4 tracked pointers",
            "=== Memory leaks in context 'x' (1 allocations, 0x10 bytes) ===", "",
        ])
    }

    mutating func profilerBlock() -> ProfilerBlock {
        let context = pick(["<unnamed>", "clone of ", "worker 'B' thread", "main_ctx", "clone of main_ctx"])
        let allocations = (0..<int(1...12)).map { _ in
            ProfilerBlock.Allocation(size: HexNumber(UInt64(int(1...4096))), frames: (0..<int(1...5)).map { _ in
                ProfilerBlock.Frame(function: pick(["main", "builtin`push`4379756157886752001", "_lambda_thismodule_45_2`function", "?"]),
                                    location: chance(80) ? location(column: false) : nil)
            })
        }
        return ProfilerBlock(context: context, allocations: allocations, marker: chance(80) ? .info : nil)
    }

    mutating func heapReport() -> HeapReport {
        switch int(0...2) {
        case 0:
            // Persistent heap with -track-allocations: every block is big stuff.
            let blocks = (0..<int(0...8)).map { _ in
                HeapBody.Block(size: int(1...2048), pointer: address(), id: int(0...5000),
                               comment: pick(["array", "table", "new [[ ]]", "new with initializer"]),
                               location: chance(50) ? location() : nil)
            }
            let strings = (0..<int(0...6)).map { _ in
                HeapBody.BigString(text: heapText(), size: int(1...64), address: String(next() % 100_000_000_000_000))
            }
            return HeapReport(heap: HeapBody(blocks: blocks.isEmpty ? nil : blocks),
                              strings: HeapBody(bigStrings: strings.isEmpty ? nil : strings))
        case 1:
            // Persistent heap without tracking: decks, then anonymous big blocks.
            let decks = (0..<int(1...3)).map { index in
                HeapBody.DeckClass(size: 16 << index, chunks: (0..<int(1...2)).map { _ in
                    let start = next() % 0xFFFF_FFFF
                    return HeapBody.DeckChunk(from: HexNumber(start), to: HexNumber(start + 0x10000), allocated: int(0...40),
                                              total: 4096, totalBytes: 65_536)
                })
            }
            let stringDecks = [HeapBody.DeckClass(size: 16, chunks: [
                HeapBody.DeckChunk(from: HexNumber(0x55e3_60d5_9bc0), to: HexNumber(0x55e3_60d6_9bc0), allocated: 3, total: 4096,
                                   totalBytes: 65_536, strings: [heapText(), heapText(), heapText()]),
            ], reserves: (64, 1))]
            let blocks = (0..<int(0...3)).map { _ in HeapBody.Block(size: 1024, pointer: address(), id: 0) }
            return HeapReport(heap: HeapBody(decks: decks, blocks: blocks), strings: HeapBody(decks: stringDecks))
        default:
            // Linear heap (options persistent_heap = false).
            let chunk = HeapBody.LinearChunk(address: HexNumber(next() % 0xFFFF_FFFF_FFFF), used: int(0...65_536), size: 65_536)
            let strings = HeapBody.LinearChunk(address: HexNumber(next() % 0xFFFF_FFFF_FFFF), used: int(1...65_536), size: 65_536,
                                               strings: (0..<int(0...6)).map { _ in heapText() })
            return HeapReport(heap: HeapBody(linearChunks: [chunk]), strings: HeapBody(linearChunks: [strings]))
        }
    }

    mutating func gcReport() -> GCReport {
        let nodes = (0..<int(1...10)).map { index in
            GCReport.Node(address: address(), id: 490_000 + index, type: pick(["TypeDecl", "Expression", "Function", "gc_node"]),
                          magic: HexNumber(0x1EE7_0001 + UInt64(int(0...1))), location: chance(85) ? location() : "")
        }
        return GCReport(phase: chance(50) ? .compile : .app, roots: [GCReport.Root(address: address(), nodes: nodes)])
    }

    mutating func smartPointers() -> SmartPointerDump {
        if chance(15) { return SmartPointerDump(pointers: [], silencedCount: int(1...9)) }
        let pointers = (0..<int(1...6)).map { index in
            SmartPointerDump.Pointer(address: address(), referenceCount: int(0...3), id: HexNumber(UInt64(0x2e4 + index)),
                                     description: pick([nil, "Program", "FileAccess", "Context ", "Context clone of ", "Context worker"]))
        }
        return SmartPointerDump(pointers: pointers)
    }

    mutating func jobQueue() -> JobQueueDump {
        let statuses = (0..<int(0...5)).map { index in
            JobQueueDump.Status(id: HexNumber(UInt64(2 * index + 1)), referenceCount: int(0...3),
                                subtype: pick(["Channel", "LockBox", "JobStatus", "Stream", "SeqBox"]), createdAt: chance(80) ? location() : nil)
        }
        let features = (0..<int(statuses.isEmpty ? 1...4 : 0...4)).map { index in
            JobQueueDump.Feature(id: HexNumber(UInt64(2 * index + 2)), owner: chance(40) ? HexNumber(1) : nil)
        }
        return JobQueueDump(statuses: statuses, features: features)
    }

    mutating func handles() -> HandleRegistryDump {
        let types = ["WebSocketClient", "WebSocketServer", "WebSocketChannel"].filter { _ in chance(60) }
        let groups = (types.isEmpty ? ["WebSocketClient"] : types).map { type in
            HandleRegistryDump.Group(type: type, typedLines: chance(90), handles: (0..<int(1...3)).map { index in
                HandleRegistryDump.Handle(index: index, generation: int(1...5), referenceCount: int(1...2))
            })
        }
        return HandleRegistryDump(groups: groups)
    }

    mutating func cppHeap() -> CppHeapReport {
        let sites = (0..<int(1...5)).map { _ -> CppHeapReport.Site in
            let allocations = int(1...40)
            let size = int(8...4096)
            return CppHeapReport.Site(
                allocations: allocations, bytes: allocations * size, minimum: size, maximum: size, samplePointer: address(),
                frames: (0..<int(1...6)).map { _ in
                    chance(40)
                        ? CppHeapReport.Frame(address: address(), symbol: nil, library: nil)
                        : CppHeapReport.Frame(address: address(), symbol: "das::Context::relocateCode(bool)+0x437",
                                              library: "/home/ci/daslang-rwdi/lib/liblibDaScriptDyn_runtime.so")
                })
        }
        return CppHeapReport(sites: sites, orphanFrees: chance(30) ? int(0...5000) : nil, symbolizeSeconds: "0.01")
    }

    /// One random report of any detector.
    mutating func anyReport() -> ReportState {
        switch int(0...6) {
        case 0: return .profiler(profilerBlock())
        case 1: return .heap(heapReport())
        case 2: return .gc(gcReport())
        case 3: return .smartPointers(smartPointers())
        case 4: return .jobQueue(jobQueue())
        case 5: return .handles(handles())
        default: return .cppHeap(cppHeap())
        }
    }
}
