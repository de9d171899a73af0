import ArgumentParser

/// The `dateline` command: `serve` (the default) and the tools around it.
@main
struct Dateline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dateline",
        abstract: "An HTTP JSON API server for news articles.",
        discussion: """
            Run `dateline serve` (or just `dateline`) to serve the bundled sample on http://127.0.0.1:8080.
            Every option of `serve` also reads an environment variable (shown in `dateline serve --help`);
            a flag wins over the variable.
            """,
        subcommands: [ServeCommand.self, GenerateCommand.self, ImportCommand.self, ExportCommand.self, HealthcheckCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
