/// The ids of the last few keys met. Reports interleave a handful of sites (a heap report's
/// rows of a few kinds and places, a profiler block's leaks from a few loops), and comparing a
/// key with a few recent ones costs less than hashing it.
struct RecentIDs<Key: Equatable & Sendable>: Sendable {
    /// How many keys are remembered; the oldest is forgotten first.
    let capacity: Int
    private var keys: [Key] = []
    private var ids: [Int] = []
    private var oldest = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The id of `key`, if it is among the recent ones.
    func id(of key: Key) -> Int? {
        for index in keys.indices where keys[index] == key { return ids[index] }
        return nil
    }

    /// Remembers that `key` has `id`, in place of the oldest key once full.
    mutating func remember(_ key: Key, id: Int) {
        guard keys.count == capacity else {
            keys.append(key)
            ids.append(id)
            return
        }
        keys[oldest] = key
        ids[oldest] = id
        oldest = (oldest + 1) % capacity
    }
}
