import ArgumentParser

/// The store flag of `import` and `export` (the same as `serve --store`).
struct StoreOptions: ParsableArguments {
    @Option(help: "Article store: 'sqlite:PATH'. (env DATELINE_STORE, then DATABASE_URL)")
    var store: String?
}
