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

        if let host = lookup.text(flags.host, "host") {
            guard !host.isEmpty else { throw ConfigurationError(setting: "host", value: host, expected: "give an address such as 127.0.0.1 or ::") }
            settings.server.host = host
        }
        if let port = try lookup.integer(flags.port, "port") ?? lookup.integer(nil, "port", variable: "PORT") {
            guard (0...65_535).contains(port) else {
                throw ConfigurationError(setting: "port", value: String(port), expected: "a port from 0 to 65535")
            }
            settings.server.port = port
        }
        settings.store = try StoreLocation.resolve(flag: flags.store, environment: env)
        switch lookup.text(flags.seed, "seed") {
        case nil: settings.seed = nil
        case "sample": settings.seed = .sample
        case "none": settings.seed = SeedSource.none
        case let path?: settings.seed = .file(path)
        }
        if let directory = lookup.text(flags.publicDirectory, "public") { settings.api.publicDirectory = directory }
        try lookup.choice(flags.logLevel, "log-level", into: &settings.logLevel,
                          expected: "one of trace, debug, info, notice, warning, error, critical") { Logger.Level(rawValue: $0) }
        try lookup.choice(flags.logFormat, "log-format", into: &settings.logFormat, expected: "text or json") { LogFormat(rawValue: $0) }
        try lookup.choice(flags.metrics, "metrics", into: &settings.api.metricsEnabled, expected: "true or false") { value in
            switch value {
            case "true", "on", "1": true
            case "false", "off", "0": false
            default: nil
            }
        }
        try lookup.count(flags.eventLoops, "event-loops", into: &settings.server.eventLoopCount)
        try lookup.count(flags.maxConnections, "max-connections", into: &settings.server.maxConnections)
        try lookup.count(flags.maxBodyBytes, "max-body-bytes", into: &settings.server.maxBodyBytes)
        try lookup.count(flags.maxHeaderBytes, "max-header-bytes", into: &settings.server.maxHeaderBytes)
        try lookup.count(flags.maxHeaderCount, "max-header-count", into: &settings.server.maxHeaderCount)
        try lookup.count(flags.maxRequestLineBytes, "max-request-line-bytes", into: &settings.server.maxRequestLineBytes)
        try lookup.seconds(flags.headerTimeout, "header-timeout", into: &settings.server.headerReadTimeout)
        try lookup.seconds(flags.bodyTimeout, "body-timeout", into: &settings.server.bodyReadTimeout)
        try lookup.seconds(flags.idleTimeout, "idle-timeout", into: &settings.server.idleTimeout)
        try lookup.seconds(flags.gracePeriod, "grace-period", into: &settings.gracePeriod, allowZero: true)
        try lookup.seconds(flags.drainDeadline, "drain-deadline", into: &settings.drainDeadline, allowZero: true)
        if let value = try lookup.integer(flags.cacheMaxAge, "cache-max-age") {
            guard value >= 0 else {
                throw ConfigurationError(setting: "cache-max-age", value: String(value), expected: "zero or more seconds")
            }
            settings.api.cacheMaxAge = value
        }
        try lookup.count(flags.responseCacheBytes, "response-cache-bytes", into: &settings.api.responseCacheBytes)
        try lookup.count(flags.eventBacklog, "event-backlog", into: &settings.api.eventBacklog)
        try lookup.seconds(flags.eventHeartbeat, "event-heartbeat", into: &settings.api.eventHeartbeatInterval)
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
}

/// One setting's value: its flag's when given, else its environment variable's (`DATELINE_` and the setting's
/// name in capitals, `-` as `_`: `max-body-bytes` is `DATELINE_MAX_BODY_BYTES`), checked. A variable that
/// does not parse is named in the error; a value out of range names the setting.
private struct SettingLookup {
    let environment: [String: String]

    /// `DATELINE_MAX_BODY_BYTES` for `max-body-bytes`.
    static func variable(_ setting: String) -> String {
        "DATELINE_" + setting.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The flag's text, else the variable's.
    func text(_ flag: String?, _ setting: String) -> String? {
        flag ?? environment[Self.variable(setting)]
    }

    /// The flag's whole number, else the variable's (`variable` instead of the setting's own when given).
    func integer(_ flag: Int?, _ setting: String, variable: String? = nil) throws -> Int? {
        if let flag { return flag }
        let name = variable ?? Self.variable(setting)
        guard let text = environment[name] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError(setting: name, value: text, expected: "a whole number")
        }
        return value
    }

    /// Sets `target` to a whole number above 0, when given.
    func count(_ flag: Int?, _ setting: String, into target: inout Int) throws {
        guard let value = try integer(flag, setting) else { return }
        guard value > 0 else { throw ConfigurationError(setting: setting, value: String(value), expected: "a whole number above 0") }
        target = value
    }

    /// Sets `target` to a number of seconds (at most a year; above 0 unless `allowZero`), when given.
    func seconds(_ flag: Double?, _ setting: String, into target: inout Duration, allowZero: Bool = false) throws {
        let seconds: Double
        if let flag {
            seconds = flag
        } else {
            let name = Self.variable(setting)
            guard let text = environment[name] else { return }
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw ConfigurationError(setting: name, value: text, expected: "a number of seconds")
            }
            seconds = value
        }
        guard seconds.isFinite, allowZero ? seconds >= 0 : seconds > 0, seconds < 86_400 * 365 else {
            throw ConfigurationError(setting: setting, value: String(seconds), expected: allowZero ? "zero or more seconds" : "a number of seconds above 0")
        }
        target = .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Sets `target` to what `parse` makes of the text, lowercased, when given; `expected` says what it may be.
    func choice<Value>(
        _ flag: String?, _ setting: String, into target: inout Value, expected: String, _ parse: (String) -> Value?
    ) throws {
        guard let text = text(flag, setting) else { return }
        guard let value = parse(text.lowercased()) else { throw ConfigurationError(setting: setting, value: text, expected: expected) }
        target = value
    }
}
