import Synchronization

/// Encoded responses to readers' GETs, keyed by path and raw query, so a hot article or list query is
/// encoded (and its ETag computed) once rather than per request.
///
/// Entries are checked, not evicted, on change: an entry built from an older version (of the store, or of the
/// one article it shows), or one that has reached the next scheduled publication, is a miss and is rebuilt. The cache is split into shards, each
/// behind its own lock, so the event loops rarely wait on each other; each shard holds a bounded number of
/// bytes and drops an arbitrary entry when full.
final class ResponseCache: Sendable {
    private let shards: [ShardBox]
    private let shardByteLimit: Int
    private let shardEntryLimit: Int

    private struct Shard {
        var entries: [String: CachedResponse] = [:]
        var bytes = 0
    }

    /// A Mutex cannot be an array element (it cannot be copied), so each shard lives in a box.
    private final class ShardBox: Sendable {
        let state = Mutex(Shard())
    }

    /// - Parameters:
    ///   - byteLimit: bodies held at most, over all shards.
    ///   - entryLimit: responses held at most, over all shards.
    init(byteLimit: Int = 32 * 1024 * 1024, entryLimit: Int = 8192, shardCount: Int = 16) {
        shards = (0..<shardCount).map { _ in ShardBox() }
        shardByteLimit = max(1, byteLimit / shardCount)
        shardEntryLimit = max(1, entryLimit / shardCount)
    }

    /// The cached response for `key` if it was built from `source` and is still valid at `now`.
    func lookup(_ key: String, source: CacheSource, now: Int64) -> CachedResponse? {
        shard(for: key).state.withLock { shard in
            guard let entry = shard.entries[key], entry.source == source, now < entry.validUntil else { return nil }
            return entry
        }
    }

    func store(_ key: String, _ response: CachedResponse) {
        guard response.body.count <= shardByteLimit else { return }
        shard(for: key).state.withLock { shard in
            if let old = shard.entries.removeValue(forKey: key) { shard.bytes -= old.body.count }
            while !shard.entries.isEmpty,
                  shard.bytes + response.body.count > shardByteLimit || shard.entries.count >= shardEntryLimit {
                let victim = shard.entries.startIndex
                shard.bytes -= shard.entries[victim].value.body.count
                shard.entries.remove(at: victim)
            }
            shard.entries[key] = response
            shard.bytes += response.body.count
        }
    }

    /// How many responses are held (for tests and metrics).
    var count: Int { shards.reduce(0) { total, shard in total + shard.state.withLock { $0.entries.count } } }

    private func shard(for key: String) -> ShardBox {
        var hasher = Hasher()
        hasher.combine(key)
        return shards[Int(UInt(bitPattern: hasher.finalize()) % UInt(shards.count))]
    }
}
