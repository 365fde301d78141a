import Foundation
import LeakModel
@testable import LeakTriage
import Testing
@testable import LeakTestSupport

/// The same leak gets the same fingerprint wherever the checkout lies (issue 9): real logs moved
/// to other roots by rewriting their paths, and diffs across roots classified like one root.
@Suite struct CheckoutRootTests {
    /// Where the corpus scripts (`programs/…`) and daslang's install (`/home/ci/daslang/…`) are
    /// moved: the script at the checkout root, nested, relative, CI workspaces, Windows.
    static let layouts: [(name: String, roots: [(from: String, to: String)])] = [
        ("script at the root of /builds/a", [("programs/", "/builds/a/"), ("/home/ci/daslang/", "/opt/daslang/")]),
        ("script at the root of /builds/b", [("programs/", "/builds/b/"), ("/home/ci/daslang/", "/usr/local/daslang-0.6.5/")]),
        ("nested, relative", [("programs/", "proj/src/game/")]),
        ("nested, absolute", [("programs/", "/srv/agent/7/proj/src/game/")]),
        ("GitHub workspace", [("programs/", "/home/runner/work/app/app/programs/"), ("/home/ci/daslang/", "/home/runner/daslang/")]),
        ("GitLab project dir", [("programs/", "/builds/group/project/programs/")]),
        ("Azure, Windows backslashes", [("programs/", "D:\\a\\1\\s\\programs\\"), ("/home/ci/daslang/", "C:\\daslang\\")]),
        ("Windows forward slashes", [("programs/", "D:/ci/a/"), ("/home/ci/daslang/", "C:/daslang/")]),
    ]

    static let logs = ["combined_all.log", "profiler_basic.log", "profiler_multi_context.log", "multi_script_profiler.log",
                       "gc_app_leak.log", "gc_compile_leak.log", "jobque_feature_in_channel.log", "heap_report_persistent.log"]

    private func fingerprints(_ text: String, settings: TriageSettings = TriageSettings()) throws -> [String: Int] {
        let report = try Fixtures.analyse([Array(text.utf8)], settings: settings)
        return Dictionary(report.findings.map { ($0.fingerprint, $0.count) }, uniquingKeysWith: +)
    }

    @Test(arguments: logs)
    func everyLayoutKeepsEveryFingerprint(log: String) throws {
        let text = try LogEditing.corpusText(log)
        let original = try fingerprints(text)
        #expect(!original.isEmpty)
        for layout in Self.layouts {
            let moved = LogEditing.movingPaths(text, roots: layout.roots)
            #expect(moved != text || !text.contains("programs/"), "\(layout.name)")
            #expect(try fingerprints(moved) == original, "\(log): \(layout.name)")
        }
    }

    @Test func aTestSuiteRunFromAnotherCheckoutKeepsItsFingerprints() throws {
        let text = String(decoding: try Fixtures.suite("dt_hash_map_prof.log"), as: UTF8.self)
        let original = try fingerprints(text)
        for roots in [[("tests/", "/builds/x/tests/"), ("dastest/", "/opt/daslang/dastest/"), ("/home/ci/daslang/", "/opt/daslang/")],
                      [("tests/", "D:\\w\\tests\\"), ("dastest/", "C:\\daslang\\dastest\\"), ("/home/ci/daslang/", "C:\\daslang\\")]] {
            #expect(try fingerprints(LogEditing.movingPaths(text, roots: roots)) == original)
        }
    }

    @Test func filesWithTheSameLastComponentsStayApart() throws {
        // One run of the same program from two folders of one checkout whose last components agree.
        let text = try LogEditing.corpusText("profiler_basic.log")
        let tools = LogEditing.movingPaths(text, roots: [("programs/profiler_basic.das", "tools/a/util.das")])
        let game = LogEditing.movingPaths(text, roots: [("programs/profiler_basic.das", "game/a/util.das")])
        let single = try Fixtures.analyse([Array(text.utf8)])
        let both = try Fixtures.analyse([Array(tools.utf8), Array(game.utf8)])
        #expect(both.findings.count == 2 * single.findings.count)
        #expect(Set(both.findings.map(\.count)) == Set(single.findings.map(\.count)))
    }

