// swift-tools-version:6.1
import PackageDescription

// The Hummingbird 2 baseline of `make bench`: Dateline's read endpoints written the way Hummingbird's users
// write them (Router, Codable models, Application). A separate package so it never enters `make test`.
let package = Package(
    name: "hummingbird-baseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "HummingbirdBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
