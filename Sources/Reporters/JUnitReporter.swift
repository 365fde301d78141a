import LeakModel

/// `--format junit`: a JUnit XML test report for CI test views. One test suite per mechanism
/// with findings, in triage order; one failing test case per finding, named by rank and title,
/// with its location (the source, or the log line that listed it), details and next step.
/// Known non-leaks fail too, with type `note`: the gate (`--fail-on`) decides what fails the build.
/// A report without findings is one passing test case, so that the test view is not empty.
public struct JUnitReporter: LeakReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ report: LeakReport, options: RenderOptions) -> String {
        let details = FindingDetails(report: report, options: options)
        let rollup = TestFileSummary.rollup(of: report.findings)
        let count = report.findings.count + rollup.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="leaktriage" tests="\#(max(count, 1))" failures="\#(count)" errors="0">"#,
        ]
        if report.findings.isEmpty {
            lines.append(#"  <testsuite name="leaktriage" tests="1" failures="0" errors="0" skipped="0">"#)
            lines.append(#"    <testcase name="no leaks reported" classname="leaktriage"/>"#)
            lines.append("  </testsuite>")
        }
        for mechanism in Mechanism.allCases.sorted() {
            let findings = report.findings.filter { $0.mechanism == mechanism }
            guard !findings.isEmpty else { continue }
            lines.append(#"  <testsuite name="\#(mechanism.rawValue)" tests="\#(findings.count)" failures="\#(findings.count)" errors="0" skipped="0">"#)
            for finding in findings {
                lines += testCase(finding, report: report, details: details)
            }
            lines.append("  </testsuite>")
        }
        lines += testFileSuite(rollup)
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One failing test case per leaking test file, named after it, so that the CI test view lists the leaking tests.
    private func testFileSuite(_ rollup: [TestFileSummary]) -> [String] {
        guard !rollup.isEmpty else { return [] }
        var lines = [#"  <testsuite name="test files" tests="\#(rollup.count)" failures="\#(rollup.count)" errors="0" skipped="0">"#]
        for summary in rollup {
            let message = "\(summary.leaks) leaks (\(summary.bytes) bytes) in \(summary.findings) findings; top: #\(summary.top.rank) \(summary.top.title)"
            let attributes = [("name", summary.file), ("classname", "leaktriage.tests"), ("file", summary.file)]
            lines.append("    <testcase " + attributes.map { "\($0.0)=\"\(XMLText.escapeAttribute($0.1))\"" }.joined(separator: " ") + ">")
            lines.append("      <failure message=\"\(XMLText.escapeAttribute(message))\" type=\"leak\">" + XMLText.escapeText(message) + "</failure>")
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        return lines
    }

    private func testCase(_ finding: Finding, report: LeakReport, details: FindingDetails) -> [String] {
        let target = details.target(of: finding)
        var attributes = [
            ("name", "#\(finding.rank) \(finding.title)"),
            ("classname", "leaktriage.\(finding.detector.rawValue)"),
            ("file", target.path),
        ]
        if let line = target.line { attributes.append(("line", String(line))) }
        let place = target.isLogLine ? "listed in the log at \(target)" : "at \(target)"
        let body = ([finding.title, place] + details.lines(for: finding)).joined(separator: "\n")
        return [
            "    <testcase " + attributes.map { "\($0.0)=\"\(XMLText.escapeAttribute($0.1))\"" }.joined(separator: " ") + ">",
            "      <failure message=\"\(XMLText.escapeAttribute(finding.title))\" type=\"\(finding.severity.rawValue)\">"
                + XMLText.escapeText(body) + "</failure>",
            "    </testcase>",
        ]
    }
}
