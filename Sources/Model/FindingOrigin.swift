/// Whose code a finding's leak comes from: the user's, or only the library's (daslib, the
/// `dastest` runner, builtin-module functions, `--library` paths) when no frame is the user's.
public enum FindingOrigin: String, Sendable, Equatable, Codable {
    /// Some frame (or the report's location) is in the user's code.
    case user
    /// Every frame is library code.
    case library
}
