// swift-tools-version:6.1
import PackageDescription

// Dateline: an HTTP JSON API server for news articles.
// Layers (arrows point down only): dateline → DatelineAPI → (HTTPServer, Articles) → Locking.
let package = Package(
    name: "dateline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dateline", targets: ["dateline"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "Articles", targets: ["Articles"]),
        .library(name: "DatelineAPI", targets: ["DatelineAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // /metrics: the swift-metrics API, exposed in Prometheus text format.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Locking: LockedValue, the one lock type (a pthread mutex ThreadSanitizer sees, unlike Synchronization's
        // Mutex). Below both Articles and HTTPServer.
        .target(name: "Locking"),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        // Articles: the model, validation, queries, the storage protocol and the in-memory store. No HTTP.
        .target(name: "Articles", dependencies: ["Locking"]),
        // ArticlesSQL: what the database stores share: the schema, article rows, list queries as SQL, the writes.
        .target(name: "ArticlesSQL", dependencies: ["Articles"]),
        // libsqlite3 (WAL, FTS5).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // SQLiteStore: the durable one-node store, a file in WAL mode.
        .target(name: "SQLiteStore", dependencies: ["Articles", "ArticlesSQL", "CSQLite", "Locking"]),
        // epoll and eventfd, which Swift's Glibc module leaves out.
        .systemLibrary(name: "CEpoll"),
        // libnghttp2, for HTTP/2 (h2c).
        .systemLibrary(name: "CNGHTTP2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
        // zlib: gzip responses and gzip request bodies.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // HTTPServer: sockets, event loops, HTTP/1.1 parsing and writing, HTTP/2 through libnghttp2, limits, drain.
        // Knows nothing of articles.
        .target(name: "HTTPServer", dependencies: ["CEpoll", "CNGHTTP2", "Locking", .product(name: "Logging", package: "swift-log")]),
        // DatelineAPI: routes and handlers; the only place where HTTP and articles meet.
        .target(
            name: "DatelineAPI",
            dependencies: [
                "Articles", "HTTPServer", "CZlib", "Locking", .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"), .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The OpenAPI document, compiled into the binary as bytes: no resource folder to lose at run time.
            resources: [.embedInCode("OpenAPI/openapi.json")]
        ),
        .executableTarget(
            name: "dateline",
            dependencies: [
                "DatelineAPI", "Articles", "HTTPServer", "SQLiteStore", "PostgresStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // libpq, the PostgreSQL client library (Debian: libpq-dev).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // PostgresStore: ArticleStore over PostgreSQL, shared by many instances (pool, migrations, LISTEN/NOTIFY).
        .target(name: "PostgresStore", dependencies: ["Articles", "ArticlesSQL", "CLibPQ", "Locking"]),
        // Test support shared by the test targets: a raw-socket HTTP client and server helpers.
        .target(name: "DatelineTesting", dependencies: ["HTTPServer", "CNGHTTP2", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "DatelineTesting", "Locking"]),
        // Test support over articles: deterministic randomness, random queries, article sets that compare stores.
        .target(name: "ArticlesTesting", dependencies: ["Articles"]),
        .testTarget(name: "ArticlesTests", dependencies: ["Articles", "ArticlesTesting", "Locking"]),
        .testTarget(name: "DatelineAPITests", dependencies: ["DatelineAPI", "Articles", "HTTPServer", "DatelineTesting", "Locking"]),
        .testTarget(name: "DatelineCLITests", dependencies: ["DatelineTesting", "PostgresStore", "Locking"]),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["PostgresStore", "Articles", "DatelineAPI", "HTTPServer", "DatelineTesting", "Locking"]
        ),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "ArticlesSQL", "Articles", "ArticlesTesting", "CSQLite"]),
        // One suite run against every store (memory, SQLite; PostgreSQL joins): identical answers.
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: [
                "Articles", "ArticlesTesting", "SQLiteStore", "PostgresStore", "DatelineAPI", "DatelineTesting", "HTTPServer",
                "Locking", .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
