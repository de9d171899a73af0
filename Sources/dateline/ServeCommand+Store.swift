import Articles
import Logging

extension ServeCommand {
    /// The store `settings` name, seeded: the memory store with the seed (default: the sample); a durable
    /// store as it is, taking the seed only when it holds no article yet (and saying so in the log).
    static func openStore(_ settings: Settings, logger: Logger) throws -> (store: any ArticleStore, articles: Int, source: String) {
        guard settings.store.isDurable else {
            let (articles, source) = try (settings.seed ?? .sample).load()
            return (try MemoryStore(articles: articles), articles.count, source)
        }
        let store = try settings.store.openDurable(readers: settings.api.storeThreads)
        let held = try store.countsByStatus().values.reduce(0, +)
        guard let seed = settings.seed, seed != .none else {
            return (store, held, "\(settings.store)")
        }
        guard held == 0 else {
            logger.notice("the database already holds articles: the seed is ignored (it only fills an empty database)", metadata: [
                "store": "\(settings.store)", "articles": "\(held)", "seed": "\(seed)",
            ])
            return (store, held, "\(settings.store)")
        }
        let (articles, source) = try seed.load()
        // Checked again inside the import's transaction: another instance may be seeding the same database.
        guard try store.seedIfEmpty(with: articles) else {
            let now = try store.countsByStatus().values.reduce(0, +)
            logger.notice("the database was already written to (perhaps by another instance starting at once): the seed is ignored (it only fills a new database)", metadata: [
                "store": "\(settings.store)", "articles": "\(now)", "seed": "\(seed)",
            ])
            return (store, now, "\(settings.store)")
        }
        logger.notice("seeded the empty database", metadata: [
            "store": "\(settings.store)", "articles": "\(articles.count)", "seed": "\(source)", "version": "\(store.version)",
        ])
        return (store, articles.count, "\(settings.store) (seeded from \(source))")
    }
}

extension Settings.SeedSource: CustomStringConvertible {
    var description: String {
        switch self {
        case .sample: "sample"
        case .none: "none"
        case .file(let path): path
        }
    }

    /// The articles, and a word on where they came from for the log.
    func load() throws -> (articles: [Article], source: String) {
        switch self {
        case .sample: (SampleArticles.load(), "the bundled sample")
        case .none: ([], "nothing (--seed none)")
        case .file(let path): (try ArticleImport.load(contentsOf: path), path)
        }
    }
}
