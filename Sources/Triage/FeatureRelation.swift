/// Whom a Feature belongs to, as its raw key tells Features apart: a JobStatus among the
/// survivors (by its draft), an owner id that did not survive, or nothing.
enum FeatureRelation: Hashable {
    /// Not a Feature.
    case notAFeature
    /// Owned (`owner=`) by a JobStatus that is not among the survivors.
    case ownedByGone
    /// Owned by nothing.
    case unowned
    /// Owned (`owner=`) by the JobStatus of a draft.
    case ownedBy(draft: Int)
    /// Embedded in the Channel or LockBox of a draft, whose id is one less.
    case embeddedIn(draft: Int)

    /// The JobStatus draft it belongs to and the relation's name in keys (`owned-by`, `embedded-in`).
    var owner: (draft: Int, name: String)? {
        switch self {
        case let .ownedBy(draft): return (draft, "owned-by")
        case let .embeddedIn(draft): return (draft, "embedded-in")
        case .notAFeature, .ownedByGone, .unowned: return nil
        }
    }

    /// The fingerprint qualifier it stands for while its owner's keys are not known.
    var qualifier: String {
        switch self {
        case .notAFeature: return ""
        case .ownedByGone: return "owned"
        case .unowned: return "unowned"
        case .ownedBy, .embeddedIn: return owner.map { "\($0.name)#\($0.draft)" } ?? ""
        }
    }
}
