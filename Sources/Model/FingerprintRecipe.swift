/// What every layer shares of the fingerprint recipe: its version and how a normalised key
/// becomes a fingerprint. The keys themselves are made by triage (`Fingerprinter`).
public enum FingerprintRecipe {
    /// The recipe version carried in every key.
    public static let version = "v2"

    /// The fingerprint of a normalised key: its SHA-256 shortened to 32 hex digits.
    public static func fingerprint(ofKey key: String) -> String {
        String(SHA256.hexDigest(key).prefix(32))
    }
}
