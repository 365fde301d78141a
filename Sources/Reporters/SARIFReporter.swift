import LeakModel

/// `--format sarif`: SARIF 2.1.0 for code scanning. One rule per detector; one result per
/// finding, located at its source location or, without one, at the log line that listed it;
/// our fingerprint in `partialFingerprints` under ``fingerprintKey``; diagnostics about the log
/// as tool execution notifications. Paths inside the root are relative to `%SRCROOT%`.
public struct SARIFReporter: LeakReporter {
    /// The schema the output follows.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Our key in `partialFingerprints` (never GitHub's reserved `primaryLocationLineHash`).
    public static let fingerprintKey = "leaktriage/v1"
    /// The base id that relative artifact paths are resolved against.
    public static let rootBaseID = "%SRCROOT%"

    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let details = FindingDetails(report: report, options: options)
        var run: [String: JSONValue] = [
            "tool": .object(["driver": .object([
                "name": .string("leaktriage"),
                "version": .string(ToolVersion.current),
                "semanticVersion": .string(ToolVersion.current),
                "rules": .array(Detector.allCases.map(SARIFRule.descriptor)),
            ])]),
            "results": .array(report.findings.map { result($0, report: report, details: details) }),
            "invocations": .array([.object([
                "executionSuccessful": .bool(true),
                "toolExecutionNotifications": .array(report.diagnostics.map { notification($0, report: report, details: details) }),
            ])]),
        ]
        if let root = details.paths.root {
            run["originalUriBaseIds"] = .object([Self.rootBaseID: .object(["uri": .string(URIReference.directory(root))])])
        }
        return JSONValue.object([
            "$schema": .string(Self.schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ]).rendered()
    }

    private func result(_ finding: Finding, report: LeakReport, details: FindingDetails) -> JSONValue {
        var properties: [String: JSONValue] = [
            "rank": .int(finding.rank),
            "mechanism": .string(finding.mechanism.rawValue),
            "kind": .string(finding.kind),
            "count": .int(finding.count),
            "severity": .string(finding.severity.rawValue),
        ]
        properties["bytes"] = finding.bytes.map(JSONValue.int)
        properties["consequence_of"] = finding.consequenceOf.map(JSONValue.string)
        properties["known_non_leak"] = finding.knownNonLeak.map(JSONValue.string)
        properties["next_step"] = finding.nextStep.map(JSONValue.string)
        properties["next_step_macos"] = finding.nextStepMacOS.map(JSONValue.string)
        var result: [String: JSONValue] = [
            "ruleId": .string(finding.detector.rawValue),
            "ruleIndex": .int(Detector.allCases.firstIndex(of: finding.detector) ?? 0),
            "level": .string(Self.level(finding.severity)),
            "message": .object(["text": .string(([finding.title] + details.lines(for: finding)).joined(separator: "\n"))]),
            "locations": .array([location(details.target(of: finding), paths: details.paths)]),
            "partialFingerprints": .object([Self.fingerprintKey: .string(finding.fingerprint)]),
            "properties": .object(properties),
        ]
        if !finding.occurrences.isEmpty {
            result["relatedLocations"] = .array(finding.occurrences.enumerated().map { index, position in
                location(details.target(ofLogLine: position), paths: details.paths,
                         adding: ["id": .int(index + 1), "message": .object(["text": .string("listed in the log")])])
            })
        }
        return .object(result)
    }

    private func notification(_ diagnostic: Diagnostic, report: LeakReport, details: FindingDetails) -> JSONValue {
        var members: [String: JSONValue] = [
            "level": .string(Self.level(diagnostic.severity)),
            "message": .object(["text": .string(details.line(for: diagnostic))]),
            "properties": .object(["untrustworthy": .bool(diagnostic.untrustworthy)]),
        ]
        if let position = diagnostic.position {
            members["locations"] = .array([location(details.target(ofLogLine: position), paths: details.paths)])
        }
        return .object(members)
    }

    /// A SARIF `location` with `extra` members: the artifact, relative to `%SRCROOT%` when inside
    /// the root, and the region.
    private func location(_ target: FindingTarget, paths: PathResolver, adding extra: [String: JSONValue] = [:]) -> JSONValue {
        var artifact: [String: JSONValue] = ["uri": .string(URIReference.from(path: target.path))]
        // Absolute paths carry their own `file://`; pseudo paths such as `<stdin>` are no file of the root.
        if paths.root != nil, !target.path.hasPrefix("/"), !target.path.hasPrefix("<") {
            artifact["uriBaseId"] = .string(Self.rootBaseID)
        }
        var physical: [String: JSONValue] = ["artifactLocation": .object(artifact)]
        if let line = target.line {
            var region: [String: JSONValue] = ["startLine": .int(line)]
            region["startColumn"] = target.oneBasedColumn.map(JSONValue.int)
            physical["region"] = .object(region)
        }
        return .object(extra.merging(["physicalLocation": .object(physical)]) { _, location in location })
    }

    /// error → error, warning → warning, note → note.
    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }
}
