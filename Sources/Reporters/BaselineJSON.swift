import Foundation
import LeakModel

/// Reads and writes baselines as JSON. Writes schema `leaktriage-baseline/1`, sorted by
/// fingerprint so that a change reviews as a small diff; reads that and also a
/// `leaktriage/1` report of ours (its findings' counts become the accepted counts).
public enum BaselineJSON {
    /// Why a baseline file could not be read.
    public enum ReadError: Error, Equatable, LocalizedError {
        /// Not JSON at all.
        case notJSON(String)
        /// JSON of another shape.
        case unexpectedShape(String)

        public var errorDescription: String? {
            switch self {
            case let .notJSON(reason): return "not JSON: \(reason)"
            case let .unexpectedShape(reason): return reason
            }
        }
    }

    /// The baseline as text.
    public static func render(_ baseline: Baseline) -> String {
        let findings = baseline.entries.values.sorted { $0.fingerprint < $1.fingerprint }.map { entry -> JSONValue in
            .object([
                "fingerprint": .string(entry.fingerprint), "count": .int(entry.count), "detector": .string(entry.detector),
                "kind": .string(entry.kind), "title": .string(entry.title),
            ])
        }
        return JSONValue.object(["schema": .string(Baseline.schema), "findings": .array(findings)]).rendered()
    }

    /// Parses a baseline or a `leaktriage/1` report.
    public static func parse(_ data: Data) throws(ReadError) -> Baseline {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(error.localizedDescription)
        }
        guard let root = object as? [String: Any], let schema = root["schema"] as? String else {
            throw .unexpectedShape("expected an object with a \"schema\" key")
        }
        guard schema == Baseline.schema || schema == LeakReportJSON.schema else {
            throw .unexpectedShape("schema \"\(schema)\" is neither \(Baseline.schema) nor \(LeakReportJSON.schema)")
        }
        guard let findings = root["findings"] as? [[String: Any]] else {
            throw .unexpectedShape("expected a \"findings\" array")
        }
        var entries: [String: Baseline.Entry] = [:]
        for (index, finding) in findings.enumerated() {
            guard let fingerprint = finding["fingerprint"] as? String, let count = finding["count"] as? Int, count >= 0 else {
                throw .unexpectedShape("finding \(index) has no fingerprint or no non-negative count")
            }
            // A fingerprint listed twice accepts both counts; a hostile file cannot overflow the sum.
            entries[fingerprint] = Baseline.Entry(
                fingerprint: fingerprint, count: (entries[fingerprint]?.count ?? 0).addingSaturated(count), detector: finding["detector"] as? String ?? "",
                kind: finding["kind"] as? String ?? "", title: finding["title"] as? String ?? "")
        }
        return Baseline(entries: entries)
    }
}
