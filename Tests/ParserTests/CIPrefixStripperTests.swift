import Foundation
import LeakModel
@testable import LeakParsers
import Testing
@testable import LeakTestSupport

/// `CIPrefixStripper` alone: whatever a CI system puts around a real daslang line, the line
/// that comes out is the one daslang printed, with the same logger marker.
@Suite struct CIPrefixStripperTests {
    /// Real logs with every detector's lines, the profiler's `[I] ` console lines among them.
    static let logs = ["combined_all.log", "rwdi_combined_all.stderr", "profiler_basic.log", "heap_report_linear.log"]

    @Test("a wrapped real line cleans to the line daslang printed", arguments: CIWrapping.allCases)
    func wrappedLinesCleanToTheOriginal(_ wrapping: CIWrapping) throws {
        var stripper = CIPrefixStripper()
        for name in Self.logs {
            for line in try Self.lines(of: name) where !line.isEmpty {
                let original = clean(&stripper, line)
                let wrapped = clean(&stripper, wrapping.apply(line))
                #expect(wrapped.content == original.content && wrapped.marker == original.marker,
                        "\(name): \(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    @Test func leadingIndentationIsKept() throws {
        // Report bodies are indented (`  JobStatus #…`, tab-led heap rows): indentation is format, not prefix.
        var stripper = CIPrefixStripper()
        let indented = try Self.lines(of: "combined_all.log").filter { $0.first == 0x20 || $0.first == 0x09 }
        #expect(!indented.isEmpty)
        for line in indented {
            #expect(clean(&stripper, CIWrapping.githubTimestamp.apply(line)).content == line)
        }
    }

    @Test func theMarkerIsSetAside() throws {
        var stripper = CIPrefixStripper()
        let marked = try Self.lines(of: "profiler_basic.log").filter { $0.starts(with: Array("[I] ".utf8)) }
        #expect(!marked.isEmpty)
        for line in marked {
            let cleaned = clean(&stripper, line)
            #expect(cleaned.marker == .info)
            #expect(cleaned.content == Array(line.dropFirst(4)))
        }
    }

    @Test func aByteOrderMarkIsRemovedOnTheFirstLineOnly() throws {
        var stripper = CIPrefixStripper()
        let line = try #require(try Self.lines(of: "combined_all.log").first { !$0.isEmpty })
        let withMark = [0xEF, 0xBB, 0xBF] + line
        #expect(clean(&stripper, withMark, firstLine: true).content == line)
        #expect(clean(&stripper, CIWrapping.githubTimestamp.apply(withMark), firstLine: true).content == line)
    }

    @Test func groupMarkersAreNotOutput() {
        var stripper = CIPrefixStripper()
        for marker in ["##[group]Run leak tests", "##[endgroup]", "2026-11-24T12:00:01.1234567Z ##[group]Run leak tests"] {
            #expect(clean(&stripper, Array(marker.utf8)).isCIMarker, "\(marker)")
        }
        #expect(!clean(&stripper, Array("##[error]GC APP LEAK: 1 gc_node(s) after execution".utf8)).isCIMarker)
    }

    @Test func whatOnlyResemblesAPrefixStays() {
        // Dates in other shapes, a tab-separated line without a timestamp, a marker not followed by a space.
        var stripper = CIPrefixStripper()
        for text in ["2026-11-24 12:00:01 build started", "2026-11-24T12:00 short", "name\tvalue\tother", "[I]no space", "[X] other tool",
                     "[10:00:00]no space", "10:00 short clock", "10:00:00 one space"] {
            #expect(clean(&stripper, Array(text.utf8)).content == Array(text.utf8), "\(text)")
        }
    }

    @Test func onlyAGitLabStreamTagFollowingTheTimestampGoes() {
        var stripper = CIPrefixStripper()
        #expect(clean(&stripper, Array("2026-12-03T10:00:00Z 0O output".utf8)).content == Array("0O output".utf8))
        #expect(clean(&stripper, Array("2026-12-03T10:00:00Z 0aO output".utf8)).content == Array("output".utf8))
    }

    private func clean(_ stripper: inout CIPrefixStripper, _ line: [UInt8], firstLine: Bool = false)
        -> (content: [UInt8], marker: LogMarker?, isCIMarker: Bool) {
        line.withUnsafeBytes { raw in
            stripper.clean(raw, firstLine: firstLine, hasEscape: line.contains(0x1B)) { cleaned in
                (Array(cleaned.content), cleaned.marker, cleaned.isCIMarker)
            }
        }
    }

    static func lines(of name: String) throws -> [[UInt8]] {
        try Fixtures.corpus(name).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    }
}
