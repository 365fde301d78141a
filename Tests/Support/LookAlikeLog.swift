import Foundation
import Testing

/// Logs of other tools' output that share a first word or a shape with daslang's leak
/// report lines but hold no report: `go test`, gtest, `ls -l`, Java, Python and node stack
/// frames, `FATAL:` lines of other tools, disassembly, valgrind, dastest's own lines, …
/// The lines come from the templates of `Tests/Fixtures/look-alike-lines.txt` (which the
/// benchmark's look-alike shape uses too), with random numbers, ids and words, and with the
/// wrappings CI adds around any line.
enum LookAlikeLog {
    /// One template: the tool that prints such lines and the line with its placeholders.
    struct Template: Sendable, CustomTestStringConvertible {
        var tool: String
        var text: String
        var testDescription: String { "\(tool): \(text)" }
    }

    /// The ways CI and terminals wrap a line.
    enum Wrapping: CaseIterable, Sendable {
        case bare, infoMarker, crlf
        /// As CI systems, log plugins and terminals wrap a line.
        case ci(CIWrapping)

        static var allCases: [Wrapping] { [.bare, .infoMarker, .crlf] + CIWrapping.allCases.map(Wrapping.ci) }
    }

    /// Every template of the fixture file.
    static func templates() throws -> [Template] {
        let url = Fixtures.directory.appendingPathComponent("look-alike-lines.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return Template(tool: String(line[..<tab]), text: String(line[line.index(after: tab)...]))
        }
    }

    /// `count` lines (each template in turn, so that all of them appear), every line wrapped
    /// one of the ways CI wraps lines; the same for the same `seed`.
    static func log(lines count: Int, seed: UInt64) throws -> [UInt8] {
        let all = try templates()
        var random = Random(seed: seed)
        var bytes: [UInt8] = []
        for index in 0..<count {
            let wrapping = Wrapping.allCases[random.below(Wrapping.allCases.count)]
            bytes += wrap(expand(all[index % all.count], &random), wrapping)
        }
        return bytes
    }

    /// One line of `template` (with its newline), wrapped as `wrapping` says.
    static func line(_ template: Template, seed: UInt64, wrapping: Wrapping) -> [UInt8] {
        var random = Random(seed: seed)
        return wrap(expand(template, &random), wrapping)
    }

    private static func wrap(_ line: [UInt8], _ wrapping: Wrapping) -> [UInt8] {
        switch wrapping {
        case .bare: return line + [0x0A]
        case .infoMarker: return Array("[I] ".utf8) + line + [0x0A]
        case .crlf: return line + [0x0D, 0x0A]
        case let .ci(wrapping): return wrapping.apply(line) + [0x0A]
        }
    }

    private static let words = ["alpha", "build", "cache", "delta", "engine", "fetch", "graph", "heap", "index", "job",
                                "kernel", "leak", "merge", "node", "owner", "parse", "queue", "render", "shard", "total"]

    /// The template with its placeholders and escapes replaced.
    private static func expand(_ template: Template, _ random: inout Random) -> [UInt8] {
        var output: [UInt8] = []
        var characters = Array(template.text.utf8)[...]
        while let byte = characters.popFirst() {
            switch byte {
            case UInt8(ascii: "\\"):
                switch characters.popFirst() {
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "e"): output.append(0x1B)
                case let other?: output.append(other)
                case nil: output.append(byte)
                }
            case UInt8(ascii: "{") where characters.count >= 2 && characters[characters.startIndex + 1] == UInt8(ascii: "}"):
                let kind = characters.removeFirst()
                characters.removeFirst()
                output += placeholder(kind, &random)
            default:
                output.append(byte)
            }
        }
        return output
    }

    private static func placeholder(_ kind: UInt8, _ random: inout Random) -> [UInt8] {
        let text: String
        switch kind {
        case UInt8(ascii: "n"): text = String(random.below(1000))
        case UInt8(ascii: "N"): text = String(random.below(10_000_000_000))
        case UInt8(ascii: "x"): text = String(random.below(0x10000), radix: 16)
        case UInt8(ascii: "X"): text = String(format: "%012llx", UInt64(random.below(1 << 48)))
        case UInt8(ascii: "w"): text = words[random.below(words.count)]
        case UInt8(ascii: "W"): text = words[random.below(words.count)].capitalized
        case UInt8(ascii: "f"): text = "\(random.below(100)).\(String(format: "%03d", random.below(1000)))"
        default: text = "{" + String(UnicodeScalar(kind)) + "}"
        }
        return Array(text.utf8)
    }

    /// A small deterministic generator (xorshift64).
    struct Random {
        private var state: UInt64

        init(seed: UInt64) { state = seed | 1 }

        /// A number in `0..<bound`.
        mutating func below(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }
}
