import ArgumentParser
import LeakModel

/// `--only`: the mechanisms to keep.
struct MechanismFilter: ParsableArguments {
    @Option(name: .long, help: "Keep only these mechanisms: gc, jobque, heap, smart_ptr, handles (comma-separated).")
    var only: [String] = []

    /// The mechanisms kept, or nil for all.
    func selected() throws -> Set<Mechanism>? {
        let names = only.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { return nil }
        var selected: Set<Mechanism> = []
        for name in names {
            guard let mechanism = Mechanism(rawValue: name) else {
                throw CLIError.usage("--only takes gc, jobque, heap, smart_ptr or handles, not '\(name)'")
            }
            selected.insert(mechanism)
        }
        return selected
    }
}
