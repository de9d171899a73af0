import ArgumentParser
import Articles
import DatelineAPI
import Dispatch
import Foundation
import HTTPServer
import Logging
import Metrics

/// `dateline serve`: load the articles, listen, and drain gracefully on SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API (and the reader in ./Public) over HTTP.",
        discussion: "With no options it serves the bundled sample articles from memory on http://127.0.0.1:8080."
    )

    @OptionGroup var options: ServeOptions

    func run() throws {
        let settings = try Settings.resolve(options, environment: ProcessInfo.processInfo.environment)
        settings.logFormat.bootstrap(level: settings.logLevel)
        var logger = Logger(label: "dateline")
        logger.logLevel = settings.logLevel

        let started = ContinuousClock.now
        let (store, articleCount, source) = try Self.openStore(settings, logger: logger)
        let application = DatelineApplication(store: store, configuration: settings.api, logger: logger)
        let server = Server(configuration: settings.server, responder: application, logger: logger)
        if let metrics = application.metrics {
            metrics.attach(server)
            // Whatever else the process records through swift-metrics is exposed at /metrics too.
            MetricsSystem.bootstrap(metrics.factory)
        }
        let port = try server.start()
        // Before "listening" is logged: whoever waits for that line (an orchestrator, a test) may send SIGTERM
        // at once, and it must find the drain in place rather than the default action, an abrupt exit.
        let drain = GracefulDrain(server: server, readiness: application.readiness, settings: settings, logger: logger)
        let signalSources = drain.installSignalHandlers()

        let host = settings.server.host.contains(":") ? "[\(settings.server.host)]" : settings.server.host
        logger.notice("listening on http://\(host):\(port)", metadata: [
            "articles": "\(articleCount)",
            "source": "\(source)",
            "store": "\(settings.store)",
            "event_loops": "\(settings.server.eventLoopCount)",
            "startup_ms": "\((ContinuousClock.now - started).components.seconds * 1000 + (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000)",
        ])
        if settings.api.editorTokens.isEmpty {
            logger.notice("writes are disabled: no editor tokens configured (DATELINE_EDITOR_TOKENS or --editor-token-file)")
        }

        // The drain ends the process with exit(0). Block here rather than in dispatchMain(): nothing runs on
        // the main queue, and dispatchMain's pthread_exit of the main thread is what valgrind cannot follow.
        withExtendedLifetime(signalSources) { DispatchSemaphore(value: 0).wait() }
    }
}
