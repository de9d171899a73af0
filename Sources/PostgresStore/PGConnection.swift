import ArticlesSQL
import CLibPQ
import Glibc

/// One libpq connection, used by one thread at a time (the pool hands it out). Every statement is sent with
/// parameters (never spliced into the text); a statement run often is prepared once per connection, by name.
final class PGConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    // Names of the statements prepared on this connection, by name; and the generated names of statements
    // prepared by their text (the shared SQL), up to `textCacheLimit`.
    private var prepared: Set<String> = []
    private var preparedTexts: [String: String] = [:]
    private static let textCacheLimit = 256
    /// How long a reply may take before the connection is given up: the statement timeout plus a margin. The
    /// server cancels a slow statement itself; this bounds the wait when the server cannot (a frozen host or
    /// process still acknowledges TCP, so neither keepalives nor the TCP user timeout notice it).
    private let replyTimeout: Duration
    /// Set when a reply did not come in time or the socket failed: the connection is then never reused.
    private var abandoned = false

    /// Connects to `url` (a `postgres://` URI or a `key=value` string). Our defaults bound every wait so a
    /// vanished server makes calls fail rather than hang: a connect timeout, TCP keepalives and a TCP user
    /// timeout. Settings in the URL win over these defaults.
    /// `role`, when given, is set as the application name over the URL's: the store finds its instances'
    /// listener connections by it. `statementTimeout` is set on the session; a reply that has not come a
    /// second after it abandons the connection (see `replyTimeout`).
    init(url: String, connectTimeoutSeconds: Int = 3, role: String? = nil, statementTimeout: Duration = .seconds(15)) throws {
        replyTimeout = statementTimeout + .seconds(1)
        var defaults: [(String, String)] = [
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("keepalives", "1"),
            ("keepalives_idle", "5"),
            ("keepalives_interval", "2"),
            ("keepalives_count", "3"),
            ("tcp_user_timeout", "10000"),
            ("application_name", "dateline"),
            ("dbname", url),
        ]
        if let role { defaults.append(("application_name", role)) }
        let keys = defaults.map { strdup($0.0) }
        let values = defaults.map { strdup($0.1) }
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keyPointers = keys.map { UnsafePointer($0) } + [nil]
        var valuePointers = values.map { UnsafePointer($0) } + [nil]
        // expand_dbname = 1: "dbname" is the URL, whose settings override the defaults before it (and `role`
        // after it overrides the URL's application name).
        guard let connection = PQconnectdbParams(&keyPointers, &valuePointers, 1) else {
            throw PGError(message: "libpq could not allocate a connection", sqlState: nil, connectionLost: true)
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PGError(message: "cannot connect: \(message)", sqlState: nil, connectionLost: true)
        }
        handle = connection
        // Notices (e.g. "relation already exists, skipping") are not for the terminal.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        // A statement that runs longer than this is cancelled by the server: no request waits for ever.
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        _ = try execute("SET statement_timeout = \(max(1, milliseconds))")
    }

    deinit { PQfinish(handle) }

    /// Whether the connection is still usable.
    var isHealthy: Bool { !abandoned && PQstatus(handle) == CONNECTION_OK }

    /// The socket, for waiting on notifications.
    var socket: Int32 { PQsocket(handle) }

    /// Runs `sql` with text parameters ($1, $2…; nil is NULL) and returns its rows.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws -> PGRows {
        try withParameters(parameters) { count, values in
            try reply(sent: PQsendQueryParams(handle, sql, count, nil, values, nil, nil, 0))
        }
    }

    /// Runs the statement prepared under `name` (preparing `sql` under that name the first time on this
    /// connection). `sql` must be the same text every time a name is used.
    @discardableResult
    func execute(prepared name: String, _ sql: String, _ parameters: [String?] = []) throws -> PGRows {
        if !prepared.contains(name) {
            try reply(sent: PQsendPrepare(handle, name, sql, 0, nil))
            prepared.insert(name)
        }
        return try withParameters(parameters) { count, values in
            try reply(sent: PQsendQueryPrepared(handle, name, count, values, nil, nil, 0))
        }
    }

    /// Runs `sql`, prepared once per connection and text (the shared SQL differs only in its list lengths, so
    /// few texts recur); past the cache's limit a text runs unprepared.
    @discardableResult
    func execute(cached sql: String, _ parameters: [String?]) throws -> PGRows {
        let name: String
        if let known = preparedTexts[sql] {
            name = known
        } else {
            guard preparedTexts.count < Self.textCacheLimit else { return try execute(sql, parameters) }
            // Named before it is prepared: a failed prepare is retried under the same name, never reused.
            name = "q\(preparedTexts.count)"
            preparedTexts[sql] = name
        }
        return try execute(prepared: name, sql, parameters)
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isHealthy { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    // MARK: Notifications

    /// Reads what the server has sent without blocking; false when the connection is gone.
    func consumeInput() -> Bool { PQconsumeInput(handle) == 1 }

    /// The next notification already read, if any: (channel, payload).
    func nextNotification() -> (channel: String, payload: String)? {
        guard let notify = PQnotifies(handle) else { return nil }
        defer { PQfreemem(notify) }
        return (String(cString: notify.pointee.relname), String(cString: notify.pointee.extra))
    }

    // MARK: Helpers

    private func withParameters<T>(
        _ parameters: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) throws -> T
    ) rethrows -> T {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return try pointers.withUnsafeBufferPointer { try body(Int32(parameters.count), $0.baseAddress) }
    }

    /// The reply to the statement just sent (`sent` is the PQsend… call's answer), as `PQexec` would give it
    /// (the first error, else the last result), waiting at most `replyTimeout` for it.
    @discardableResult
    private func reply(sent: Int32) throws -> PGRows {
        guard sent == 1 else { return try result(of: nil) }
        let deadline = ContinuousClock.now + replyTimeout
        var kept: OpaquePointer?
        while true {
            while PQisBusy(handle) == 1 {
                do {
                    try waitForInput(until: deadline)
                } catch {
                    if let kept { PQclear(kept) }
                    throw error
                }
            }
            guard let next = PQgetResult(handle) else { break }
            if let previous = kept {
                if Self.isError(previous) {
                    PQclear(next)
                    continue
                }
                PQclear(previous)
            }
            kept = next
        }
        return try result(of: kept)
    }

    /// Waits until the server has sent something and reads it; abandons the connection at `deadline`.
    private func waitForInput(until deadline: ContinuousClock.Instant) throws {
        let remaining = deadline - .now
        guard remaining > .zero else {
            abandoned = true
            throw PGError(message: "the database did not answer within \(replyTimeout)", sqlState: nil, connectionLost: true)
        }
        let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(clamping: milliseconds))
        if ready < 0 && errno == EINTR { return }
        guard ready >= 0, ready == 0 || PQconsumeInput(handle) == 1 else {
            abandoned = true
            throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil, connectionLost: true)
        }
    }

    private static func isError(_ result: OpaquePointer) -> Bool {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: false
        default: true
        }
    }

    @discardableResult
    private func result(of pointer: OpaquePointer?) throws -> PGRows {
        guard let pointer else {
            throw PGError(message: Self.trimmed(PQerrorMessage(handle)), sqlState: nil, connectionLost: !isHealthy)
        }
        defer { PQclear(pointer) }
        switch PQresultStatus(pointer) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PGRows(pointer)
        default:
            let state = PQresultErrorField(pointer, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = Self.trimmed(PQresultErrorMessage(pointer))
            throw PGError(message: message, sqlState: state, connectionLost: !isHealthy)
        }
    }

    private static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        var message = String(cString: text)
        while message.last?.isWhitespace == true { message.removeLast() }
        return message
    }
}
