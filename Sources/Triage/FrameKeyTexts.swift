import LeakModel

/// The key texts of a run's distinct stack frames (recipe `v2` with and without lines, and `v1`),
/// worked out once: a run's drafts share their frames, often by the thousand, and normalising a
/// frame is string work. A frame it does not know is worked out when asked.
struct FrameKeyTexts {
    private var texts: [StackFrame: (lines: String, moved: String, legacy: String)] = [:]

    /// Knows no frame: every text is worked out when asked.
    init() {}

    /// Knows `frames`, keyed by `paths`.
    init(frames: some Sequence<StackFrame>, paths: PathNormalizer) {
        for frame in frames where texts[frame] == nil {
            texts[frame] = (Fingerprinter.frame(frame, keepLines: true, paths: paths),
                            Fingerprinter.frame(frame, keepLines: false, paths: paths), Fingerprinter.legacyFrame(frame))
        }
    }

    /// ``Fingerprinter/frame(_:keepLines:paths:)`` of `frame`.
    func text(of frame: StackFrame, keepLines: Bool, paths: PathNormalizer) -> String {
        guard let known = texts[frame] else { return Fingerprinter.frame(frame, keepLines: keepLines, paths: paths) }
        return keepLines ? known.lines : known.moved
    }

    /// ``Fingerprinter/legacyFrame(_:)`` of `frame`.
    func legacyText(of frame: StackFrame) -> String {
        texts[frame]?.legacy ?? Fingerprinter.legacyFrame(frame)
    }
}
