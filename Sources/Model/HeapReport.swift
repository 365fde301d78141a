/// The heap report's state after `main` returns: the heap body and the string-heap body.
public struct HeapReport: Sendable, Equatable {
    /// The context heap.
    public var heap: HeapBody
    /// The string heap.
    public var strings: HeapBody

    /// Creates a report.
    public init(heap: HeapBody, strings: HeapBody) {
        self.heap = heap
        self.strings = strings
    }
}
