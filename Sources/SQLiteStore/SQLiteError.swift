import CSQLite

/// A failed SQLite call: its (extended) result code and SQLite's message.
struct SQLiteError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_IOERR_FSYNC` ...); `primary` is its low byte.
    var code: Int32
    var message: String
    /// What was being done ("open", "prepare", "step" ...).
    var call: String

    var primary: Int32 { code & 0xFF }

    var description: String { "SQLite \(call) failed (\(code)): \(message)" }

    /// The disk or the file is the problem, not the statement: full, unwritable, locked too long, damaged.
    var isUnavailability: Bool {
        [SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_CORRUPT,
         SQLITE_NOTADB, SQLITE_NOMEM, SQLITE_PROTOCOL, SQLITE_PERM].contains(primary)
    }
}
