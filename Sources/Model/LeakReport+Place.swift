extension LeakReport {
    /// `path:line` for a position in this report's inputs, as the text formats and standard
    /// error name a place in a log.
    public func place(of position: LogPosition) -> String {
        let path = inputs.indices.contains(position.input) ? inputs[position.input].path : "input \(position.input)"
        return "\(path):\(position.line)"
    }
}
