/// One frame of a call stack as a report prints it, leaf first in a stack.
public struct StackFrame: Hashable, Sendable, Codable {
    /// The function or symbol name as printed (may carry daslang's mangling hash or a `+0x` offset); nil for `?`.
    public var function: String?
    /// The frame's source location (profiler) or nil.
    public var location: SourceLocation?
    /// The shared object the frame belongs to (C++ heap report), or nil.
    public var library: String?

    /// Creates a frame.
    public init(function: String?, location: SourceLocation? = nil, library: String? = nil) {
        self.function = function
        self.location = location
        self.library = library
    }
}
