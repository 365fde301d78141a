/// The gc nodes an input has listed so far. GC reports are cumulative: a node listed again with
/// the same id, type and location is the same node. Nodes are kept as hashes in two generations
/// of at most ``generationSize`` each, so memory stays bounded whatever the log holds; a node is
/// forgotten only after that many newer distinct nodes.
struct SeenGCNodes {
    static let generationSize = 1 << 18

    private var current: Set<Int> = []
    private var previous: Set<Int> = []
    /// Distinct nodes seen in the whole input.
    private(set) var count = 0

    /// Records the node; false when it was listed before.
    mutating func insert(id: Int, type: String, location: String) -> Bool {
        var hasher = Hasher()
        hasher.combine(id)
        hasher.combine(type)
        hasher.combine(location)
        let key = hasher.finalize()
        guard !previous.contains(key), current.insert(key).inserted else { return false }
        count += 1
        if current.count >= Self.generationSize {
            previous = current
            current = []
        }
        return true
    }
}
