/// What the user and the environment tell triage about where code lives: the checkout roots
/// (`--root`, the CI workspace variables) and the paths to count as library code (`--library`).
public struct TriageSettings: Sendable, Equatable {
    /// Directories the checkout is known to lie in, most specific first (as given; made canonical when used).
    public var checkoutRoots: [String]
    /// `--library` patterns: a frame whose path contains a match (`*` matches any run of characters) is library code.
    public var libraryPatterns: [String]
    /// `--suppressions` rules: the leaks they match leave the findings and are counted as suppressed.
    public var suppressions: Suppressions

    /// The CI variables that name the checkout directory: GitHub Actions, GitLab CI, Azure Pipelines,
    /// Jenkins, CircleCI, Bitbucket, Buildkite, Travis, Drone.
    public static let workspaceVariables = [
        "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "BUILD_SOURCESDIRECTORY", "WORKSPACE", "CIRCLE_WORKING_DIRECTORY",
        "BITBUCKET_CLONE_DIR", "BUILDKITE_BUILD_CHECKOUT_PATH", "TRAVIS_BUILD_DIR", "DRONE_WORKSPACE",
    ]

    /// Creates settings.
    public init(checkoutRoots: [String] = [], libraryPatterns: [String] = [], suppressions: Suppressions = Suppressions()) {
        self.checkoutRoots = checkoutRoots
        self.libraryPatterns = libraryPatterns
        self.suppressions = suppressions
    }

    /// Settings from `--root` (when given) and the workspace variables set in `environment`.
    public init(root: String?, environment: [String: String], libraryPatterns: [String]) {
        let workspaces = Self.workspaceVariables.compactMap { environment[$0] }.filter { !$0.isEmpty }
        self.init(checkoutRoots: (root.map { [$0] } ?? []) + workspaces, libraryPatterns: libraryPatterns)
    }
}
