import ArgumentParser
import Articles
import Foundation

/// `dateline import FILE`: adds a JSON array of articles to a durable store, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the articles of a JSON file (the export format) to the store, in one transaction.",
        discussion: """
            Every article is validated first; every bad one is reported (its position in the file and the field) \
            and then nothing is imported. Ids and slugs must be new to the store. A running server does not see \
            the import until it restarts.
            """
    )

    @Argument(help: "The JSON file ('-' for standard input): an array of articles, as `dateline export` and `dateline generate` write.")
    var file: String

    @OptionGroup var options: StoreOptions

    func run() throws {
        let location = try StoreLocation.resolve(flag: options.store, environment: ProcessInfo.processInfo.environment)
        let articles: [Article]
        do {
            articles = file == "-"
                ? try ArticleImport.decode(FileHandle.standardInput.readDataToEndOfFile())
                : try ArticleImport.load(contentsOf: file)
        } catch let error as ArticleImportError {
            CommandOutput.error("\(file): \(error.lines.count) problem\(error.lines.count == 1 ? "" : "s"); nothing was imported")
            for line in error.lines { CommandOutput.error(line) }
            throw ExitCode.failure
        }
        let store = try location.openDurable(readers: 1)
        do {
            let version = try store.importArticles(articles)
            CommandOutput.info("imported \(articles.count) articles into \(location) (store version \(version))")
        } catch ArticleStoreError.invalid(let problems) {
            CommandOutput.error("\(file): \(problems.problems.count) problems with the store; nothing was imported")
            for problem in problems.problems { CommandOutput.error("\(problem.name): \(problem.message)") }
            throw ExitCode.failure
        }
    }
}
