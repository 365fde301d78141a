import LeakModel

/// What of an occurrence's payload its raw key holds: the kind and, for profiler leaks and
/// Context pointers, the context name; never a run-specific id, a gc phase or a Feature owner.
enum PayloadKey: Hashable {
    case profilerLeak(context: String)
    case heapRow(HeapRowKind)
    case gcNode(type: String?)
    case smartPointer(SmartPointerKind)
    case jobStatus(subtype: String)
    case feature
    case handle(type: String?)
    case cppSite

    init(_ payload: Occurrence.Payload) {
        switch payload {
        case let .profilerLeak(context): self = .profilerLeak(context: context)
        case let .heapRow(kind, _): self = .heapRow(kind)
        case let .gcNode(type, _, _): self = .gcNode(type: type)
        case let .smartPointer(kind, _): self = .smartPointer(kind)
        case let .jobStatus(subtype, _): self = .jobStatus(subtype: subtype)
        case .feature: self = .feature
        case let .handle(type, _): self = .handle(type: type)
        case .cppSite: self = .cppSite
        }
    }
}
