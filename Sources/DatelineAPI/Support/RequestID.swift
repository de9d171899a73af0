import Synchronization

/// `X-Request-ID`: echoed when the client sent a usable one, otherwise generated.
enum RequestID {
    /// The client's id when it is 1–128 visible ASCII characters (`!` to `~`), else a new one.
    static func resolve(_ sent: String?) -> String {
        if let sent, isAcceptable(sent) { return sent }
        return generate()
    }

    static func isAcceptable(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// A process-unique id: a random prefix chosen at start and a counter. Cheaper than a random UUID per
    /// request, and still unique across restarts (the prefix) and within one (the counter).
    static func generate() -> String {
        let sequence = counter.add(1, ordering: .relaxed).newValue
        var id = prefix
        id.append("-")
        id.append(String(sequence, radix: 16))
        return id
    }

    private static let counter = Atomic<UInt64>(0)
    private static let prefix: String = {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }()
}
