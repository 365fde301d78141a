import Foundation
import LeakModel
import LeakParsers
import LeakTriage

/// Access to `Tests/Fixtures` and one-call parsing for the tests.
enum Fixtures {
    /// `Tests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The package root.
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()

    /// A corpus fixture's bytes.
    static func corpus(_ name: String) throws -> [UInt8] {
        try fixture(name, in: "corpus")
    }

    /// A test-suite fixture's bytes (`Tests/Fixtures/suite`: dastest runs of daslang's own suites).
    static func suite(_ name: String) throws -> [UInt8] {
        try fixture(name, in: "suite")
    }

    private static func fixture(_ name: String, in folder: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(folder).appendingPathComponent(name)
        if name.hasSuffix(".gz") { return try gunzip(url) }
        return Array(try Data(contentsOf: url))
    }

    /// The path of a corpus fixture.
    static func corpusPath(_ name: String) -> String {
        directory.appendingPathComponent("corpus").appendingPathComponent(name).path
    }

    /// Every corpus log file name.
    static var corpusNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("corpus").path)) ?? []
        return names.filter { $0.hasSuffix(".log") || $0.hasSuffix(".stdout") || $0.hasSuffix(".stderr") || $0.hasSuffix(".out.txt") }
            .sorted()
    }

    /// Parses `inputs` (one byte array per input) in chunks of `chunkSize` into a triaged report.
    static func analyse(_ inputs: [[UInt8]], chunkSize: Int = 4096, settings: TriageSettings = TriageSettings()) throws -> LeakReport {
        var builder = LeakReportBuilder(settings: settings)
        var summaries: [InputSummary] = []
        for (index, bytes) in inputs.enumerated() {
            let parser = try LogParser(input: index) { builder.receive($0) }
            feed(parser, bytes, chunkSize: chunkSize)
            summaries.append(InputSummary(path: "input\(index)", lines: parser.lineCount, bytes: parser.byteCount))
        }
        return builder.build(inputs: summaries)
    }

    /// Every event the parser reports for `bytes`, lines and reports included.
    static func events(_ bytes: [UInt8], chunkSize: Int = 4096) throws -> [LogEvent] {
        var events: [LogEvent] = []
        let parser = try LogParser(input: 0, recordLines: true, recordReports: true) { events.append($0) }
        feed(parser, bytes, chunkSize: chunkSize)
        return events
    }

    private static func feed(_ parser: LogParser, _ bytes: [UInt8], chunkSize: Int) {
        bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count {
                let end = min(start + chunkSize, raw.count)
                parser.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                start = end
            }
        }
        parser.finish()
    }

    private static func gunzip(_ url: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc \"$0\"", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
