import LeakModel
@testable import LeakTriage
import Testing
@testable import LeakTestSupport

/// Fingerprints identify a leak across runs, checkouts and builds, and nothing else.
@Suite struct FingerprintTests {
    private func fingerprints(_ text: String) throws -> [String: Int] {
        let report = try Fixtures.analyse([Array(text.utf8)])
        return Dictionary(report.findings.map { ($0.fingerprint, $0.count) }, uniquingKeysWith: +)
    }

    @Test func twoRealRunsOfTheSameCodeShareEveryFingerprint() throws {
        // Two separate real runs: addresses, pointers, gc ids and smart-pointer ids all differ.
        let release = try fingerprints(try LogEditing.corpusText("combined_all.log"))
        let other = try fingerprints(try LogEditing.corpusText("rwdi_combined_all.stdout"))
        #expect(release == other)
        #expect(release.count > 10)
    }

    @Test func anotherCheckoutDirectoryKeepsTheFingerprints() throws {
        let text = try LogEditing.corpusText("combined_all.log")
        let moved = text
            .replacingOccurrences(of: "programs/combined_all.das", with: "/home/runner/work/other-checkout/corpus/programs/combined_all.das")
            .replacingOccurrences(of: "/home/ci/daslang/daslib/", with: "/opt/daslang-0.6.5/daslib/")
        #expect(try fingerprints(moved) == fingerprints(text))
    }

    @Test func manglingHashesDoNotCount() throws {
        let text = try LogEditing.corpusText("profiler_multi_context.log")
        let rebuilt = text.replacingOccurrences(of: "builtin`push`3472358209330120892", with: "builtin`push`1111111111111111111")
        #expect(rebuilt != text)
        #expect(try fingerprints(rebuilt) == fingerprints(text))
    }

