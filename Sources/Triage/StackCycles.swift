/// Repeated frame cycles in a stack (recursion): `a→b→a→b→a→main` is one `a→b` cycle repeated
/// three times (the last time partly), the way crash de-duplicators group recursive stacks.
enum StackCycles {
    /// The longest cycle tried: mutual recursion through more functions than this is rare.
    static let maximumCycleLength = 8

    /// `frames` with every run of a repeated cycle kept once, and how often the most repeated
    /// cycle repeats (nil when nothing repeats). Frames compare by their normalised text.
    static func collapse(_ frames: [String]) -> (frames: [String], depth: Int?) {
        var result: [String] = []
        var depth: Int?
        var index = 0
        while index < frames.count {
            var best: (length: Int, covered: Int)?
            for length in 1...min(maximumCycleLength, max(1, (frames.count - index) / 2)) {
                var covered = length
                while index + covered < frames.count, frames[index + covered] == frames[index + covered % length] { covered += 1 }
                if covered >= 2 * length, covered > (best?.covered ?? 0) { best = (length, covered) }
            }
            guard let best else {
                result.append(frames[index])
                index += 1
                continue
            }
            result.append(contentsOf: frames[index..<(index + best.length)])
            let repeats = (best.covered + best.length - 1) / best.length
            depth = max(depth ?? 0, repeats)
            index += best.covered
        }
        return (result, depth)
    }
}
