import LeakReporters
import Testing
@testable import LeakTestSupport

/// The progress line's text: bytes read of the total with a percentage when the size is known,
/// the rate, sizes in binary units, and a width it never exceeds.
@Suite struct ProgressLineTests {
    @Test func aFileOfKnownSizeShowsBytesOfTotalAndTheRate() {
        let line = ProgressLine.text(name: "run.log", read: 412 << 20, total: 1 << 30, seconds: 0.5)
        #expect(line == "leaktriage: reading run.log: 412.0 MiB of 1.0 GiB (40%), 824.0 MiB/s")
    }

    @Test func standardInputHasNoTotal() {
        #expect(ProgressLine.text(name: "<stdin>", read: 3 << 10, total: nil, seconds: 2)
            == "leaktriage: reading <stdin>: 3.0 KiB, 1.5 KiB/s")
    }

    @Test func aFileThatGrewWhileReadStopsAtOneHundredPercent() {
        #expect(ProgressLine.text(name: "a", read: 300, total: 200, seconds: 0).hasSuffix("(100%)"))
    }

    @Test("sizes", arguments: [(0, "0 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1536, "1.5 KiB"),
                               (10 << 20, "10.0 MiB"), (3 << 40, "3.0 TiB"), (5000 << 40, "5000.0 TiB")])
    func sizesAreInBinaryUnits(bytes: Int, text: String) {
        #expect(ProgressLine.size(bytes) == text)
    }

    @Test func aLongNameIsShortenedFromTheFrontToFitTheWidth() {
        let name = "/very/long/path/to/the/ci/artifacts/of/shard/number/seven/run.log"
        let line = ProgressLine.text(name: name, read: 2048, total: 4096, seconds: 1, width: 80)
        #expect(line.count == 80)
        #expect(line.hasPrefix("leaktriage: reading …"))
        #expect(line.hasSuffix("…d/number/seven/run.log: 2.0 KiB of 4.0 KiB (50%), 2.0 KiB/s"))
    }

    @Test func controlCharactersInTheNameCannotMoveTheCursor() {
        let line = ProgressLine.text(name: "a\u{1B}[2Jb\rc.log", read: 1, total: nil, seconds: 0)
        #expect(!line.contains("\u{1B}") && !line.contains("\r"))
    }
}
