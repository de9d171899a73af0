public import HTTPServer
import Logging

/// Runs `body` against a real `Server` on a free loopback port; the server always stops afterwards.
public func withTestServer<T>(
    configuration: ServerConfiguration = .init(),
    responder: any HTTPResponder,
    _ body: (Server, Int) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.host = configuration.host == "::1" ? "::1" : "127.0.0.1"
    configuration.port = 0
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical
    let server = Server(configuration: configuration, responder: responder, logger: logger)
    let port = try server.start()
    do {
        let result = try await body(server, port)
        server.stop(deadline: .seconds(2))
        return result
    } catch {
        server.stop(deadline: .seconds(2))
        throw error
    }
}
