import Articles
import Foundation
import Testing

/// gzip through the system's own gzip(1), so what the server sends or accepts is checked by a decoder
/// that is not the server's.
enum SystemGzip {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        try run(["-c", "-n"], bytes)
    }

    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        try run(["-d", "-c"], bytes)
    }

    /// Runs gzip with `arguments` on a temporary file holding `input` (no pipe to fill up) and returns its
    /// standard output; throws when gzip fails.
    private static func run(_ arguments: [String], _ input: [UInt8]) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-gzip-\(UUID().uuidString)")
        try Data(input).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = arguments + [file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GzipFailed(status: process.terminationStatus) }
        return Array(data)
    }

    struct GzipFailed: Error {
        var status: Int32
    }
}

enum LongStory {
    /// A published article whose JSON is several KiB: long enough to be compressed.
    static let article = Article(
        id: "long1", slug: "long-read-on-the-drought", title: "A long read on the drought",
        summary: "Many paragraphs.",
        body: (1...40).map { "Paragraph \($0): the drought across the Horn of Africa deepens as rains fail again." }
            .joined(separator: "\n\n"),
        category: "africa", tags: ["drought", "ethiopia"], status: .published,
        publishedAt: Timestamp(secondsSince1970: 1_756_800_000), createdAt: Timestamp(secondsSince1970: 1_756_790_000),
        updatedAt: Timestamp(secondsSince1970: 1_756_810_000)
    )

    /// The fixtures and the long article.
    static func articles() throws -> [Article] {
        try Fixtures.articles() + [article]
    }
}
