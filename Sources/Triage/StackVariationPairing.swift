import LeakModel

/// The profiler does not record the same stacks in every run of unchanged code: a leak comes
/// with its whole stack in one run, and in another without a stack or cut short to a frame or
/// two of the runner or daslib. What is left of such a leak's key (detector, kind, context, test
/// file: ``Finding/residualKey``) is the same in both runs, so after pairing by fingerprint the
/// leftovers of one test file and context are paired too: a short stack (none, or no frame in
/// the user's code) on one side stands for the other side's leftovers whose stacks contain it,
/// taken largest first while their count and bytes fit. Those leaks persist instead of being
/// new and fixed, and the diff says once per test file and context which run lost the frames.
/// Then a leftover with the same count and bytes as another side's leftover is the same leak,
/// persisting too, when their allocation paths (the frames from the leaf down to the first in the
/// user's code, that frame left out) agree — charged to another caller at the bottom of the
/// stack — or when one stack is a run of the other's frames (cut short at either end).
enum StackVariationPairing {
    private struct Amount {
        var count: Int
        var bytes: Int
        func fits(in pool: Amount) -> Bool { count > 0 && count <= pool.count && bytes <= pool.bytes }
    }

    /// A finding with occurrences the fingerprint pairing left unexplained.
    private struct Leftover {
        enum Place { case new(Int), fixed(Int), persisting(Int) }
        var place: Place
        var finding: Finding
        var amount: Amount
        var isHead: Bool
        /// The finding's ``Finding/stackVariationGroup``.
        var group: String
        /// The stack's frames and allocation path as compared across runs, worked out once.
        var frames: [String] = []
        var path: [String] = []
        var isShort: Bool { finding.stack.isEmpty || finding.origin == .library }

        init?(place: Place, finding: Finding, amount: Amount, isHead: Bool) {
            guard let group = finding.stackVariationGroup else { return nil }
            self.group = group
            self.place = place
            self.finding = finding
            self.amount = amount
            self.isHead = isHead
            frames = finding.stack.map(StackVariationPairing.frameText)
            path = StackVariationPairing.allocationPath(finding)
        }
    }

    static func pair(_ diff: inout LeakDiff) {
        let leftovers = leftovers(of: diff)
        let groups = Dictionary(grouping: leftovers.indices, by: { leftovers[$0].group })
        var slots = leftovers
        var newToPersist: [Int: LeakDiff.Persisting] = [:]
        var removedNew: Set<Int> = [], removedFixed: Set<Int> = []
        var notes: [(place: String, count: Int)] = []
        for key in groups.keys.sorted() {
            guard let members = groups[key], members.contains(where: { slots[$0].isShort }) else { continue }
            // The shortest stacks first: a stackless pool takes what no cut-short one explains.
            let shorts = members.filter { slots[$0].isShort }.sorted { slots[$0].finding.stack.count > slots[$1].finding.stack.count }
            for short in shorts {
                var pool = slots[short].amount
                var absorbed = Amount(count: 0, bytes: 0)
                var firstPartner: String?
                let candidates = members.filter { other in
                    slots[other].isHead != slots[short].isHead && !slots[other].isShort && slots[other].amount.count > 0
                        && contains(slots[other].frames, run: slots[short].frames)
                }.sorted { slots[$0].amount.bytes > slots[$1].amount.bytes }
                for candidate in candidates where slots[candidate].amount.fits(in: pool) {
                    let taken = slots[candidate].amount
                    pool.count -= taken.count
                    pool.bytes -= taken.bytes
                    absorbed.count += taken.count
                    absorbed.bytes += taken.bytes
                    slots[candidate].amount = Amount(count: 0, bytes: 0)
                    firstPartner = firstPartner ?? slots[candidate].finding.fingerprint
                    settle(slots[candidate], partner: slots[short].finding, diff: &diff, newToPersist: &newToPersist,
                           removedNew: &removedNew, removedFixed: &removedFixed)
                }
                guard absorbed.count > 0 else { continue }
                slots[short].amount = pool
                settleShort(slots[short], absorbed: absorbed, partner: firstPartner ?? slots[short].finding.fingerprint, diff: &diff,
                            newToPersist: &newToPersist, removedNew: &removedNew, removedFixed: &removedFixed)
                let place = note(slots[short])
                if let index = notes.firstIndex(where: { $0.place == place }) {
                    notes[index].count += absorbed.count
                } else {
                    notes.append((place, absorbed.count))
                }
            }
        }
        pairRecharged(slots: &slots, groups: groups, diff: &diff, newToPersist: &newToPersist, removedNew: &removedNew,
                      removedFixed: &removedFixed)
        diff.notes += notes.map { "\($0.place.replacingOccurrences(of: "{count}", with: "\($0.count) \($0.count == 1 ? "leak" : "leaks")"))" }
        diff.persisting += diff.new.indices.compactMap { newToPersist[$0] }
        diff.new = diff.new.enumerated().filter { !removedNew.contains($0.offset) }.map(\.element)
        diff.fixed = diff.fixed.enumerated().filter { !removedFixed.contains($0.offset) }.map(\.element)
    }

