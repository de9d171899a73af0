import ArticlesSQL
import CLibPQ
import Glibc

/// The rows of a result, copied out of libpq, and how many rows a command touched. Integer and boolean columns
/// become `.integer`, every other type `.text` (results come in PostgreSQL's text format).
struct PGRows {
    var rows: [[SQLValue]]
    var affected: Int

    // Type oids from pg_type: int8, int2, int4, bool.
    private static let int8OID: Oid = 20
    private static let int2OID: Oid = 21
    private static let int4OID: Oid = 23
    private static let boolOID: Oid = 16

    init(_ result: OpaquePointer) {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let kinds = (0..<columnCount).map { PQftype(result, Int32($0)) }
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(.null)
                    continue
                }
                let text = PQgetvalue(result, Int32(row), Int32(column))!
                switch kinds[column] {
                case Self.int8OID, Self.int2OID, Self.int4OID:
                    values.append(.integer(strtoll(text, nil, 10)))
                case Self.boolOID:
                    values.append(.integer(text.pointee == CChar(UInt8(ascii: "t")) ? 1 : 0))
                default:
                    values.append(.text(String(cString: text)))
                }
            }
            rows.append(values)
        }
        self.rows = rows
        affected = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The first column of the first row, if any.
    var scalar: SQLValue? { rows.first?.first }
}
