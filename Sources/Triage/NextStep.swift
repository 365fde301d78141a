import Foundation
import LeakModel

/// The exact command (or code change) that tells the user more about a finding.
enum NextStep {
    /// A finding's next step, and its macOS form when that differs (a debugger other than gdb).
    struct Commands: Equatable {
        var command: String?
        var macOS: String?
    }

    /// The step for `draft`, rerunning `script` — or, for a test run by dastest, `testFile` through the
    /// runner (`daslang <options> dastest/dastest.das -- --test <testFile>`).
    static func commands(for draft: FindingDraft, script: String, testFile: String? = nil) -> Commands {
        let first = draft.first
        let target = testFile.map { "dastest/dastest.das -- --test " + shellQuoted($0) } ?? shellQuoted(script)
        func daslang(_ options: String...) -> String { (["daslang"] + options + [target]).joined(separator: " ") }
        func plain(_ command: String?) -> Commands { Commands(command: command, macOS: nil) }
        switch first.detector {
        case .gcNode:
            // DAS_GC_BREAK_ON_ID takes the decimal id as printed; the smallest is the first created.
            guard let id = draft.identities.compactMap({ if case let .decimal(id) = $0 { id } else { nil } }).min() else {
                return plain(daslang() + "  # rerun: the node lines were not printed")
            }
            return debugged(DebuggerCommand(environment: ["DAS_GC_BREAK_ON_ID=\(id)"], program: daslang(), plan: .backtraceFirstBreak))
        case .jobStatus:
            // Dump ids are hex; --track-job-status takes decimal.
            let traced: UInt64?
            switch first.payload {
            case let .feature(id, owner): traced = owner?.value ?? (id.value > 0 ? id.value - 1 : id.value)
            case let .jobStatus(_, id): traced = id.value
            default: traced = nil
            }
            return plain(traced.map { daslang("--track-job-status \($0)") })
        case .smartPtr:
            guard case let .smartPointer(kind, id) = first.payload else { return plain(nil) }
            if kind == .unlisted { return plain(daslang() + "  # without --no-dump-leaks, to list the pointers") }
            guard let id else { return plain(nil) }
            // It breaks where the pointer is made and at every addRef and delRef (smart_ptr.h).
            return debugged(DebuggerCommand(environment: [], program: daslang("--track-smart-ptr \(id)"),
                                            plan: .backtraceEveryBreak(frames: 6)))
        case .heapReport:
            guard case let .heapRow(kind, _) = first.payload, !kind.isOnStringHeap else { return plain(nil) }
            switch kind {
            case .block(comment: nil), .deck: return plain(daslang("-track-allocations -heap-report"))
            default: return plain(daslang("--das-profiler --das-profiler-leaks"))
            }
        case .profiler, .cppHeap:
            return plain(nil)
        case .handleRegistry:
            return plain(handleRelease(for: first.payload.kindText, sharedReference: (draft.referenceCounts?.upperBound ?? 1) > 1))
        }
    }

    private static func debugged(_ command: DebuggerCommand) -> Commands {
        Commands(command: command.gdb, macOS: command.lldb)
    }

    private static func handleRelease(for type: String, sharedReference: Bool) -> String {
        let release: String
        switch type {
        case "WebSocketClient": release = "delete the HvWebSocketClient object (its finalizer calls destroy_web_socket_client)"
        case "WebSocketServer": release = "delete the HvWebServer object (its finalizer stops and destroys the server)"
        case "WebSocketChannel": release = "close the connection and drop every stored WebSocketChannel before the server is deleted"
        default: release = "delete the object that owns the \(type) handle"
        }
        return sharedReference ? "find the second owner (a capture or a stored copy), then " + release : release
    }

    /// `script` quoted for a POSIX shell when it needs it.
    static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@,=".contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
