import Foundation

/// Validates SARIF documents against the official 2.1.0 schema (`Tests/Fixtures/schemas/`) with
/// Python's `jsonschema`, which the machine image provides. Tests that need it are skipped, with
/// a message, only where `python3` or `jsonschema` is truly missing; Swift checks run everywhere.
enum SARIFSchemaValidator {
    static let schema = Fixtures.directory.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    private static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.validators.validator_for(schema)(schema)
        problems = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path))):
                print(path + ": /" + "/".join(str(part) for part in error.absolute_path) + ": " + error.message)
                problems += 1
        sys.exit(1 if problems else 0)
        """

    /// Whether `python3` can import `jsonschema`.
    static let isAvailable: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    /// The schema violations of each document, one line each; empty when all are valid.
    static func violations(of documents: [String: String]) throws -> [String] {
        let directory = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
            let url = directory.appendingPathComponent(name.replacingOccurrences(of: "/", with: "_") + ".sarif")
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try run(["-c", script, schema.path] + paths)
        if result.status == 0 { return [] }
        let lines = result.output.split(separator: "\n").map(String.init)
        return lines.isEmpty ? ["python3 exited with status \(result.status)"] : lines
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
