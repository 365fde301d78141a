/// A compressed file given as a log. Read as text it holds no report line, so it would pass
/// as a clean run (even under `--strict`); it is refused by its format's magic bytes instead.
enum CompressedInput {
    /// Bytes enough to tell every format below.
    static let prefixLength = 6

    private static let formats: [(name: String, tool: String, magic: [UInt8])] = [
        ("gzip", "gzip", [0x1F, 0x8B]),
        ("zstd", "zstd", [0x28, 0xB5, 0x2F, 0xFD]),
        ("xz", "xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("bzip2", "bzip2", [0x42, 0x5A, 0x68]),
    ]

    /// The reason to refuse an input that starts with `prefix`, or nil when it is not compressed.
    /// bzip2's `BZh` is taken only with its block-size digit and block magic's first byte, so a
    /// text log starting with "BZh" is read.
    static func reason(path: String, prefix: UnsafeRawBufferPointer) -> String? {
        guard let format = formats.first(where: { format in
            prefix.count >= format.magic.count && prefix.prefix(format.magic.count).elementsEqual(format.magic)
                && (format.name != "bzip2" || (prefix.count >= 5 && (0x31...0x39).contains(prefix[3]) && prefix[4] == 0x31))
        }) else { return nil }
        let shown = path == "-" ? "<file>" : path
        return "\(format.name)-compressed (decompress it first: \(format.tool) -dc \(shown) | leaktriage -)"
    }
}
