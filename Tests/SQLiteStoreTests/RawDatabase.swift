import CSQLite
import Foundation

/// A plain SQLite connection of the test's own, to look at a store's file from outside.
final class RawDatabase {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
            throw RawDatabaseError(message: "cannot open \(path)")
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Every row of `sql`, each column as text (NULL as "NULL").
    func rows(_ sql: String) throws -> [[String]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
            throw RawDatabaseError(message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        var rows: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
            })
        }
        return rows
    }
}

struct RawDatabaseError: Error {
    var message: String
}

/// A fresh database path in the temporary directory; `removeDatabase` deletes it with its WAL files.
func temporaryDatabasePath(_ label: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dateline-\(label)-\(getpid())-\(UUID().uuidString).sqlite").path
}

func removeDatabase(at path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
