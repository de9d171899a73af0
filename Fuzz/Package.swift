// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Dateline's parsers and its HTTP/2 path, in a package of their own (depending on the
// root by path) so that the normal `swift build` never builds them: they link only with `-sanitize=fuzzer`.
// One executable, `dateline-fuzz <target> [libFuzzer options] [corpus…]`; scripts/fuzz.sh builds and runs it
// (`make fuzz`). `@testable import` reaches the parsers' internal API, which debug builds allow.
let package = Package(
    name: "dateline-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "dateline", path: ".."),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // LLVMFuzzerRunDriver's declaration.
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "dateline-fuzz",
            dependencies: [
                "CFuzzer",
                .product(name: "Articles", package: "dateline"),
                .product(name: "HTTPServer", package: "dateline"),
                .product(name: "DatelineAPI", package: "dateline"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/DatelineFuzz",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("InternalImportsByDefault")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
