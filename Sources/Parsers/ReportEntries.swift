/// The entry lines an open report lists, for naming a corrupt one.
enum ReportEntries {
    /// `gc_root` and `  node` lines of a GC LEAK report.
    case gc
    /// `  JobStatus #` lines.
    case jobStatus
    /// `  Feature #` lines.
    case feature
    /// `  Handle` lines.
    case handles
    /// The pointer lines of the smart-pointer dump.
    case smartPointers
}
