import ArgumentParser
import Articles
import Foundation

/// `dateline generate N`: a deterministic, realistic article set for benchmarks and large tests.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write COUNT generated articles as a JSON array (the import format).",
        discussion: "The same COUNT and --random-seed always give the same bytes. Serve them with `dateline serve --seed FILE`."
    )

    @Argument(help: "How many articles to write.")
    var count: Int

    @Option(help: "Seed of the generator.")
    var randomSeed: UInt64 = 20_250_906

    @Option(name: .shortAndLong, help: "File to write (default: standard output).")
    var output: String?

    func validate() throws {
        guard count >= 0, count <= 10_000_000 else {
            throw ArgumentParser.ValidationError("COUNT must be from 0 to 10000000, not \(count).")
        }
    }

    func run() throws {
        let data = ArticleExport.encode(ArticleGenerator(seed: randomSeed).generate(count: count))
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
