/// Paths as RFC 3986 URI references, for SARIF's `artifactLocation.uri`.
public enum URIReference {
    /// A relative path, or `file://` + an absolute one, with every byte outside the unreserved
    /// set and `/` percent-encoded — so `%`, spaces, `,`, `:`, `#`, `?` and non-ASCII survive,
    /// and a relative path can never be read as a scheme.
    public static func from(path: String) -> String {
        path.hasPrefix("/") ? "file://" + percentEncoded(path) : percentEncoded(path)
    }

    /// The `file://` URI of an absolute directory, ending with `/` as SARIF's base URIs must.
    public static func directory(_ absolute: String) -> String {
        let uri = from(path: absolute)
        return uri.hasSuffix("/") ? uri : uri + "/"
    }

    /// UTF-8 bytes outside `A–Z a–z 0–9 - . _ ~ /` as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
