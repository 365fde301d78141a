// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode with complete concurrency checking.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "leaktriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "leaktriage", targets: ["leaktriage"]),
        .library(name: "LeakTriageKit", targets: ["LeakModel", "LeakParsers", "LeakTriage", "LeakReporters", "LeakEmitters"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2Regex", dependencies: ["CPCRE2"], path: "Sources/PCRE2Regex", swiftSettings: swiftSettings),
        .target(name: "LeakModel", path: "Sources/Model", swiftSettings: swiftSettings),
        .target(name: "LeakParsers", dependencies: ["LeakModel", "PCRE2Regex"], path: "Sources/Parsers", swiftSettings: swiftSettings),
        .target(name: "LeakTriage", dependencies: ["LeakModel"], path: "Sources/Triage", swiftSettings: swiftSettings),
        .target(name: "LeakEmitters", dependencies: ["LeakModel"], path: "Sources/Emitters", swiftSettings: swiftSettings),
        .target(name: "LeakReporters", dependencies: ["LeakModel"], path: "Sources/Reporters", swiftSettings: swiftSettings),
        .executableTarget(
            name: "leaktriage",
            dependencies: [
                "LeakModel", "LeakParsers", "LeakTriage", "LeakReporters", "LeakEmitters",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/CLI",
            swiftSettings: swiftSettings
        ),
        // Tests by level: the support every level shares, then parser units, triage, emitters,
        // reporters, golden files, and the command line end to end.
        .target(
            name: "LeakTestSupport",
            dependencies: ["LeakModel", "LeakParsers", "LeakTriage", "LeakReporters", "LeakEmitters"],
            path: "Tests/Support",
            swiftSettings: swiftSettings
        ),
        testTarget("ParserTests", ["LeakModel", "LeakParsers", "LeakEmitters", "PCRE2Regex"]),
        testTarget("TriageTests", ["LeakModel", "LeakTriage", "LeakReporters"]),
        testTarget("EmitterTests", ["LeakModel", "LeakParsers", "LeakEmitters", .product(name: "PropertyBased", package: "swift-property-based")]),
        testTarget("ReporterTests", ["LeakModel", "LeakTriage", "LeakReporters", .product(name: "PropertyBased", package: "swift-property-based")]),
        testTarget("GoldenTests", ["LeakModel", "LeakTriage", "LeakReporters"]),
        testTarget("CommandLineTests", ["LeakModel", "LeakParsers", "LeakTriage", "LeakReporters"]),
    ]
)

/// A test target in `Tests/<name>`: the given modules, the shared test support, and the built
/// `leaktriage` binary, which the end-to-end checks of every level run.
func testTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .testTarget(
        name: name,
        dependencies: ["leaktriage", "LeakTestSupport"] + dependencies,
        path: "Tests/\(name)",
        swiftSettings: swiftSettings
    )
}
