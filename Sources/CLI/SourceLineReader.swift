import Foundation
import LeakModel
import LeakReporters

/// Reads the source lines that findings point at, for the text and HTML formats to show under
/// them. A log names paths of the machine that ran daslang, so a path is tried as printed and
/// then by its trailing components (longest first, down to the last two, the part a fingerprint
/// keeps) against `--root` and the current directory. Only regular files inside one of those two
/// directories are read: a log cannot make the report quote `/etc/passwd`. A file that cannot
/// be found or read shows no line, never an error.
enum SourceLineReader {
    /// A file is read up to this many bytes; lines beyond it are not shown.
    static let byteLimit = 16 << 20

    /// `options` with the source lines `findings` point at.
    static func options(_ options: RenderOptions, showing findings: [Finding]) -> RenderOptions {
        var options = options
        options.sourceLines = lines(for: findings, options: options)
        return options
    }

    /// The lines the locations of `findings` point at.
    static func lines(for findings: [Finding], options: RenderOptions) -> SourceLines {
        let directories = [options.root, options.workingDirectory].compactMap { $0 }.compactMap(realPath)
        var wanted: [String: Set<Int>] = [:]
        for location in findings.compactMap(\.location) {
            guard let line = location.line, line > 0 else { continue }
            wanted[location.file, default: []].insert(line)
        }
        var lines = SourceLines()
        for (file, numbers) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let path = locate(file, in: directories), let text = read(path, lines: numbers) else { continue }
            for (number, line) in text { lines.add(line, file: file, line: number) }
        }
        return lines
    }

    /// The first candidate for `file` that is a regular file inside one of `directories`.
    static func locate(_ file: String, in directories: [String]) -> String? {
        let path = file.replacingOccurrences(of: "\\", with: "/")
        let components = path.split(separator: "/").filter { $0 != "." }
        guard !components.isEmpty, !file.hasPrefix("<") else { return nil }
        var candidates: [String] = path.hasPrefix("/") ? [path] : directories.map { $0 + "/" + path }
        if components.count > 2 {
            for keep in stride(from: components.count - 1, through: 2, by: -1) {
                let suffix = components.suffix(keep).joined(separator: "/")
                candidates += directories.map { $0 + "/" + suffix }
            }
        }
        for candidate in candidates {
            guard let real = realPath(candidate), isRegularFile(real),
                  directories.contains(where: { real.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else { continue }
            return real
        }
        return nil
    }

    /// The wanted lines of the file at `path` (1-based), without their line ends; invalid UTF-8
    /// becomes U+FFFD.
    private static func read(_ path: String, lines wanted: Set<Int>) -> [Int: String]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: byteLimit) else { return nil }
        var found: [Int: String] = [:]
        let last = wanted.max() ?? 0
        var number = 1
        var start = data.startIndex
        while start < data.endIndex, number <= last {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            if wanted.contains(number) {
                var line = data[start..<end]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                found[number] = String(decoding: line, as: UTF8.self)
            }
            number += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return found
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
