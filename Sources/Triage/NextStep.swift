import Foundation
import LeakModel

/// The exact command (or code change) that tells the user more about a finding.
enum NextStep {
    static func command(for draft: FindingDraft, script: String) -> String? {
        let first = draft.first
        let quoted = shellQuoted(script)
        switch first.detector {
        case .gcNode:
            // DAS_GC_BREAK_ON_ID takes the decimal id as printed; the smallest is the first created.
            guard let id = draft.identities.compactMap({ Int($0) }).min() else {
                return "daslang \(quoted)  # rerun: the node lines were not printed"
            }
            return "DAS_GC_BREAK_ON_ID=\(id) daslang \(quoted)"
        case .jobStatus:
            // Dump ids are hex; --track-job-status takes decimal.
            let target: UInt64?
            if first.kind == "Feature" {
                target = first.context.flatMap { UInt64($0, radix: 16) }
                    ?? first.identity.flatMap { UInt64($0, radix: 16) }.map { $0 > 0 ? $0 - 1 : $0 }
            } else {
                target = first.identity.flatMap { UInt64($0, radix: 16) }
            }
            guard let target else { return nil }
            return "daslang --track-job-status \(target) \(quoted)"
        case .smartPtr:
            if first.kind == "unlisted" { return "daslang \(quoted)  # without --no-dump-leaks, to list the pointers" }
            guard let id = first.identity else { return nil }
            return "daslang --track-smart-ptr \(id) \(quoted)"
        case .heapReport:
            if first.kind == "string" || first.kind.hasPrefix("string ") { return nil }
            if first.kind == "block" || first.kind.contains("deck of size") {
                return "daslang -track-allocations -heap-report \(quoted)"
            }
            return "daslang --das-profiler --das-profiler-leaks \(quoted)"
        case .profiler, .cppHeap:
            return nil
        case .handleRegistry:
            return handleRelease(for: first.kind, sharedReference: (draft.referenceCounts?.upperBound ?? 1) > 1)
        }
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
