import LeakModel

/// Fingerprints of panics, so that a consequence can name the panic that explains it.
public enum PanicFingerprint {
    /// The normalised key: kind, message with numbers masked, and normalised location (keyed
    /// without the run's anchor, so that every reporter computes the same from the panic alone).
    public static func key(of panic: Panic) -> String {
        let message = String(panic.message.map { $0.isNumber ? "#" : $0 })
        let location = panic.location.map { Fingerprinter.normalized($0, paths: .standalone) } ?? "-"
        return [Fingerprinter.version, "panic", panic.kind.rawValue, message, location].joined(separator: "|")
    }

    /// What a panic's fingerprint is made of: panics alike in these have one fingerprint.
    public struct Identity: Hashable, Sendable {
        var kind: Panic.Kind
        var message: String
        var location: SourceLocation?

        /// The identity of `panic`.
        public init(_ panic: Panic) {
            kind = panic.kind
            message = panic.message
            location = panic.location
        }
    }

    /// `panic` with its ``fingerprint(of:)`` set.
    public static func fingerprinted(_ panic: Panic) -> Panic {
        var panic = panic
        panic.fingerprint = fingerprint(of: panic)
        return panic
    }

    /// The fingerprint of `panic`.
    public static func fingerprint(of panic: Panic) -> String {
        Fingerprinter.fingerprint(ofKey: key(of: panic))
    }
}
