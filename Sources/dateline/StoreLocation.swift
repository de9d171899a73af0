/// Where the articles live: `--store`, else `DATELINE_STORE`, else `DATABASE_URL`, else memory.
enum StoreLocation: Equatable, CustomStringConvertible {
    /// In RAM, filled from the seed at every start.
    case memory
    /// A SQLite file (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL connection URL (`postgres://` or `postgresql://`).
    case postgres(url: String)

    /// Parses `memory`, `sqlite:PATH` or `postgres://…`; the error names the setting and the value.
    init(parsing text: String, setting: String) throws {
        if text == "memory" {
            self = .memory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw ConfigurationError(setting: setting, value: text, expected: "sqlite: needs a file path, as in sqlite:/var/lib/dateline/articles.db")
            }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            throw ConfigurationError(
                setting: setting, value: text, expected: "give memory, sqlite:PATH or postgres://USER@HOST/DATABASE")
        }
    }

    /// Resolves the store from a flag and the environment (flag > DATELINE_STORE > DATABASE_URL > memory).
    static func resolve(flag: String?, environment env: [String: String]) throws -> StoreLocation {
        if let flag { return try StoreLocation(parsing: flag, setting: "store") }
        if let value = env["DATELINE_STORE"] { return try StoreLocation(parsing: value, setting: "DATELINE_STORE") }
        if let value = env["DATABASE_URL"] { return try StoreLocation(parsing: value, setting: "DATABASE_URL") }
        return .memory
    }

    /// Whether the articles outlive the process (and so the seed only fills an empty store).
    var isDurable: Bool { self != .memory }

    /// For logs: a PostgreSQL password is never shown.
    var description: String {
        switch self {
        case .memory: return "memory"
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else { return url }
            let credentials = url[schemeEnd.upperBound..<at]
            guard let colon = credentials.firstIndex(of: ":") else { return url }
            return String(url[..<colon]) + ":***" + String(url[at...])
        }
    }
}
