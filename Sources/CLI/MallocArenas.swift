import Foundation

/// glibc gives each thread that allocates a malloc arena of its own. The parallel read's worker
/// threads build the report lines they classify, and some of that lives on in triage's findings
/// until the end; the memory freed around it stays with the workers' arenas, so the peak grew with
/// the log (108 MB on a 1 GiB look-alike log, 56 MB with one arena, as one thread peaks). One arena
/// for the process keeps the peak the one-thread peak; the threads allocate little (the lines that
/// cannot matter to a report allocate nothing), so they seldom wait for each other on it.
enum MallocArenas {
    /// Limits the process to one arena (`mallopt(M_ARENA_MAX, 1)`), before any thread allocates.
    /// Does nothing where glibc's `mallopt` is not found.
    static func limitToOne() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        // M_ARENA_MAX in glibc's malloc.h.
        let arenaMax: Int32 = -8
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMax, 1)
    }
}
