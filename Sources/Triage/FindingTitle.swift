import LeakModel

/// One line that says what leaked, how much, and where it was born.
enum FindingTitle {
    static func title(for draft: FindingDraft) -> String {
        let first = draft.first
        let count = draft.count
        let place = first.location.map { " at \($0)" } ?? ""
        switch first.detector {
        case .gcNode:
            let phase = first.context == GCPhase.compile.rawValue ? "compilation" : "execution"
            let verb = count == 1 ? "outlives" : "outlive"
            let born = first.location.map { ", born at \($0)" } ?? " (birthplace not printed)"
            return "\(count) \(first.kind) \(plural("node", count)) \(verb) \(phase)\(born)"
        case .jobStatus where first.kind == "Feature":
            let relation = draft.relation.map { " " + $0 } ?? ""
            return "\(count) \(plural("Feature", count))\(relation) never released\(place)"
        case .jobStatus:
            let rc = draft.referenceCounts.map { " (rc=\(rangeText($0)))" } ?? ""
            let created = first.location.map { ", created at \($0)" } ?? ""
            return "\(count) \(first.kind) \(plural("object", count)) never released\(rc)\(created)"
        case .profiler:
            let frame = first.stack.first { $0.location.map { !$0.isLibrary } ?? false } ?? first.stack.first
            let fn = frame?.function.map { " in \(Fingerprinter.normalizedFunction($0))" } ?? ""
            let at = frame?.location.map { " at \($0)" } ?? ""
            let context = first.context.map { " in context '\($0)'" } ?? ""
            return "\(count) \(plural("allocation", count)) (\(byteText(draft.bytes))) leaked\(context), allocated\(fn)\(at)"
        case .heapReport:
            switch first.kind {
            case "string":
                return "\(count) \(plural("string", count)) (\(byteText(draft.bytes))) live on the string heap"
            case "linear chunk", "string chunk":
                return "\(byteText(draft.bytes)) in use in \(count) \(first.kind)\(count == 1 ? "" : "s") after main"
            case let kind where kind.contains("deck of size"):
                return "\(byteText(draft.bytes)) allocated in \(count) \(kind) chunk\(count == 1 ? "" : "s") after main"
            default:
                return "\(count) `\(first.kind)` \(plural("block", count)) (\(byteText(draft.bytes))) live after main\(place)"
            }
        case .smartPtr:
            if first.kind == "unlisted" {
                return "\(count) smart \(plural("pointer", count)) alive at shutdown (dump silenced by --no-dump-leaks)"
            }
            let name = first.kind == "Context" ? " '\(first.context ?? "")'" : ""
            let rc = draft.referenceCounts.map { " (rc=\(rangeText($0)))" } ?? ""
            let what = first.kind == "object" ? "untyped smart \(plural("pointer", count))" : "\(first.kind)\(name) \(plural("pointer", count))"
            return "\(count) \(what) still alive at shutdown\(rc)"
        case .handleRegistry:
            let rc = draft.referenceCounts.map { $0.upperBound > 1 ? " (rc=\(rangeText($0)): another reference keeps it)" : " (rc=1: never released)" } ?? ""
            return "\(count) \(first.kind) \(plural("handle", count)) leaked\(rc)"
        case .cppHeap:
            let symbol = first.stack.compactMap(\.function).first.map { " in \(shortSymbol(Fingerprinter.normalizedFunction($0)))" } ?? ""
            return "\(count) C++ \(plural("allocation", count)) (\(byteText(draft.bytes))) live at exit\(symbol)"
        }
    }

    /// A C++ symbol without parameter lists and with template arguments elided:
    /// `std::vector<…>::_M_realloc_insert<…>` rather than a screenful of `std::__cxx11::basic_string`.
    static func shortSymbol(_ symbol: String) -> String {
        var result = ""
        var depth = 0
        for character in symbol {
            switch character {
            case "<":
                if depth == 0 { result.append("<…>") }
                depth += 1
            case ">":
                depth = max(0, depth - 1)
            case "(" where depth == 0:
                return result
            default:
                if depth == 0 { result.append(character) }
            }
        }
        return result
    }

    static func plural(_ word: String, _ count: Int) -> String {
        count == 1 ? word : word + "s"
    }

    static func rangeText(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
    }

    static func byteText(_ bytes: Int?) -> String {
        guard let bytes else { return "size unknown" }
        return "\(bytes.formattedWithThousandsSeparators) \(bytes == 1 ? "byte" : "bytes")"
    }
}
