import Foundation

/// `action.yml` read as GitHub reads it (YAML through python3's `yaml`), and its steps run as
/// the runner runs a composite action's steps: `${{ … }}` in `env` replaced from a context, the
/// script run by `bash --noprofile --norc -eo pipefail`, `$GITHUB_OUTPUT` read back as
/// `steps.<id>.outputs.<name>`.
struct CompositeAction {
    /// One step of `runs.steps`.
    struct Step {
        var name: String
        var id: String?
        var shell: String?
        var environment: [String: String]
        var run: String?
    }

    /// The whole document, as JSON objects.
    let document: [String: Any]

    /// `action.yml` at the package root.
    static let url = Fixtures.packageRoot.appendingPathComponent("action.yml")

    /// Parses `url` with python3's `yaml.safe_load`.
    init(url: URL = CompositeAction.url) throws {
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
        let result = try CLIRunner.run(["python3", "-c", script, url.path], executable: ExternalTool.env)
        guard result.status == 0 else { throw ActionError.unparsable(String(result.stderr.split(separator: "\n").suffix(2).joined(separator: " "))) }
        guard let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw ActionError.unparsable("not a mapping")
        }
        self.document = document
    }

    /// `inputs`, by name.
    var inputs: [String: [String: Any]] { document["inputs"] as? [String: [String: Any]] ?? [:] }

    /// `runs`.
    var runs: [String: Any] { document["runs"] as? [String: Any] ?? [:] }

    /// `runs.steps`.
    var steps: [Step] {
        (runs["steps"] as? [[String: Any]] ?? []).map { step in
            Step(name: step["name"] as? String ?? "", id: step["id"] as? String, shell: step["shell"] as? String,
                 environment: step["env"] as? [String: String] ?? [:], run: step["run"] as? String)
        }
    }

    /// Runs every step in order, as the runner does until one fails. `context` answers the
    /// expressions of the steps' `env` (`github.action_path`, `inputs.log`, …; an input not
    /// given takes its default); `environment` is what the runner sets (`RUNNER_TEMP`, …).
    func run(context: [String: String], environment: [String: String], in directory: URL) throws -> [CLIRunner.Result] {
        var context = context
        for (name, input) in inputs where context["inputs.\(name)"] == nil {
            context["inputs.\(name)"] = input["default"] as? String ?? ""
        }
        var results: [CLIRunner.Result] = []
        for (index, step) in steps.enumerated() {
            let output = directory.appendingPathComponent("output-\(index)")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let script = directory.appendingPathComponent("step-\(index).sh")
            try Data((step.run ?? "").utf8).write(to: script)
            var variables = environment
            variables["GITHUB_OUTPUT"] = output.path
            for (name, value) in step.environment { variables[name] = try Self.substitute(value, from: context) }
            let result = try CLIRunner.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script.path],
                                           executable: ExternalTool.env, environment: variables, directory: directory)
            results.append(result)
            if result.status != 0 { break }
            let written = String(decoding: try Data(contentsOf: output), as: UTF8.self)
            for line in written.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "="), let id = step.id else { continue }
                context["steps.\(id).outputs.\(line[..<equals])"] = String(line[line.index(after: equals)...])
            }
        }
        return results
    }

    /// `value` with each `${{ expression }}` replaced by the context's value for it.
    static func substitute(_ value: String, from context: [String: String]) throws -> String {
        var result = ""
        var rest = value[...]
        while let open = rest.range(of: "${{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw ActionError.unknownExpression(String(rest)) }
            let expression = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let replacement = context[expression] else { throw ActionError.unknownExpression(expression) }
            result += rest[..<open.lowerBound] + replacement
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Why the action could not be read or run.
    enum ActionError: Error {
        case unparsable(String)
        case unknownExpression(String)
    }
}
