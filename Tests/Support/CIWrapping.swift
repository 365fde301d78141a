import Testing

/// The prefixes and wrappings CI systems, log plugins and terminals put around each line of
/// output: the one catalogue the parser tests, the CI-shaped logs and the look-alike logs use.
enum CIWrapping: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case githubTimestamp, githubTimestampWithoutFraction, numericZoneTimestamp, ghRunViewColumns, azureError, ansiColour
    case jenkinsPipelineTimestamp, jenkinsTimestamperClock, jenkinsBracketedClock, gitLabStdout, gitLabStderrContinued

    var testDescription: String { rawValue }

    func apply(_ line: [UInt8]) -> [UInt8] {
        switch self {
        case .githubTimestamp: return Array("2026-11-24T12:00:01.1234567Z ".utf8) + line
        case .githubTimestampWithoutFraction: return Array("2026-11-24T12:00:01Z ".utf8) + line
        case .numericZoneTimestamp: return Array("2026-11-24T12:00:01.123+01:00 ".utf8) + line
        case .ghRunViewColumns: return Array("test (ubuntu-latest)\tRun dastest\t2026-11-24T12:00:01.0000000Z ".utf8) + line
        case .azureError: return Array("##[error]".utf8) + line
        case .ansiColour: return Array("\u{1B}[1;31m".utf8) + line + Array("\u{1B}[0m".utf8)
        case .jenkinsPipelineTimestamp: return Array("[2026-12-03T10:00:00.123Z] ".utf8) + line
        case .jenkinsTimestamperClock: return Array("10:00:00  ".utf8) + line
        case .jenkinsBracketedClock: return Array("[10:00:00.250] ".utf8) + line
        case .gitLabStdout: return Array("2026-12-03T10:00:00.123456Z 00O ".utf8) + line
        case .gitLabStderrContinued: return Array("2026-12-03T10:00:00.123456Z 01E+ ".utf8) + line
        }
    }
}
