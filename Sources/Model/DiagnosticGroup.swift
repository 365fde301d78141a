/// The diagnostics of one kind (the same severity and template): how many, and the first and
/// last place they were about. Text and standard error show one line per group, so that a log
/// repeating a problem hundreds of times still fits a screen.
public struct DiagnosticGroup: Sendable, Equatable {
    /// The severity every member has.
    public var severity: Severity
    /// The members' common template (see ``DiagnosticMessage``).
    public var template: String
    /// The first member's message.
    public var firstMessage: String
    /// Whether every member's message is the first's, word for word.
    public var sameMessage: Bool
    /// Whether the members mean the log may not show every leak.
    public var untrustworthy: Bool
    /// How many diagnostics of this kind the logs gave, including those beyond the kept list.
    public var count: Int
    /// The first member's place, when it names one.
    public var first: LogPosition?
    /// The last member's place that names one.
    public var last: LogPosition?

    /// A group of one.
    public init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity
        template = diagnostic.template
        firstMessage = diagnostic.message
        sameMessage = true
        untrustworthy = diagnostic.untrustworthy
        count = 1
        first = diagnostic.position
        last = diagnostic.position
    }

    /// What to show for the group: the message when all members say the same, else the template.
    public var message: String { sameMessage ? firstMessage : template }

    /// Counts one more member.
    mutating func add(_ diagnostic: Diagnostic) {
        count += 1
        sameMessage = sameMessage && diagnostic.message == firstMessage
        untrustworthy = untrustworthy || diagnostic.untrustworthy
        if let position = diagnostic.position {
            if first == nil { first = position }
            last = position
        }
    }
}

/// Groups diagnostics by kind as they arrive, in order of each kind's first appearance.
/// Kinds are the templates written in the code, so their number is bounded by it.
public struct DiagnosticGrouping: Sendable, Equatable {
    /// The groups, in order of first appearance.
    public private(set) var groups: [DiagnosticGroup] = []
    private var indexByKind: [Kind: Int] = [:]

    private struct Kind: Hashable, Sendable {
        var severity: Severity
        var template: String
    }

    /// An empty grouping.
    public init() {}

    /// `diagnostics`, grouped.
    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { add(diagnostic) }
    }

    /// Counts `diagnostic` in its kind's group.
    public mutating func add(_ diagnostic: Diagnostic) {
        let kind = Kind(severity: diagnostic.severity, template: diagnostic.template)
        if let index = indexByKind[kind] {
            groups[index].add(diagnostic)
        } else {
            indexByKind[kind] = groups.count
            groups.append(DiagnosticGroup(diagnostic))
        }
    }
}