    /// Leftovers with the same allocation path and amount on both sides, paired one to one.
    private static func pairRecharged(
        slots: inout [Leftover], groups: [String: [Int]], diff: inout LeakDiff, newToPersist: inout [Int: LeakDiff.Persisting],
        removedNew: inout Set<Int>, removedFixed: inout Set<Int>
    ) {
        for key in groups.keys.sorted() {
            guard let members = groups[key] else { continue }
            let heads = members.filter { slots[$0].isHead && !slots[$0].isShort && slots[$0].amount.count > 0 }
            var bases = members.filter { !slots[$0].isHead && !slots[$0].isShort && slots[$0].amount.count > 0 }
            for head in heads {
                let stack = slots[head].frames
                let path = slots[head].path
                guard let match = bases.firstIndex(where: { base in
                    let other = slots[base].frames
                    // A leak allocated in the user's own frame has no library path to recognise it by.
                    let related = (!path.isEmpty && slots[base].path == path)
                        || (stack.count != other.count && (contains(stack, run: other) || contains(other, run: stack)))
                    return related && slots[base].amount.count == slots[head].amount.count && slots[base].amount.bytes == slots[head].amount.bytes
                }) else { continue }
                let base = bases.remove(at: match)
                settle(slots[head], partner: slots[base].finding, diff: &diff, newToPersist: &newToPersist, removedNew: &removedNew,
                       removedFixed: &removedFixed)
                settle(slots[base], partner: slots[head].finding, diff: &diff, newToPersist: &newToPersist, removedNew: &removedNew,
                       removedFixed: &removedFixed)
                slots[head].amount = Amount(count: 0, bytes: 0)
                slots[base].amount = Amount(count: 0, bytes: 0)
            }
        }
    }

    /// The frames from the leaf down to the first frame in the user's code, that frame left out.
    static func allocationPath(_ finding: Finding) -> [String] {
        let user = finding.stack.firstIndex { $0.location == finding.location } ?? finding.stack.count
        return finding.stack.prefix(user).map(frameText)
    }

    private static func leftovers(of diff: LeakDiff) -> [Leftover] {
        let new = diff.new.enumerated().compactMap { index, finding in
            Leftover(place: .new(index), finding: finding, amount: amount(finding), isHead: true)
        }
        let fixed = diff.fixed.enumerated().compactMap { index, finding in
            Leftover(place: .fixed(index), finding: finding, amount: amount(finding), isHead: false)
        }
        let changed = diff.persisting.enumerated().compactMap { index, entry -> Leftover? in
            guard entry.countDelta != 0 else { return nil }
            let change = Amount(count: abs(entry.countDelta), bytes: abs(entry.bytesDelta ?? 0))
            return Leftover(place: .persisting(index), finding: entry.finding, amount: change, isHead: entry.countDelta > 0)
        }
        return new + fixed + changed
    }

    /// A full-stack leftover the short one stands for: no longer new, fixed or changed.
    private static func settle(
        _ slot: Leftover, partner: Finding, diff: inout LeakDiff, newToPersist: inout [Int: LeakDiff.Persisting],
        removedNew: inout Set<Int>, removedFixed: inout Set<Int>
    ) {
        switch slot.place {
        case let .new(index):
            removedNew.insert(index)
            newToPersist[index] = LeakDiff.Persisting(
                finding: slot.finding, countDelta: 0, bytesDelta: slot.finding.bytes.map { _ in 0 }, movedFrom: nil,
                baseFingerprint: partner.fingerprint)
        case let .fixed(index):
            removedFixed.insert(index)
        case let .persisting(index):
            diff.persisting[index].countDelta = 0
            diff.persisting[index].bytesDelta = diff.persisting[index].bytesDelta.map { _ in 0 }
        }
    }

    /// The short leftover keeps only what its partners did not account for.
    private static func settleShort(
        _ slot: Leftover, absorbed: Amount, partner: String, diff: inout LeakDiff, newToPersist: inout [Int: LeakDiff.Persisting],
        removedNew: inout Set<Int>, removedFixed: inout Set<Int>
    ) {
        let sign = slot.isHead ? 1 : -1
        switch slot.place {
        case let .new(index):
            removedNew.insert(index)
            newToPersist[index] = LeakDiff.Persisting(
                finding: slot.finding, countDelta: slot.amount.count, bytesDelta: slot.finding.bytes.map { _ in slot.amount.bytes },
                movedFrom: nil, baseFingerprint: partner)
        case let .fixed(index):
            removedFixed.insert(index)
        case let .persisting(index):
            diff.persisting[index].countDelta -= sign * absorbed.count
            diff.persisting[index].bytesDelta = diff.persisting[index].bytesDelta.map { $0 - sign * absorbed.bytes }
        }
    }

    /// Whether `run` (leaf first) occurs in `stack` as consecutive frames; frames compare by
    /// function, file name and line, so runs from different checkouts compare equal.
    private static func contains(_ haystack: [String], run needle: [String]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    static func frameText(_ frame: StackFrame) -> String {
        let function = frame.function.map { Fingerprinter.normalizedFunction($0) } ?? "?"
        let file = frame.location.map { ($0.file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? $0.file) } ?? ""
        return "\(function)@\(file):\(frame.location?.line ?? 0)"
    }

    /// The note for a short leftover, `{count}` standing for how many leaks it paired: one note
    /// per run, test file and kind of loss.
    private static func note(_ slot: Leftover) -> String {
        let run = slot.isHead ? "head" : "base"
        let place = slot.finding.tests.first.map { " in \($0)" } ?? ""
        let what = slot.finding.stack.isEmpty ? "no stack recorded" : "stack cut short"
        return "\(run): \(what) for {count}\(place); paired by test file, context and size"
    }

    private static func amount(_ finding: Finding) -> Amount {
        Amount(count: finding.count, bytes: finding.bytes ?? 0)
    }
}
