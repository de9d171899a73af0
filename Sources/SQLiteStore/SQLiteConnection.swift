import ArticlesSQL
import CSQLite

/// One SQLite connection, opened without SQLite's own mutex: it must be used by one thread at a time (the
/// store hands each to one caller at a time, hence `@unchecked Sendable`). Prepared statements are kept per
/// connection, by SQL text.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]
    // Statements being stepped right now (a row handler may run others): never finalized by the eviction.
    private var stepping = 0
    // Statements whose text varies (IN lists of any length) would grow the cache without end.
    private static let maximumCachedStatements = 128

    /// Opens (creating when missing) the database at `path`.
    init(path: String) throws {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw SQLiteError(code: result, message: message, call: "open \(path)")
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
        // Another process (dateline import, a second server) may hold the write lock for a moment.
        sqlite3_busy_timeout(handle, 5_000)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (pragmas, DDL, BEGIN/COMMIT).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, call: "exec")
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws. `immediate` takes
    /// the write lock at once (writes); otherwise it is a read snapshot.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        // Prepared once and kept, like every other statement: `sqlite3_exec` would parse them on every read.
        try step(SQLStatement(immediate ? "BEGIN IMMEDIATE" : "BEGIN")) { _ in }
        do {
            let result = try body()
            try step(SQLStatement("COMMIT")) { _ in }
            return result
        } catch {
            // After some I/O errors SQLite has rolled back already; then this fails harmlessly.
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else {
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), call: "prepare")
        }
        if statements.count >= Self.maximumCachedStatements && stepping == 0 {
            for cached in statements.values { sqlite3_finalize(cached) }
            statements.removeAll(keepingCapacity: true)
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ parameters: [SQLValue], to statement: OpaquePointer) throws {
        for (offset, value) in parameters.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch value {
            case .null:
                result = sqlite3_bind_null(statement, index)
            case .integer(let number):
                result = sqlite3_bind_int64(statement, index, number)
            case .text(let text) where text.isEmpty:
                // A nil pointer would bind NULL, so the empty string gets a real (empty) one.
                result = sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
            case .text(var text):
                result = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), csqlite_transient())
                    }
                }
            }
            guard result == SQLITE_OK else {
                throw SQLiteError(code: result, message: String(cString: sqlite3_errmsg(handle)), call: "bind")
            }
        }
    }

    /// Steps `statement` to the end, handing each row to `body`.
    private func step(_ statement: SQLStatement, _ body: (OpaquePointer) throws -> Void) throws {
        let prepared = try prepared(statement.text)
        stepping += 1
        defer {
            stepping -= 1
            sqlite3_reset(prepared)
            sqlite3_clear_bindings(prepared)
        }
        try bind(statement.parameters, to: prepared)
        while true {
            let result = sqlite3_step(prepared)
            if result == SQLITE_ROW {
                try body(prepared)
            } else if result == SQLITE_DONE {
                return
            } else {
                throw SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), call: "step")
            }
        }
    }
}

extension SQLiteConnection: SQLExecutor {
    var dialect: SQLDialect { .sqlite }

    func rows(_ statement: SQLStatement) throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        try forEachRow(statement) { rows.append($0) }
        return rows
    }

    /// Streams the rows; `body` may run other statements on this connection (not this one again).
    func forEachRow(_ statement: SQLStatement, _ body: ([SQLValue]) throws -> Void) throws {
        try step(statement) { prepared in
            let count = sqlite3_column_count(prepared)
            var row: [SQLValue] = []
            row.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(prepared, column) {
                case SQLITE_NULL:
                    row.append(.null)
                case SQLITE_INTEGER, SQLITE_FLOAT:
                    row.append(.integer(sqlite3_column_int64(prepared, column)))
                default:
                    // Text first, then its length (the order SQLite's documentation asks for).
                    if let bytes = sqlite3_column_text(prepared, column) {
                        let length = Int(sqlite3_column_bytes(prepared, column))
                        row.append(.text(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)))
                    } else {
                        row.append(.text(""))
                    }
                }
            }
            try body(row)
        }
    }

    func run(_ statement: SQLStatement) throws {
        try step(statement) { _ in }
    }
}
