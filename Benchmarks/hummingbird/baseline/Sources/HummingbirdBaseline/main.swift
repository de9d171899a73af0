import Foundation
import Hummingbird
import Logging

// Usage: HummingbirdBaseline --seed FILE [--port N]   (or SEED and PORT in the environment; port 0 picks one).
// Binds 127.0.0.1 only and prints "listening on http://127.0.0.1:PORT" once it accepts connections.
func option(_ name: String, environment: String) -> String? {
    let arguments = CommandLine.arguments
    if let index = arguments.firstIndex(of: name), index + 1 < arguments.count { return arguments[index + 1] }
    return ProcessInfo.processInfo.environment[environment]
}

guard let seed = option("--seed", environment: "SEED") else {
    FileHandle.standardError.write(Data("usage: HummingbirdBaseline --seed FILE [--port N]\n".utf8))
    exit(2)
}
let port = option("--port", environment: "PORT").flatMap(Int.init) ?? 8080
let store = try ArticleStore(contentsOf: URL(fileURLWithPath: seed))

var logger = Logger(label: "hummingbird-baseline")
logger.logLevel = .notice
let app = Application(
    router: buildRouter(store: store),
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
    onServerRunning: { channel in
        // Unbuffered, so that a script waiting for this line sees it at once.
        let line = "listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    },
    logger: logger
)
try await app.runService()
