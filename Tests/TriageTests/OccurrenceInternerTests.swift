import LeakModel
@testable import LeakTriage
import Testing
@testable import LeakTestSupport

/// The raw key's stack id: equal stacks get one id whatever array they come in (the storage
/// shortcut never stands in for comparing frames), and distinct stacks never share one.
@Suite struct OccurrenceInternerTests {
    @Test(arguments: ["profiler_many.log", "combined_all.log", "rwdi_combined_all.stdout"])
    func equalStacksShareAnIdInAnyArray(log: String) throws {
        let report = try Fixtures.analyse([Array(try LogEditing.corpusText(log).utf8)])
        let stacks = report.findings.map(\.stack).filter { !$0.isEmpty }
        #expect(!stacks.isEmpty)
        var interner = OccurrenceInterner()
        let ids = stacks.map { interner.id(of: $0) }
        // A fresh array of the same frames (what a second input's parser, or a full interner, hands over).
        for _ in 0..<(2 * OccurrenceInterner.copiesPerStack) {
            #expect(stacks.map { interner.id(of: $0.map { $0 }) } == ids)
        }
        #expect(Set(ids).count == Set(stacks).count)
        #expect(interner.id(of: []) == -1)
    }
}
