import Foundation
import LeakModel
import LeakReporters
import Testing
@testable import LeakTestSupport

/// The CI formats hold what their consumers need, for the hostile report and for real corpus
/// logs: SARIF valid against the 2.1.0 schema with one located, fingerprinted result per
/// finding; JUnit that parses with one failing case per finding; Code Quality issues with
/// unique fingerprints and a path and line each.
@Suite struct CIFormatStructureTests {
    /// Real logs with many kinds of findings, and none.
    static let corpusNames = ["combined_all.log", "rwdi_combined_all.log", "heap_report_default.log", "smartptr_leak.log",
                              "profiler_exception.log", "clean_run.log"]
    /// `hostile` and the corpus logs.
    static let sources = ["hostile"] + corpusNames
    static let options = RenderOptions(root: "/work/project", workingDirectory: "/work/project")

    static func report(_ source: String) throws -> LeakReport {
        source == "hostile" ? HostileReport.report : try Fixtures.analyse([try Fixtures.corpus(source)])
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    // MARK: SARIF

    @Test("SARIF has one located, fingerprinted result per finding", arguments: sources)
    func sarifHasOneLocatedResultPerFinding(source: String) throws {
        let report = try Self.report(source)
        let document = try #require(try Self.json(SARIFReporter().render(report, options: Self.options)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let ruleIDs = try #require((driver["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(ruleIDs == Detector.allCases.map(\.rawValue))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for (finding, result) in zip(report.findings, results) {
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(result["ruleId"] as? String == finding.detector.rawValue)
            #expect(ruleIDs[ruleIndex] == finding.detector.rawValue)
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints == [SARIFReporter.fingerprintKey: finding.fingerprint])
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(!uri.isEmpty)
            #expect(uri.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~/%:".contains($0)) }, "\(uri)")
            let target = FindingTarget(finding, in: report, paths: PathResolver(Self.options))
            #expect(uri.removingPercentEncoding.map { $0 == target.path || $0 == "file://" + target.path } == true, "\(uri)")
            if let region = physical["region"] as? [String: Any] {
                #expect((region["startLine"] as? Int ?? 0) >= 1)
            }
        }
        #expect(!SARIFReporter().render(report, options: Self.options).contains("primaryLocationLineHash"))
    }

    @Test("SARIF validates against the 2.1.0 schema",
          .enabled(if: SARIFSchemaValidator.isAvailable, "python3 with the jsonschema package is not installed: schema check skipped"))
    func sarifValidatesAgainstTheSchema() throws {
        var documents: [String: String] = [:]
        for source in Self.sources {
            documents[source] = SARIFReporter().render(try Self.report(source), options: Self.options)
        }
        documents["no root"] = SARIFReporter().render(HostileReport.report, options: RenderOptions())
        let violations = try SARIFSchemaValidator.violations(of: documents)
        #expect(violations.isEmpty, "\(violations.prefix(20).joined(separator: "\n"))")
    }

    @Test func anInvalidSARIFDocumentIsCaughtByTheSchemaCheck() throws {
        try #require(SARIFSchemaValidator.isAvailable, "python3 with the jsonschema package is not installed")
        let broken = SARIFReporter().render(HostileReport.report, options: Self.options).replacingOccurrences(of: "\"startLine\": ", with: "\"startLine\": -")
        #expect(try !SARIFSchemaValidator.violations(of: ["broken": broken]).isEmpty)
    }

    // MARK: JUnit

    @Test("JUnit parses with one failing case per finding", arguments: sources)
    func junitHasOneFailingCasePerFinding(source: String) throws {
        let report = try Self.report(source)
        let elements = try XMLElements.parse(JUnitReporter().render(report, options: Self.options))
        #expect(elements.first?.name == "testsuites")
        let cases = elements.filter { $0.name == "testcase" }
        let failures = elements.filter { $0.name == "failure" }
        #expect(failures.count == report.findings.count)
        #expect(cases.count == max(report.findings.count, 1))
        #expect(failures.map { $0.attributes["message"] } == report.findings.map { CIFormatEscapingTests.sanitized($0.title, c1: true) })
        let suites = elements.filter { $0.name == "testsuite" }.compactMap { $0.attributes["name"] }
        let mechanisms = Mechanism.allCases.filter { mechanism in report.findings.contains { $0.mechanism == mechanism } }
        #expect(suites == (report.findings.isEmpty ? ["leaktriage"] : mechanisms.map(\.rawValue)))
        for finding in report.findings {
            #expect(cases.contains { $0.attributes["name"] == CIFormatEscapingTests.sanitized("#\(finding.rank) \(finding.title)", c1: true) })
        }
    }

    // MARK: GitLab Code Quality

    @Test("Code Quality issues are unique and located", arguments: sources)
    func codeQualityIssuesAreUniqueAndLocated(source: String) throws {
        let report = try Self.report(source)
        let issues = try #require(try Self.json(CodeQualityReporter().render(report, options: Self.options)) as? [[String: Any]])
        #expect(issues.count == report.findings.count)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == issues.count)
        #expect(Set(fingerprints).count == fingerprints.count)
        for issue in issues {
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            #expect(!(issue["description"] as? String ?? "").isEmpty)
            #expect(!(issue["check_name"] as? String ?? "").isEmpty)
            let location = try #require(issue["location"] as? [String: Any])
            #expect(!(location["path"] as? String ?? "").isEmpty)
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
        }
    }

    @Test func aFindingRepeatedAtTheSamePlaceGetsADistinctStableFingerprint() throws {
        var report = HostileReport.report
        report.findings += [report.findings[0], report.findings[0]]
        let first = try #require(try Self.json(CodeQualityReporter().render(report, options: Self.options)) as? [[String: Any]])
        let fingerprints = first.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == report.findings.count)
        let again = try #require(try Self.json(CodeQualityReporter().render(report, options: Self.options)) as? [[String: Any]])
        #expect(again.compactMap { $0["fingerprint"] as? String } == fingerprints)
        #expect(fingerprints[0] == CodeQualityReporter.fingerprint(of: report.findings[0], ordinal: 0))
        #expect(fingerprints[8] == CodeQualityReporter.fingerprint(of: report.findings[0], ordinal: 1))
    }

    @Test func codeQualitySeverityFollowsTriage() {
        let findings = HostileReport.findings
        #expect(findings.map(CodeQualityReporter.severity) == ["critical", "critical", "major", "critical", "minor", "info", "major", "minor"])
    }
}
