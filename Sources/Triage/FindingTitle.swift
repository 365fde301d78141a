import Foundation
import LeakModel

/// One line that says what leaked, how much, and where it was born.
enum FindingTitle {
    /// The title of `draft`; `userFrame` is the index of its first frame in the user's code.
    static func title(for draft: FindingDraft, userFrame: Int?) -> String {
        let first = draft.first
        let count = draft.count
        let place = first.location.map { " at \($0)" } ?? ""
        let kind = first.payload.kindText
        switch first.payload {
        case let .gcNode(_, phase, _):
            let verb = count == 1 ? "outlives" : "outlive"
            let born = first.location.map { ", born at \($0)" } ?? " (birthplace not printed)"
            return "\(count) \(kind) \(plural("node", count)) \(verb) \(phase == .compile ? "compilation" : "execution")\(born)"
        case .feature:
            let relation = draft.relation.map { " " + $0 } ?? ""
            return "\(count) \(plural("Feature", count))\(relation) never released\(place)"
        case .jobStatus:
            let rc = draft.referenceCounts.map { " (rc=\(rangeText($0)))" } ?? ""
            let created = first.location.map { ", created at \($0)" } ?? ""
            return "\(count) \(kind) \(plural("object", count)) never released\(rc)\(created)"
        case let .profilerLeak(context):
            return profilerTitle(for: draft, context: context, userFrame: userFrame)
        case .heapRow(.string, _):
            return "\(count) \(plural("string", count)) (\(byteText(draft.bytes))) live on the string heap"
        case .heapRow(.linearChunk, _), .heapRow(.stringChunk, _):
            return "\(byteText(draft.bytes)) in use in \(count) \(kind)\(count == 1 ? "" : "s") after main"
        case .heapRow(.deck, _), .heapRow(.stringDeck, _):
            return "\(byteText(draft.bytes)) allocated in \(count) \(kind) chunk\(count == 1 ? "" : "s") after main"
        case .heapRow(.block, _):
            return "\(count) `\(kind)` \(plural("block", count)) (\(byteText(draft.bytes))) live after main\(place)"
        case .smartPointer(.unlisted, _):
            return "\(count) smart \(plural("pointer", count)) alive at shutdown (dump silenced by --no-dump-leaks)"
        case let .smartPointer(pointer, _):
            let rc = draft.referenceCounts.map { " (rc=\(rangeText($0)))" } ?? ""
            let what: String
            switch pointer {
            case .untyped: what = "untyped smart \(plural("pointer", count))"
            case let .context(name): what = "\(kind) '\(name)' \(plural("pointer", count))"
            case .unlisted, .program, .fileAccess, .other: what = "\(kind) \(plural("pointer", count))"
            }
            return "\(count) \(what) still alive at shutdown\(rc)"
        case .handle:
            let rc = draft.referenceCounts.map { $0.upperBound > 1 ? " (rc=\(rangeText($0)): another reference keeps it)" : " (rc=1: never released)" } ?? ""
            return "\(count) \(kind) \(plural("handle", count)) leaked\(rc)"
        case .cppSite:
            let symbol = first.stack.compactMap(\.function).first.map { " in \(shortSymbol(Fingerprinter.normalizedFunction($0)))" } ?? ""
            return "\(count) C++ \(plural("allocation", count)) (\(byteText(draft.bytes))) live at exit\(symbol)"
        }
    }

    /// `… leaked in context 'x', allocated in builtin push via make_set at tests/x.das:5`: the first
    /// frame in the user's code, with the library frames above it summarised; a leak listed
    /// without frames says so and names its test file.
    private static func profilerTitle(for draft: FindingDraft, context: String, userFrame: Int?) -> String {
        let first = draft.first
        let count = draft.count
        let leaked = "\(count) \(plural("allocation", count)) (\(byteText(draft.bytes))) leaked in context '\(context)'"
        guard let leaf = first.stack.first else {
            let test = draft.tests.sorted().first.map { " (\($0))" } ?? ""
            return "\(leaked) with no stack recorded\(test)"
        }
        let frame = userFrame.map { first.stack[$0] } ?? leaf
        var allocated = frame.function.map { " in \(functionName($0))" } ?? ""
        if let userFrame, userFrame > 0 {
            let more = userFrame > 1 ? " (and \(userFrame - 1) more library \(plural("frame", userFrame - 1)))" : ""
            let leafName = leaf.function.map(functionName) ?? "?"
            allocated = " in \(leafName)\(more) via \(frame.function.map(functionName) ?? "?")"
        }
        let at = frame.location.map { " at \($0)" } ?? ""
        // A frame seen twice in a row is common in instantiated generics; recursion shows from three.
        let depth = draft.recursionDepth.flatMap { $0.upperBound >= 3 ? $0 : nil }.map { " (recursion depth \($0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)"))" } ?? ""
        return "\(leaked), allocated\(allocated)\(at)\(depth)"
    }

    /// A function as people read it: ``builtin`push`4379…`` → `builtin push`.
    static func functionName(_ name: String) -> String {
        Fingerprinter.normalizedFunction(name).split(separator: "`").joined(separator: " ")
    }

    /// Findings compared pairwise when their titles agree; larger groups are compared with their first two.
    static let comparedGroup = 32

    /// Findings that would read word for word alike get what tells them apart: the test file, or
    /// the first frame where their stacks differ.
    static func disambiguate(_ findings: inout [Finding]) {
        let groups = Dictionary(grouping: findings.indices, by: { findings[$0].title }).values.filter { $0.count > 1 }
        for group in groups {
            let snapshot = group.map { findings[$0] }
            for (position, index) in group.enumerated() {
                let finding = snapshot[position]
                // A huge group (a hostile log) is told apart from its first members only, in linear time.
                let others = snapshot.enumerated().filter { $0.offset != position && (snapshot.count <= Self.comparedGroup || $0.offset < 2) }
                    .map(\.element)
                if let test = finding.tests.first, others.allSatisfy({ $0.tests != finding.tests }) {
                    findings[index].title += " (\(test))"
                } else if let frame = firstDifferingFrame(of: finding, among: others) {
                    findings[index].title += " (\(frame))"
                }
            }
        }
    }

    /// The frame that tells `finding` from every other: at the deepest of the indices where its
    /// stack first differs from each other's.
    private static func firstDifferingFrame(of finding: Finding, among others: [Finding]) -> String? {
        let index = others.compactMap { firstDifference(finding.stack, $0.stack) }.max()
        guard let index else { return nil }
        guard index < finding.stack.count else { return "stack ends after frame \(index)" }
        let frame = finding.stack[index]
        let name = frame.function.map { frame.location == nil ? Fingerprinter.normalizedFunction($0) : functionName($0) } ?? "?"
        return "frame \(index + 1): \(name)\(frame.location.map { " at \($0)" } ?? "")"
    }

    /// Where two stacks first differ, comparing frames as the fingerprint does (no `+0x` offsets, no mangling hashes).
    private static func firstDifference(_ lhs: [StackFrame], _ rhs: [StackFrame]) -> Int? {
        let common = zip(lhs, rhs).prefix { keyed($0) == keyed($1) }.count
        return common == lhs.count && common == rhs.count ? nil : common
    }

    private static func keyed(_ frame: StackFrame) -> StackFrame {
        StackFrame(function: frame.function.map { Fingerprinter.normalizedFunction($0) }, location: frame.location, library: frame.library)
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
