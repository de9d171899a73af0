import Logging

/// How `serve` writes its log: `text` (swift-log's stream format) or `json` (one object per line).
enum LogFormat: String, CaseIterable {
    case text, json

    /// Sends every logger of the process to standard output in this format, at `level`.
    func bootstrap(level: Logger.Level) {
        switch self {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
