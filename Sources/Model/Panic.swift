/// An event that ends or derails a run, after which leak dumps are consequences rather than causes.
public struct Panic: Sendable, Equatable, Codable {
    /// What kind of event it was.
    public enum Kind: String, Sendable, Codable {
        /// `EXCEPTION:` in the main context.
        case exception
        /// `JOB EXCEPTION:` in a job; the worker exits and the exit-time dumps never run.
        case jobException = "job_exception"
        /// `CRASH:` from the crash handler.
        case crash
        /// `[daslang atexit] FATAL:` from the environment audit.
        case atexitFatal = "atexit_fatal"
        /// `gc_node break: id=` from `DAS_GC_BREAK_ON_ID`; the process stops with SIGTRAP.
        case gcBreak = "gc_break"
    }

    /// What kind of event it was.
    public var kind: Kind
    /// The message as printed.
    public var message: String
    /// Where it happened, when the log says (the line after `EXCEPTION:`).
    public var location: SourceLocation?
    /// The log line that printed it.
    public var position: LogPosition
    /// Its fingerprint, which a consequence's `consequenceOf` names; empty until triage
    /// fingerprints it (`PanicFingerprint`), as every report triage builds has.
    public var fingerprint: String

    /// Creates a panic.
    public init(kind: Kind, message: String, location: SourceLocation?, position: LogPosition, fingerprint: String = "") {
        self.kind = kind
        self.message = message
        self.location = location
        self.position = position
        self.fingerprint = fingerprint
    }
}
