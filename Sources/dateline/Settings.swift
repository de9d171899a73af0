import DatelineAPI
import Foundation
import HTTPServer
import Logging

/// Everything `serve` needs, resolved from flags and the environment in one pure function.
struct Settings {
    enum SeedSource: Equatable {
        case sample
        case none
        case file(String)
    }

    var server = ServerConfiguration()
    var api = APIConfiguration()
    /// nil when not given: the memory store then serves the sample, a durable store starts as it is.
    var seed: SeedSource?
    var store = StoreLocation.memory
    var logLevel = Logger.Level.info
    var logFormat = LogFormat.text
    var gracePeriod: Duration = .seconds(5)
    var drainDeadline: Duration = .seconds(10)
}

/// A setting with a value it cannot take; the message names both.
struct ConfigurationError: Error, CustomStringConvertible {
    var setting: String
    var value: String
    var expected: String
    var description: String { "\(setting) cannot be '\(value)': \(expected)." }
}

extension Settings {
    /// Flag, then `DATELINE_*` variable (then `PORT` for the port), then the default.
    static func resolve(_ flags: ServeOptions, environment env: [String: String]) throws -> Settings {
        var settings = Settings()
        let lookup = SettingLookup(environment: env)

        if let host = flags.host ?? env["DATELINE_HOST"] {
            guard !host.isEmpty else { throw ConfigurationError(setting: "host", value: host, expected: "give an address such as 127.0.0.1 or ::") }
            settings.server.host = host
        }
        if let port = try flags.port ?? lookup.integer("DATELINE_PORT") ?? lookup.integer("PORT") {
            guard (0...65_535).contains(port) else {
                throw ConfigurationError(setting: "port", value: String(port), expected: "a port from 0 to 65535")
            }
            settings.server.port = port
        }
        settings.store = try StoreLocation.resolve(flag: flags.store, environment: env)
        switch flags.seed ?? env["DATELINE_SEED"] {
        case nil: settings.seed = nil
        case "sample": settings.seed = .sample
        case "none": settings.seed = SeedSource.none
        case let path?: settings.seed = .file(path)
        }
        if let directory = flags.publicDirectory ?? env["DATELINE_PUBLIC"] { settings.api.publicDirectory = directory }
        if let level = flags.logLevel ?? env["DATELINE_LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(setting: "log-level", value: level, expected: "one of trace, debug, info, notice, warning, error, critical")
            }
            settings.logLevel = parsed
        }
        if let format = flags.logFormat ?? env["DATELINE_LOG_FORMAT"] {
            guard let parsed = LogFormat(rawValue: format.lowercased()) else {
                throw ConfigurationError(setting: "log-format", value: format, expected: "text or json")
            }
            settings.logFormat = parsed
        }
        if let value = flags.metrics ?? env["DATELINE_METRICS"] {
            switch value.lowercased() {
            case "true", "on", "1": settings.api.metricsEnabled = true
            case "false", "off", "0": settings.api.metricsEnabled = false
            default: throw ConfigurationError(setting: "metrics", value: value, expected: "true or false")
            }
        }
        if let loops = try flags.eventLoops ?? lookup.integer("DATELINE_EVENT_LOOPS") {
            settings.server.eventLoopCount = try positive(loops, "event-loops")
        }
        if let value = try flags.maxConnections ?? lookup.integer("DATELINE_MAX_CONNECTIONS") {
            settings.server.maxConnections = try positive(value, "max-connections")
        }
        if let value = try flags.maxBodyBytes ?? lookup.integer("DATELINE_MAX_BODY_BYTES") {
            settings.server.maxBodyBytes = try positive(value, "max-body-bytes")
        }
        if let value = try flags.maxHeaderBytes ?? lookup.integer("DATELINE_MAX_HEADER_BYTES") {
            settings.server.maxHeaderBytes = try positive(value, "max-header-bytes")
        }
        if let value = try flags.maxHeaderCount ?? lookup.integer("DATELINE_MAX_HEADER_COUNT") {
            settings.server.maxHeaderCount = try positive(value, "max-header-count")
        }
        if let value = try flags.maxRequestLineBytes ?? lookup.integer("DATELINE_MAX_REQUEST_LINE_BYTES") {
            settings.server.maxRequestLineBytes = try positive(value, "max-request-line-bytes")
        }
        if let value = try flags.headerTimeout ?? lookup.seconds("DATELINE_HEADER_TIMEOUT") {
            settings.server.headerReadTimeout = try duration(value, "header-timeout")
        }
        if let value = try flags.bodyTimeout ?? lookup.seconds("DATELINE_BODY_TIMEOUT") {
            settings.server.bodyReadTimeout = try duration(value, "body-timeout")
        }
        if let value = try flags.idleTimeout ?? lookup.seconds("DATELINE_IDLE_TIMEOUT") {
            settings.server.idleTimeout = try duration(value, "idle-timeout")
        }
        if let value = try flags.gracePeriod ?? lookup.seconds("DATELINE_GRACE_PERIOD") {
            settings.gracePeriod = try duration(value, "grace-period", allowZero: true)
        }
        if let value = try flags.drainDeadline ?? lookup.seconds("DATELINE_DRAIN_DEADLINE") {
            settings.drainDeadline = try duration(value, "drain-deadline", allowZero: true)
        }
        if let value = try flags.cacheMaxAge ?? lookup.integer("DATELINE_CACHE_MAX_AGE") {
            guard value >= 0 else {
                throw ConfigurationError(setting: "cache-max-age", value: String(value), expected: "zero or more seconds")
            }
            settings.api.cacheMaxAge = value
        }
        if let value = try flags.eventBacklog ?? lookup.integer("DATELINE_EVENT_BACKLOG") {
            settings.api.eventBacklog = try positive(value, "event-backlog")
        }
        if let value = try flags.eventHeartbeat ?? lookup.seconds("DATELINE_EVENT_HEARTBEAT") {
            settings.api.eventHeartbeatInterval = try duration(value, "event-heartbeat")
        }
        let corsOrigins = flags.corsOrigin.isEmpty ? env["DATELINE_CORS_ORIGINS"].map { [$0] } : flags.corsOrigin
        if let corsOrigins {
            settings.api.corsOrigins = try origins(corsOrigins)
        }
        if let path = flags.editorTokenFile {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigurationError(setting: "editor-token-file", value: path, expected: "a readable UTF-8 file with one token per line")
            }
            settings.api.editorTokens = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else if let tokens = env["DATELINE_EDITOR_TOKENS"] {
            settings.api.editorTokens = tokens.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        // A gzip body is held to the same limit once inflated.
        settings.api.maxBodyBytes = settings.server.maxBodyBytes
        return settings
    }

