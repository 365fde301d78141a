import Foundation

/// Runs two pieces of work at once, on this thread and one more: the machine has more than one
/// core, and `diff` reads two independent sides.
enum Concurrently {
    /// Runs `second` on a new thread while `first` runs on this one, and returns both results
    /// once both have finished (in the order given, whatever finished first).
    static func both<First, Second: Sendable>(
        _ first: () throws -> First, _ second: @escaping @Sendable () throws -> Second
    ) -> (first: Result<First, any Error>, second: Result<Second, any Error>) {
        let box = ResultBox<Second>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try second() }
            finished.signal()
        }
        // The parser's state machine and the reporters recurse little, but stacks can be deep.
        thread.stackSize = 16 << 20
        thread.start()
        let firstResult = Result { try first() }
        finished.wait()
        return (firstResult, box.result)
    }

    /// The other thread's result, read only after the semaphore says it is written.
    private final class ResultBox<Value>: @unchecked Sendable {
        var result: Result<Value, any Error> = .failure(CancellationError())
    }
}
