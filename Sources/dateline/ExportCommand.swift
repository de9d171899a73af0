import ArgumentParser
import Articles
import Foundation

/// `dateline export`: every article of a durable store as one JSON array, the import format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every article of the store (any status, by id) as a JSON array that `dateline import` reads."
    )

    @Option(name: .shortAndLong, help: "File to write (default: standard output); replaced whole, never half-written.")
    var output: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let location = try StoreLocation.resolve(flag: options.store, environment: ProcessInfo.processInfo.environment)
        let store = try location.openDurable(readers: 1)
        let articles = try store.allArticles()
        let data = ArticleExport.encode(articles)
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            CommandOutput.info("exported \(articles.count) articles from \(location) to \(output)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
