import Foundation

/// How many cores this process may run on at once: the CPUs its affinity mask allows
/// (`taskset`, a container's cpuset), fewer when a cgroup CPU quota (`docker --cpus`, a CI
/// runner's limit) allows less. It decides whether a large file is read by more than one
/// thread: it says what the machine gives the process, and does not change with what else ran
/// in the last minute (a load average would).
enum UsableCores {
    static var count: Int {
        var cores = affinityCount ?? ProcessInfo.processInfo.activeProcessorCount
        if let quota = quotaCores { cores = min(cores, quota) }
        return max(cores, 1)
    }

    /// The CPUs of the affinity mask (`Cpus_allowed` of `/proc/self/status`, hex words joined by
    /// commas); nil when it cannot be read.
    private static var affinityCount: Int? {
        guard let status = read("/proc/self/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        let mask = line.dropFirst("Cpus_allowed:".count).filter { $0 != "," && $0 != " " && $0 != "\t" }
        var count = 0
        for digit in mask {
            guard let value = digit.hexDigitValue else { return nil }
            count += value.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// The cgroup CPU quota in whole cores, rounded up (v2 `cpu.max`, else v1 `cpu.cfs_quota_us`
    /// and `cpu.cfs_period_us`); nil when there is none.
    private static var quotaCores: Int? {
        if let fields = read("/sys/fs/cgroup/cpu.max")?.split(separator: " "), fields.count == 2 {
            return cores(quota: Int(fields[0]), period: Int(fields[1]))
        }
        return cores(quota: read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").flatMap { Int($0) },
                     period: read("/sys/fs/cgroup/cpu/cpu.cfs_period_us").flatMap { Int($0) })
    }

    private static func cores(quota: Int?, period: Int?) -> Int? {
        guard let quota, let period, quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    private static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
