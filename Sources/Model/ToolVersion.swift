/// The version of leaktriage, in one place: `leaktriage --version`, SARIF's `tool.driver.version`
/// and the release archive's name (`scripts/package`) all read it, and the GitHub Action
/// (`scripts/version`) takes the release to install from this line.
public enum ToolVersion {
    /// The semantic version of this build.
    public static let current = "1.0.0"
}
