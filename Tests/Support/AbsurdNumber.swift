import Foundation
import Testing

/// A header or total line whose number was made absurd.
struct AbsurdNumber: Sendable, CustomTestStringConvertible {
    var log: String
    var original: String
    var absurd: String
    var testDescription: String { "\(log): \(absurd.trimmingCharacters(in: .whitespacesAndNewlines))" }
}
