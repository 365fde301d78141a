import PCRE2Regex

/// The PCRE2 patterns of every report line, compiled and JIT-compiled once per process.
/// All are anchored at the start of the line's content and at its end.
final class ReportPatterns: Sendable {
    /// The shared, compiled set.
    static let shared: ReportPatterns? = try? ReportPatterns()

    let profilerHeader: Regex
    let profilerLeak: Regex
    let profilerFrame: Regex
    let decksHeader: Regex
    let stringDecksHeader: Regex
    let deckRange: Regex
    let deckCounts: Regex
    let decksReserves: Regex
    let bigStuffRow: Regex
    let bytesPerLocation: Regex
    let linearChunk: Regex
    let stringBigStuffRow: Regex
    let stringBigStuffTotal: Regex
    let gcLeakHeader: Regex
    let gcRoot: Regex
    let gcNode: Regex
    let gcBreak: Regex
    let smartPointerFatal: Regex
    let smartPointer: Regex
    let smartPointerTotal: Regex
    let smartPointerTracking: Regex
    let jobStatus: Regex
    let jobStatusTotal: Regex
    let feature: Regex
    let featureTotal: Regex
    let jobTracking: Regex
    let jobTrace: Regex
    let atexitFatal: Regex
    let handle: Regex
    let handleTotal: Regex
    let cppSummary: Regex
    let cppSite: Regex
    let cppSamplePointer: Regex
    let cppFrame: Regex
    let cppReportEnd: Regex

    private init() throws(RegexError) {
        let hex = "([0-9a-fA-F]+)"
        let number = "(-?[0-9]+)"
        let grouped = "([0-9][0-9,]*)"
        profilerHeader = try Regex(#"=== Memory leaks in context '(.*)' \(([0-9]+) allocations, 0x"# + hex + #" bytes\) ===$"#)
        profilerLeak = try Regex(#"\[leak\] size=0x"# + hex + " bytes$")
        profilerFrame = try Regex(#"  at (\S+)(?: (.*))?$"#)
        decksHeader = try Regex("decks of size ([0-9]+)$")
        stringDecksHeader = try Regex("string decks of size ([0-9]+)$")
        deckRange = try Regex(#"\t\["# + hex + #"\.\."# + hex + #"\)$"#)
        deckCounts = try Regex(#"\t([0-9]+) of ([0-9]+), ([0-9]+) of ([0-9]+) bytes$"#)
        decksReserves = try Regex("decks reserves ([0-9]+) kb in ([0-9]+) chunks$")
        bigStuffRow = try Regex(#"\t([0-9]+)\t0x"# + hex + #"\t([0-9]+)(?:\t([^\t]*)(?:\t(.*))?)?$"#)
        bytesPerLocation = try Regex(#"([0-9]+)\t(.+)$"#)
        linearChunk = try Regex(hex + #"\t([0-9]+) of ([0-9]+)$"#)
        stringBigStuffRow = try Regex(#"\t(.*) size ([0-9]+) bytes, at 0x([0-9]+)$"#)
        stringBigStuffTotal = try Regex(" big stuff total size:([0-9]+) kb$")
        gcLeakHeader = try Regex(#"GC (COMPILE|APP) LEAK: ([0-9]+) gc_node\(s\) after (compile|execution)$"#)
        gcRoot = try Regex("gc_root 0x" + hex + ": count=([0-9]+)$")
        gcNode = try Regex("  node 0x" + hex + #": id=([0-9]+) type=(\S+) magic=0x"# + hex + " (.*)$")
        gcBreak = try Regex("gc_node break: id=([0-9]+)$")
        smartPointerFatal = try Regex(
            #"FATAL: exiting with code 1 -- ([0-9]+) smart pointer\(s\) still alive at shutdown( \(re-run without -no-dump-leaks for the per-pointer dump\))?$"#)
        smartPointer = try Regex("0x" + hex + #" \(rc="# + number + ", id=" + hex + #"\)(?: (.*))?$"#)
        smartPointerTotal = try Regex("total ([0-9]+) tracked pointers$")
        smartPointerTracking = try Regex("tracking " + hex + " aka ([0-9]+)$")
        jobStatus = try Regex("  JobStatus #" + hex + #" \(rc="# + number + #"\) (\S+)(?:( created at )(.*))?$"#)
        jobStatusTotal = try Regex("total ([0-9]+) leaked JobStatus objects$")
        feature = try Regex("  Feature #" + hex + "(?: owner=#" + hex + ")?(?:( created at )(.*))?$")
        featureTotal = try Regex("total ([0-9]+) leaked Feature objects$")
        jobTracking = try Regex("tracking JobStatus #([0-9]+)$")
        jobTrace = try Regex("JobStatus #" + hex + #" \((\S+)\) (addRef|releaseRef) \(rc="# + number + #"\) at (.*)$"#)
        atexitFatal = try Regex(#"\[daslang atexit\] FATAL: g_envTotal="# + number + #" at exit \(Initialize/Shutdown not balanced\)$"#)
        handle = try Regex("  Handle(?:<([^>]*)>)? idx=([0-9]+) gen=([0-9]+) " + #"\(rc="# + number + #"\)$"#)
        handleTotal = try Regex("total ([0-9]+) leaked handles of type (.+)$")
        cppSummary = try Regex(
            #"(Total live allocations|Total bytes|Distinct leak sites|Largest single alloc|Orphan frees \(pre-arm or cross-module\)): +"#
                + grouped + "( bytes)?$")
        cppSite = try Regex(
            "--- Leak site #" + grouped + ": " + grouped + " allocs, " + grouped + #" bytes \(min "# + grouped + ", max " + grouped
                + ", mean " + grouped + #"\) ---$"#)
        cppSamplePointer = try Regex("  sample ptr: 0x" + hex + "$")
        cppFrame = try Regex("    0x" + hex + #"  (.*?)(?:   \((.*)\))?$"#)
        cppReportEnd = try Regex(#"=== End report \("# + grouped + " leaks, " + grouped + #" sites, symbolized in ([0-9.]+)s\) ===$"#)
    }
}
