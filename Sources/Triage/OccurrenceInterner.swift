import LeakModel

/// Numbers the payloads, locations and stacks of a run's occurrences, so that an occurrence's raw
/// key is a handful of integers: compared and hashed in constant time, however deep its stack.
///
/// The parser hands equal stacks over as one shared array (its stack interner), and a report
/// repeats the same names line after line: an array already numbered is found by its storage,
/// a payload among the last few or a location equal to the last one is found by comparisons (immediate when
/// the storage is shared), and only what is new is hashed.
struct OccurrenceInterner {
    private var payloadIDs: [PayloadKey: Int] = [:]
    private var recentPayloads = RecentIDs<PayloadKey>(capacity: 4)
    private var locationIDs: [SourceLocation: Int] = [:]
    private var lastLocation: (location: SourceLocation, id: Int)?
    private var stackIDs: [[StackFrame]: Int] = [:]
    /// Stack ids by the address of an array storage the stack came in. Safe because `stackIDs`
    /// and `copiesKept` keep those arrays, so their storage, alive: no other array can be given
    /// such an address. Each input's parser shares its own copy of a stack; copies are remembered
    /// up to ``copiesPerStack`` per distinct stack on average (beyond, as when a parser's interner
    /// is full and every leak brings a fresh copy, a copy is found by its frames), so that memory
    /// follows distinct stacks, not occurrences.
    private var stackIDsByStorage: [UInt: Int] = [:]
    private var copiesKept: [[StackFrame]] = []
    /// The storage and id of the last stack met: a site's leaks come one after another, in one shared array.
    private var lastStack: (storage: UInt, id: Int)?
    static let copiesPerStack = 4

    /// The id of what `payload`'s raw key holds (``PayloadKey``).
    mutating func id(of payload: Occurrence.Payload) -> Int {
        let key = PayloadKey(payload)
        if let recent = recentPayloads.id(of: key) { return recent }
        let id: Int
        if let known = payloadIDs[key] {
            id = known
        } else {
            id = payloadIDs.count
            payloadIDs[key] = id
        }
        recentPayloads.remember(key, id: id)
        return id
    }

    /// The id of `location`; -1 for none.
    mutating func id(of location: SourceLocation?) -> Int {
        guard let location else { return -1 }
        if let last = lastLocation, last.location == location { return last.id }
        let id: Int
        if let known = locationIDs[location] {
            id = known
        } else {
            id = locationIDs.count
            locationIDs[location] = id
        }
        lastLocation = (location, id)
        return id
    }

    /// The id of `stack`; -1 for none.
    mutating func id(of stack: [StackFrame]) -> Int {
        guard !stack.isEmpty else { return -1 }
        let storage = stack.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if let last = lastStack, last.storage == storage { return last.id }
        let (id, kept) = storedID(of: stack, storage: storage)
        // Only storage the interner keeps alive may be remembered by its address.
        if kept { lastStack = (storage, id) }
        return id
    }

    /// The id of `stack`, and whether its storage is among those kept (found by address from now on).
    private mutating func storedID(of stack: [StackFrame], storage: UInt) -> (id: Int, kept: Bool) {
        if let known = stackIDsByStorage[storage] { return (known, true) }
        if let known = stackIDs[stack] {
            guard copiesKept.count < Self.copiesPerStack * stackIDs.count else { return (known, false) }
            copiesKept.append(stack)
            stackIDsByStorage[storage] = known
            return (known, true)
        }
        let id = stackIDs.count
        stackIDs[stack] = id
        stackIDsByStorage[storage] = id
        return (id, true)
    }
}