    @Test func differentLeaksGetDifferentFingerprints() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("gc_compile_leak.log")])
        // 4 Expressions at :36, 12 TypeDecls at :41, 12 at :47: three leaks, not one.
        #expect(report.findings.map(\.count).sorted() == [4, 12, 12])
        #expect(Set(report.findings.map(\.fingerprint)).count == 3)
    }

    @Test func keysNeverHoldAddressesIdsOrCounts() throws {
        let report = try Fixtures.analyse([try Fixtures.corpus("combined_all.log")])
        for finding in report.findings {
            #expect(finding.fingerprintKey.hasPrefix("v2|"))
            #expect(!finding.fingerprintKey.contains("0x"), "\(finding.fingerprintKey)")
            for id in finding.identities { #expect(!finding.fingerprintKey.contains("id=\(id)")) }
        }
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hexDigest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(String(repeating: "a", count: 1000)).count == 64)
    }

    @Test func pathsKeyFromDaslibTheInstallRootOrTheScriptsFolder() {
        let anchored = PathNormalizer(checkoutRoots: [], installRoots: ["/home/ci/daslang"], anchor: "/builds/a/proj/src/game")
        #expect(anchored.key("/home/ci/daslang/daslib/builtin.das") == "daslib/builtin.das")
        #expect(anchored.key("D:\\daslang\\daslib\\builtin.das") == "daslib/builtin.das")
        #expect(anchored.key("/home/ci/daslang/dastest/suite.das") == "dastest/suite.das")
        #expect(anchored.key("/home/ci/daslang/modules/dasHV/hv.das") == "modules/dasHV/hv.das")
        #expect(anchored.key("/builds/a/proj/src/game/app.das") == "app.das")
        #expect(anchored.key("/builds/a/proj/src/lib/util.das") == "../lib/util.das")
        // A relative path beside an absolute anchor: the anchor's tail it starts with is dropped.
        #expect(anchored.key("src/game/app.das") == "app.das")
        let relative = PathNormalizer(checkoutRoots: [], installRoots: [], anchor: "proj/src/game")
        #expect(relative.key("proj/src/game/./app.das") == "app.das")
        #expect(relative.key("proj/src/lib/util.das") == "../lib/util.das")
        #expect(relative.key("/builds/b/proj/src/game/app.das") == "app.das")
        let windows = PathNormalizer(checkoutRoots: [], installRoots: [], anchor: "D:\\ci\\a")
        #expect(windows.key("d:/ci/a/tools/a/util.das") == "tools/a/util.das")
        #expect(windows.key("D:\\ci\\a\\game\\a\\util.das") == "game/a/util.das")
        let rooted = PathNormalizer(checkoutRoots: ["/home/runner/work/app/app"], installRoots: [], anchor: nil)
        #expect(rooted.key("/home/runner/work/app/app/src/x.das") == "src/x.das")
        #expect(PathNormalizer.standalone.key("programs/x.das") == "programs/x.das")
        #expect(PathNormalizer.standalone.key("/a/b/programs/x.das") == "programs/x.das")
        #expect(Fingerprinter.normalizedFunction("builtin`push`4379756157886752001") == "builtin`push")
        #expect(Fingerprinter.normalizedFunction("_lambda_thismodule_46_2`function", keepLines: false) == "_lambda_thismodule`function")
    }

    @Test func oddPathsKeyWithoutTrouble() {
        let anchored = PathNormalizer(checkoutRoots: ["/"], installRoots: [""], anchor: "..")
        for path in ["", "/", "..", "../..", "c:", "C:\\", "\\\\server\\share\\x.das", "daslib", "/daslib/", "a//b/./../c.das", "<builtin>"] {
            #expect(anchored.key(path) == anchored.key(path))
            #expect(PathNormalizer.standalone.key(path) == PathNormalizer.standalone.key(path))
        }
        #expect(PathNormalizer.standalone.key("a//b/./../c.das") == "a/c.das")
        #expect(PathNormalizer.commonDirectory(of: ["/a/b", "c/d"]) == nil)
        #expect(PathNormalizer.commonDirectory(of: ["/a/b/c", "/a/b/d"]) == "/a/b")
    }

    @Test func repeatedFrameCyclesCollapseAndCountTheirDepth() {
        let mutual = StackCycles.collapse(["odd", "even", "odd", "even", "odd", "main"])
        #expect(mutual.frames == ["odd", "even", "main"])
        #expect(mutual.depth == 3)
        #expect(StackCycles.collapse(["a", "b", "c"]).depth == nil)
        #expect(StackCycles.collapse(["leaf", "f", "f", "f", "f", "main"]) == (["leaf", "f", "main"], 4))
    }

    @Test func oneRecursiveAllocationSiteIsOneFindingWithItsDepthRange() throws {
        // 24,000 leaves, each at the bottom of a 20…39-deep descend_even/descend_odd recursion.
        let report = try Fixtures.analyse([try Fixtures.corpus("big_profiler.log.gz")])
        #expect(report.findings.count == 3)
        let recursive = report.findings.filter { $0.recursionDepth != nil }
        #expect(recursive.map(\.count) == [12000, 12000])
        // Depth d leaves d + 1 descend frames: the two-frame cycle repeats ⌈(d + 1) / 2⌉ = 11…20 times.
        #expect(recursive.allSatisfy { $0.recursionDepth == 11...20 })
        #expect(recursive.allSatisfy { $0.title.hasSuffix("(recursion depth 11–20)") })
        #expect(Set(report.findings.map(\.title)).count == 3)
    }

    @Test(arguments: Fixtures.corpusNames)
    func noTwoFindingsReadAlike(name: String) throws {
        let report = try Fixtures.analyse([try Fixtures.corpus(name)])
        #expect(Set(report.findings.map(\.title)).count == report.findings.count, "\(report.findings.map(\.title))")
    }

    @Test func libraryPatternsMatchAnywhereInThePath() {
        #expect(Glob("vendor/*.das").matches("/src/vendor/json/x.das"))
        #expect(Glob("third_party").matches("a/third_party/b.das"))
        #expect(!Glob("vendor/*.das").matches("/src/game/x.das"))
    }
}
