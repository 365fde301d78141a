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

    /// The baseline as text: pretty-printed, keys sorted, one entry per finding.
    public static func render(_ baseline: Baseline) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let file = BaselineFile(schema: Baseline.schema,
                                findings: baseline.entries.values.sorted { $0.fingerprint < $1.fingerprint })
        // Encoding strings and integers cannot fail.
        let data = (try? encoder.encode(file)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What a baseline file holds.
    private struct BaselineFile: Encodable {
        var schema: String
        var findings: [Baseline.Entry]
    }

    /// Parses a baseline or a `leaktriage/1` report.
    public static func parse(_ data: Data) throws(ReadError) -> Baseline {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .notJSON(context.underlyingError?.localizedDescription ?? context.debugDescription)
        } catch {
            throw .unexpectedShape("expected an object with a \"schema\" key")
        }
        guard header.schema == Baseline.schema || header.schema == LeakReportJSON.schema else {
            throw .unexpectedShape("schema \"\(header.schema)\" is neither \(Baseline.schema) nor \(LeakReportJSON.schema)")
        }
        guard let findings = try? decoder.decode(FindingList.self, from: data).findings else {
            throw .unexpectedShape("expected a \"findings\" array")
        }
        var entries: [String: Baseline.Entry] = [:]
        for (index, finding) in findings.enumerated() {
            guard let fingerprint = finding.fingerprint, let count = finding.count, count >= 0 else {
                throw .unexpectedShape("finding \(index) has no fingerprint or no non-negative count")
            }
            // A fingerprint listed twice accepts both counts; a hostile file cannot overflow the sum.
            entries[fingerprint] = Baseline.Entry(
                fingerprint: fingerprint, count: (entries[fingerprint]?.count ?? 0).addingSaturated(count),
                detector: finding.detector ?? "", kind: finding.kind ?? "", title: finding.title ?? "")
        }
        return Baseline(entries: entries)
    }

    /// The key every document of ours starts with.
    private struct Header: Decodable {
        var schema: String
    }

    /// The findings of a baseline or a report, read without judging them yet.
    private struct FindingList: Decodable {
        var findings: [ListedFinding]
    }

    /// One finding as listed: the fields a baseline needs, each nil when absent or of another type.
    private struct ListedFinding: Decodable {
        var fingerprint: String?
        var count: Int?
        var detector: String?
        var kind: String?
        var title: String?

        private enum CodingKeys: String, CodingKey {
            case fingerprint, count, detector, kind, title
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fingerprint = try? container.decode(String.self, forKey: .fingerprint)
            count = try? container.decode(Int.self, forKey: .count)
            detector = try? container.decode(String.self, forKey: .detector)
            kind = try? container.decode(String.self, forKey: .kind)
            title = try? container.decode(String.self, forKey: .title)
        }
    }
}
