/// Occurrences that share a fingerprint: one leak to understand and fix.
public struct Finding: Sendable, Equatable {
    /// 1-based position in triage order.
    public var rank: Int
    /// The detector that reported it.
    public var detector: Detector
    /// What leaked (node type, subtype, pointer kind, handle type, heap row comment, `allocation`, …).
    public var kind: String
    /// Stable identity across runs of the same code (see ``Fingerprint``).
    public var fingerprint: String
    /// The normalised key the fingerprint was computed from (`--explain`).
    public var fingerprintKey: String
    /// The same key without line and column numbers: a leak whose code moved keeps it.
    public var moveKey: String
    /// One line for people.
    public var title: String
    /// How many leaked things (sum of occurrence counts).
    public var count: Int
    /// Live bytes, for detectors that state sizes.
    public var bytes: Int?
    /// Where it was born, when known.
    public var location: SourceLocation?
    /// A representative call stack, leaf first.
    public var stack: [StackFrame]
    /// Where each occurrence was listed (capped; ``count`` is always complete).
    public var occurrences: [LogPosition]
    /// The fingerprint of the finding or panic that explains this one, if any.
    public var consequenceOf: String?
    /// The exact command that gets more information, if there is one.
    public var nextStep: String?
    /// The next step's macOS form, when it differs (it runs lldb where ``nextStep`` runs gdb).
    public var nextStepMacOS: String?
    /// How much it matters; `note` marks known non-leaks.
    public var severity: Severity
    /// Why it is labelled a known non-leak, when it is.
    public var knownNonLeak: String?
    /// Run-specific ids of the occurrences as printed (first few), to use in next steps.
    public var identities: [String]
    /// Reference counts seen, smallest and largest.
    public var referenceCounts: ClosedRange<Int>?
    /// Context names or owners seen (profiler context, smart-pointer description, Feature owner).
    public var contexts: [String]
    /// The test files (as the test runner printed them, sorted) whose output held the occurrences;
    /// empty outside a test run and for the runner's own context.
    public var tests: [String] = []
    /// Whether the leak comes from the user's code or only from library code.
    public var origin: FindingOrigin = .user
    /// How often the deepest repeated frame cycle repeats in the stacks (smallest and largest), for recursive stacks.
    public var recursionDepth: ClosedRange<Int>?
    /// The `v1` fingerprints of the occurrences, so that a baseline written with recipe `v1` still applies.
    public var legacyFingerprints: [String] = []
    /// The location's path as the fingerprint keys it (checkout-independent), for pairing moved code.
    public var locationKey: String?
    /// The key without location and stack (detector, kind, context, test file): how a leak the
    /// profiler recorded without a stack is paired with the same leak recorded with one.
    public var residualKey = ""

    /// The mechanism this finding belongs to.
    public var mechanism: Mechanism { detector.mechanism }

    /// Creates a finding; without a `moveKey` it moves only under its own `fingerprintKey` (the
    /// lines kept), so a finding not built by triage is never taken for another that moved.
    public init(
        rank: Int = 0, detector: Detector, kind: String, fingerprint: String, fingerprintKey: String, moveKey: String? = nil, title: String = "",
        count: Int = 0, bytes: Int? = nil, location: SourceLocation? = nil, stack: [StackFrame] = [],
        occurrences: [LogPosition] = [], consequenceOf: String? = nil, nextStep: String? = nil, nextStepMacOS: String? = nil,
        severity: Severity = .error, knownNonLeak: String? = nil, identities: [String] = [],
        referenceCounts: ClosedRange<Int>? = nil, contexts: [String] = []
    ) {
        self.rank = rank
        self.detector = detector
        self.kind = kind
        self.fingerprint = fingerprint
        self.fingerprintKey = fingerprintKey
        self.moveKey = moveKey ?? fingerprintKey
        self.title = title
        self.count = count
        self.bytes = bytes
        self.location = location
        self.stack = stack
        self.occurrences = occurrences
        self.consequenceOf = consequenceOf
        self.nextStep = nextStep
        self.nextStepMacOS = nextStepMacOS
        self.severity = severity
        self.knownNonLeak = knownNonLeak
        self.identities = identities
        self.referenceCounts = referenceCounts
        self.contexts = contexts
    }
}
