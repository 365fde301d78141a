/// Reads the lines a ``LineSplitter`` finds, one at a time, in order.
protocol LineConsumer {
    /// Reads one line; its bytes are valid only during the call.
    mutating func read(_ line: LineSplitter.Line)
}