    @Test func checkoutRootsComeFromRootAndTheCIWorkspaceVariables() throws {
        let settings = TriageSettings(root: "/srv/checkout", environment: ["GITHUB_WORKSPACE": "/home/runner/work/app/app", "HOME": "/root"],
                                      libraryPatterns: [])
        #expect(settings.checkoutRoots == ["/srv/checkout", "/home/runner/work/app/app"])
        // A gc report has no `main` frame; with the roots known, the absolute and relative runs agree.
        let text = try LogEditing.corpusText("gc_compile_leak.log")
        let absolute = LogEditing.movingPaths(text, roots: [("programs/", "/home/runner/work/app/app/programs/")])
        #expect(try fingerprints(absolute, settings: settings) == fingerprints(text, settings: settings))
    }

    /// The diff of two runs classified the same whether both come from one checkout or each from another.
    private func classification(_ diff: LeakDiff) -> [String] {
        ["new \(diff.new.count)", "fixed \(diff.fixed.count)", "persisting \(diff.persisting.count)",
         "moved \(diff.persisting.filter { $0.movedFrom != nil }.count)", "changed \(diff.persisting.filter { $0.countDelta != 0 }.count)",
         "notes \(diff.notes.count)"]
    }

    @Test func aDiffAcrossCheckoutsIsClassifiedLikeOneCheckout() throws {
        // combined_all after code was added above every leak (moved), one leak fixed.
        let base = try LogEditing.corpusText("combined_all.log")
        var head = LogEditing.shiftLines(base, of: "programs/combined_all.das", by: 3)
        head = LogEditing.removingLines(head) { $0.contains("Handle<WebSocketClient>") || $0.contains("leaked handles of type") }
        let sameRoot = DiffEngine.diff(base: try Fixtures.analyse([Array(base.utf8)]), head: try Fixtures.analyse([Array(head.utf8)]))
        #expect(sameRoot.persisting.contains { $0.movedFrom != nil })
        for (baseLayout, headLayout) in zip(Self.layouts, Self.layouts.reversed()) {
            let movedBase = LogEditing.movingPaths(base, roots: baseLayout.roots)
            let movedHead = LogEditing.movingPaths(head, roots: headLayout.roots)
            let diff = DiffEngine.diff(base: try Fixtures.analyse([Array(movedBase.utf8)]), head: try Fixtures.analyse([Array(movedHead.utf8)]))
            #expect(classification(diff) == classification(sameRoot), "\(baseLayout.name) → \(headLayout.name)")
        }
    }

    @Test func rerunsOfASuiteFromTwoCheckoutsDiffLikeFromOne() throws {
        let base = String(decoding: try Fixtures.suite("dt_decs_prof.log.gz"), as: UTF8.self)
        let head = String(decoding: try Fixtures.suite("dt_decs_prof_r4.log.gz"), as: UTF8.self)
        let sameRoot = DiffEngine.diff(base: try Fixtures.analyse([Array(base.utf8)]), head: try Fixtures.analyse([Array(head.utf8)]))
        let movedBase = LogEditing.movingPaths(base, roots: [("tests/", "/builds/a/tests/"), ("/home/ci/daslang/", "/opt/daslang/")])
        let movedHead = LogEditing.movingPaths(head, roots: [("tests/", "D:\\agent\\_work\\1\\s\\tests\\"), ("dastest/", "C:\\daslang\\dastest\\"),
                                                             ("/home/ci/daslang/", "C:\\daslang\\")])
        let diff = DiffEngine.diff(base: try Fixtures.analyse([Array(movedBase.utf8)]), head: try Fixtures.analyse([Array(movedHead.utf8)]))
        #expect(classification(diff) == classification(sameRoot))
    }
}