    /// `--cors-origin` values (each possibly a comma-separated list): `*` alone, or origins.
    private static func origins(_ values: [String]) throws -> [String] {
        let origins = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let joined = values.joined(separator: ",")
        guard !origins.isEmpty else {
            throw ConfigurationError(setting: "cors-origin", value: joined, expected: "'*' or origins such as https://news.example")
        }
        if let bad = origins.first(where: { !APIConfiguration.isValidCORSOrigin($0) }) {
            throw ConfigurationError(
                setting: "cors-origin", value: bad, expected: "an origin such as https://news.example:8443 (scheme, host and port only, no path or trailing slash), or '*'")
        }
        guard origins == ["*"] || !origins.contains("*") else {
            throw ConfigurationError(setting: "cors-origin", value: joined, expected: "'*' alone, or a list of origins without '*'")
        }
        return origins
    }

    private static func positive(_ value: Int, _ setting: String) throws -> Int {
        guard value > 0 else { throw ConfigurationError(setting: setting, value: String(value), expected: "a whole number above 0") }
        return value
    }

    private static func duration(_ seconds: Double, _ setting: String, allowZero: Bool = false) throws -> Duration {
        guard seconds.isFinite, allowZero ? seconds >= 0 : seconds > 0, seconds < 86_400 * 365 else {
            throw ConfigurationError(setting: setting, value: String(seconds), expected: allowZero ? "zero or more seconds" : "a number of seconds above 0")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

/// Reads typed values from the environment, naming the variable when one does not parse.
private struct SettingLookup {
    let environment: [String: String]

    func integer(_ name: String) throws -> Int? {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError(setting: name, value: text, expected: "a whole number")
        }
        return value
    }

    func seconds(_ name: String) throws -> Double? {
        guard let text = environment[name] else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError(setting: name, value: text, expected: "a number of seconds")
        }
        return value
    }
}
