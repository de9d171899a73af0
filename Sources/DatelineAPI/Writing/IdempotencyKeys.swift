import HTTPServer
import Locking

/// Remembers the responses of POSTs sent with an `Idempotency-Key`, so a retry gets the first answer instead
/// of creating a second article.
///
/// Bounded both ways: a key is kept for `lifetime` seconds, and at most `capacity` keys are kept (the oldest
/// goes first). Thread-safe: requests run on several event loops at once. A key whose first request is still
/// running is held as pending, so a concurrent retry cannot create a second article either.
final class IdempotencyKeys: Sendable {
    /// What a request with a key should do.
    enum Outcome {
        /// The key is new: go ahead, then `finish` or `abandon` it.
        case proceed
        /// The key was used with this body: answer with the first response.
        case replay(HTTPResponse)
        /// The key was used with another body.
        case mismatch
        /// The first request with this key has not been answered yet.
        case inProgress
    }

    private enum Entry {
        case pending(fingerprint: String)
        case done(fingerprint: String, response: HTTPResponse)

        var fingerprint: String {
            switch self {
            case .pending(let fingerprint), .done(let fingerprint, _): fingerprint
            }
        }
    }

    private struct State {
        var entries: [String: (entry: Entry, storedAt: Int64, serial: UInt64)] = [:]
        // Keys in the order they were stored: the front is the oldest, `head` skips the removed ones. A slot
        // whose serial differs from its key's entry is stale (the key was abandoned, maybe stored again).
        var order: [(key: String, storedAt: Int64, serial: UInt64)] = []
        var head = 0
        var nextSerial: UInt64 = 0

        mutating func dropFront() {
            let slot = order[head]
            if entries[slot.key]?.serial == slot.serial { entries[slot.key] = nil }
            head += 1
        }
    }

    /// Keys kept at most.
    let capacity: Int
    /// Seconds a key is kept.
    let lifetime: Int64
    private let state = LockedValue(State())

    init(capacity: Int = 10_000, lifetime: Int64 = 24 * 60 * 60) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// Looks the key up at `now` (seconds since 1970) and, when it is new, holds it as pending.
    func begin(_ key: String, fingerprint: String, now: Int64) -> Outcome {
        state.withLock { state in
            expire(&state, now: now)
            if let (entry, _, _) = state.entries[key] {
                guard entry.fingerprint == fingerprint else { return .mismatch }
                switch entry {
                case .pending: return .inProgress
                case .done(_, let response): return .replay(response)
                }
            }
            while state.entries.count >= capacity, state.head < state.order.count { state.dropFront() }
            state.nextSerial += 1
            state.entries[key] = (.pending(fingerprint: fingerprint), now, state.nextSerial)
            state.order.append((key, now, state.nextSerial))
            compact(&state)
            return .proceed
        }
    }

    /// Keeps the first response for the key.
    func finish(_ key: String, fingerprint: String, response: HTTPResponse) {
        state.withLock { state in
            guard let (entry, storedAt, serial) = state.entries[key], case .pending = entry else { return }
            state.entries[key] = (.done(fingerprint: fingerprint, response: response), storedAt, serial)
        }
    }

    /// Forgets a key whose request failed, so a corrected retry may use it.
    func abandon(_ key: String) {
        state.withLock { state in
            guard let (entry, _, _) = state.entries[key], case .pending = entry else { return }
            state.entries[key] = nil
        }
    }

    /// How many keys are held (for tests).
    var count: Int { state.withLock { $0.entries.count } }

    private func expire(_ state: inout State, now: Int64) {
        while state.head < state.order.count, state.order[state.head].storedAt + lifetime <= now { state.dropFront() }
        compact(&state)
    }

    private func compact(_ state: inout State) {
        if state.head > 1024 && state.head * 2 > state.order.count {
            state.order.removeFirst(state.head)
            state.head = 0
        }
        // Abandoned keys leave stale slots behind; past twice the capacity, keep only the live ones.
        if state.order.count - state.head > 2 * capacity + 1024 {
            state.order = state.order[state.head...].filter { state.entries[$0.key]?.serial == $0.serial }
            state.head = 0
        }
    }
}
