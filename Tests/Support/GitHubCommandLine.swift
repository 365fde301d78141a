/// A workflow command line read back the way the GitHub Actions runner reads it, so that tests
/// can check what the runner would see.
struct GitHubCommandLine: Equatable {
    var name: String
    var properties: [String: String]
    var message: String

    /// Parses `::name key=value,…::message`; nil when the line is no command.
    init?(_ line: Substring) {
        guard line.hasPrefix("::") else { return nil }
        let rest = line.dropFirst(2)
        guard let end = rest.range(of: "::") else { return nil }
        let head = rest[..<end.lowerBound]
        message = Self.unescape(rest[end.upperBound...], property: false)
        let space = head.firstIndex(of: " ")
        name = String(head[..<(space ?? head.endIndex)])
        properties = [:]
        if let space {
            for pair in head[head.index(after: space)...].split(separator: ",") {
                guard let equals = pair.firstIndex(of: "=") else { return nil }
                properties[String(pair[..<equals])] = Self.unescape(pair[pair.index(after: equals)...], property: true)
            }
        }
    }

    /// The runner's unescaping: `%25` `%0D` `%0A`, and in properties `%3A` `%2C`, read left to right.
    static func unescape(_ text: Substring, property: Bool) -> String {
        var codes = ["%25": "%", "%0D": "\r", "%0A": "\n"]
        if property { codes["%3A"] = ":"; codes["%2C"] = "," }
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            if let end = text.index(index, offsetBy: 3, limitedBy: text.endIndex), let decoded = codes[String(text[index..<end])] {
                output += decoded
                index = end
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return output
    }
}
