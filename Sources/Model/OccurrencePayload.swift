extension Occurrence {
    /// What one detector's report line says of a leaked thing. Ids stay numbers; the texts that
    /// fingerprints and reports print (``kindText``, ``context``, ``identity``) are derived here only.
    public enum Payload: Hashable, Sendable {
        /// A `[leak]` entry of a profiler block, with the block's context name.
        case profilerLeak(context: String)
        /// A heap-report row; big-stuff rows carry their id (0 without `-track-allocations`).
        case heapRow(HeapRowKind, id: Int?)
        /// A distinct gc node; without `type` and `id`, the nodes a report announced but did not list.
        case gcNode(type: String?, phase: GCPhase, id: Int?)
        /// A smart pointer of the dump; an unlisted one (dump silenced) has no id.
        case smartPointer(SmartPointerKind, id: HexNumber?)
        /// A JobStatus dump entry.
        case jobStatus(subtype: String, id: HexNumber)
        /// A Feature dump entry and the JobStatus that owns it, when printed.
        case feature(id: HexNumber, owner: HexNumber?)
        /// A handle of the registry dump; the type is nil until the dump's total line names it.
        case handle(type: String?, index: Int)
        /// A site of the C++ heap leak report.
        case cppSite

        /// The detector whose report lists such a thing.
        public var detector: Detector {
            switch self {
            case .profilerLeak: return .profiler
            case .heapRow: return .heapReport
            case .gcNode: return .gcNode
            case .smartPointer: return .smartPtr
            case .jobStatus, .feature: return .jobStatus
            case .handle: return .handleRegistry
            case .cppSite: return .cppHeap
            }
        }

        /// What leaked, as findings, fingerprints and baselines print it: node type, subtype,
        /// pointer kind, handle type, heap row kind, `allocation`, ….
        public var kindText: String {
            switch self {
            case .profilerLeak, .cppSite: return "allocation"
            case let .heapRow(kind, _): return kind.description
            case let .gcNode(type, _, _): return type ?? "gc_node"
            case let .smartPointer(kind, _): return kind.description
            case let .jobStatus(subtype, _): return subtype
            case .feature: return "Feature"
            case let .handle(type, _): return type ?? ""
            }
        }

        /// The context name (profiler, Context pointer), gc phase or Feature owner.
        public var context: Context? {
            switch self {
            case let .profilerLeak(context): return .name(context)
            case let .smartPointer(.context(name), _): return .name(name)
            case let .gcNode(_, phase, _): return .phase(phase)
            case let .feature(_, owner): return owner.map(Context.owner)
            case .heapRow, .smartPointer, .jobStatus, .handle, .cppSite: return nil
            }
        }

        /// The run-specific id as the report prints it (gc id, job and pointer ids in hex, handle index, row id).
        public var identity: Identity? {
            switch self {
            case let .heapRow(_, id): return id.map(Identity.decimal)
            case let .gcNode(_, _, id): return id.map(Identity.decimal)
            case let .smartPointer(_, id): return id.map(Identity.hex)
            case let .jobStatus(_, id), let .feature(id, _): return .hex(id)
            case let .handle(_, index): return .decimal(index)
            case .profilerLeak, .cppSite: return nil
            }
        }
    }

    /// What an occurrence was listed under besides its kind.
    public enum Context: Hashable, Sendable, CustomStringConvertible {
        /// A profiler context's or a Context pointer's name.
        case name(String)
        /// The gc report that listed a node.
        case phase(GCPhase)
        /// The JobStatus id that owns a Feature.
        case owner(HexNumber)

        /// As printed: the name, the phase's raw value, the owner's hex digits.
        public var description: String {
            switch self {
            case let .name(name): return name
            case let .phase(phase): return phase.rawValue
            case let .owner(id): return id.description
            }
        }
    }

    /// A run-specific id, decimal or hexadecimal as its report prints it.
    public enum Identity: Hashable, Sendable, CustomStringConvertible {
        /// A gc id, handle index or heap row id.
        case decimal(Int)
        /// A JobStatus, Feature or smart-pointer id.
        case hex(HexNumber)

        /// As printed.
        public var description: String {
            switch self {
            case let .decimal(value): return String(value)
            case let .hex(number): return number.description
            }
        }
    }
}
