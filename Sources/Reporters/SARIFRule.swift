import LeakModel

/// The SARIF rule of each detector: what it reports and how to learn more about a finding.
enum SARIFRule {
    /// The `reportingDescriptor` of `detector`; its `id` is the detector's name.
    static func descriptor(for detector: Detector) -> JSONValue {
        let text = texts(for: detector)
        return .object([
            "id": .string(detector.rawValue),
            "name": .string(text.name),
            "shortDescription": .object(["text": .string(text.short)]),
            "fullDescription": .object(["text": .string(text.full)]),
            "help": .object(["text": .string(text.help), "markdown": .string(text.help)]),
            "properties": .object(["tags": .array([.string("memory-leak"), .string(detector.mechanism.rawValue)])]),
        ])
    }

    private static func texts(for detector: Detector) -> (name: String, short: String, full: String, help: String) {
        switch detector {
        case .profiler:
            return ("ProfilerLeak", "Allocation still live when its context was destroyed",
                    "The leak profiler (--das-profiler --das-profiler-leaks) listed an allocation of a daslang context that was never freed, with its call stack.",
                    "Read the stack, leaf first: the leaf frame allocated the memory that nothing freed. Findings of the same allocation site are grouped; the count and bytes are totals.")
        case .heapReport:
            return ("HeapReportLiveMemory", "Memory still live on a context heap at exit",
                    "The heap report (-heap-report) listed memory still allocated on a context's heap or string heap when the context was destroyed.",
                    "Run `daslang -track-allocations -heap-report script.das` to see where each block was allocated, or the leak profiler (`--das-profiler --das-profiler-leaks`) for call stacks. Strings left on the string heap are interned strings or held by globals: known non-leaks.")
        case .gcNode:
            return ("GCNodeSurvivor", "Compiler node outlives compilation or execution",
                    "GC COMPILE LEAK / GC APP LEAK: an AST node (TypeDecl, Expression, …) is still reachable after compilation or after execution.",
                    "Run the finding's next step, `DAS_GC_BREAK_ON_ID=<id> daslang script.das`, under a debugger: the runtime stops where the first leaked node is created. Fix gc survivors first: they keep other objects alive.")
        case .smartPtr:
            return ("SmartPointerAlive", "Smart pointer still alive at shutdown",
                    "FATAL: smart pointer(s) still alive at shutdown: a reference-counted runtime object was never released.",
                    "Run the finding's next step, `daslang --track-smart-ptr <hex id> script.das`, to log every addRef and delRef of that pointer. A dump silenced by --no-dump-leaks lists nothing: run without it.")
        case .jobStatus:
            return ("JobQueuePrimitiveLeak", "Job-queue primitive never released",
                    "A JobStatus (channel, lock box, wait group, …) or Feature survived the run: something kept a reference to it.",
                    "Run the finding's next step, `daslang --track-job-status <decimal id> script.das`, then `leaktriage replay` on that log: it pairs addRef with releaseRef and names the addRef never released.")
        case .handleRegistry:
            return ("HandleNotReleased", "dasHV handle never released",
                    "The dasHV handle registry still held a handle (web socket client, server or channel) at exit.",
                    "Release the handle as the finding's next step says: delete or close the object whose finalizer releases it. A reference count above 1 means a second owner (a capture or a stored copy).")
        case .cppHeap:
            return ("CppHeapLeak", "C++ allocation still live at exit",
                    "The C++ heap leak report of RelWithDebInfo builds listed allocations still live at exit, grouped by symbolised call stack.",
                    "Read the symbolised stack, leaf first. Allocations made by shared-module registration (das::require_dynamic_modules) live until process exit: a known baseline, not a leak.")
        }
    }
}
