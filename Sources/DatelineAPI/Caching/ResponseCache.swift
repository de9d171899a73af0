import Locking

/// Encoded responses to readers' GETs, keyed by path and raw query, so a hot article or list query is
/// encoded (and its ETag computed) once rather than per request.
///
/// Lists, the rail and facets are checked on lookup: an entry built from an older store version, or one that
/// has reached the next scheduled publication, is a miss and is rebuilt. One article's answers are dropped
/// when the store reports a change to that article (its id, its slug before and after), so a lookup needs
/// no store call at all — which is what lets a database store's hot articles be answered on the event loop.
/// The cache is split into shards, each behind its own lock, so the event loops rarely wait on each other;
/// each shard holds a bounded number of bytes and drops an arbitrary entry when full.
final class ResponseCache: Sendable {
    private let shards: [LockedValue<Shard>]
    private let shardByteLimit: Int
    private let shardEntryLimit: Int
    /// Which keys hold each article ref's answers, and when each ref last changed. Touched on misses and
    /// changes only, never on a hit.
    private let articleKeys = LockedValue(ArticleKeys())

    private struct ArticleKeys {
        var keysByRef: [String: Set<String>] = [:]
        /// The store version of the last change to each ref: an answer built from before it is not kept.
        var changedAt: [String: UInt64] = [:]
        /// The latest change forgotten when `changedAt` was emptied: an answer built from before it is not
        /// kept either, as it may show one of those changes' articles as they were.
        var forgottenThrough: UInt64 = 0
    }

    /// Changed refs remembered at most. Every write names refs (new ids, old slugs, deleted ids), so without
    /// a bound the index would grow for as long as the process writes; past it, all are forgotten at once.
    static let rememberedChanges = 16_384

    /// Cached variants (query strings) of one article at most; past it, more are answered but not kept,
    /// so a client adding cache busters cannot grow the index.
    static let variantsPerArticle = 32

    private struct Shard {
        var entries: [String: CachedResponse] = [:]
        var bytes = 0
    }

    /// Bytes of body per entry the default entry limit allows for: small answers (a 304's worth, a short
    /// facet list) still count against a bound, so the index's own overhead cannot outgrow the bytes.
    static let bytesPerEntry = 2048

    /// - Parameters:
    ///   - byteLimit: bodies held at most, over all shards.
    ///   - entryLimit: responses held at most, over all shards; by default one per `bytesPerEntry` bytes.
    init(byteLimit: Int = 64 * 1024 * 1024, entryLimit: Int? = nil, shardCount: Int = 16) {
        shards = (0..<shardCount).map { _ in LockedValue(Shard()) }
        shardByteLimit = max(1, byteLimit / shardCount)
        shardEntryLimit = max(1, (entryLimit ?? byteLimit / Self.bytesPerEntry) / shardCount)
    }

    /// The cached response for `key` if it was built from `source` and is still valid at `now`.
    func lookup(_ key: String, source: CacheSource, now: Int64) -> CachedResponse? {
        shard(for: key).withLock { shard in
            guard let entry = shard.entries[key], entry.source == source, now < entry.validUntil else { return nil }
            return entry
        }
    }

    /// Keeps `response` under `key`. `builtFrom` is the store version read before the answer was built: an
    /// article answer is not kept if that article changed since, as it may show the article as it was.
    func store(_ key: String, _ response: CachedResponse, builtFrom: UInt64) {
        guard response.body.count <= shardByteLimit else { return }
        guard case .article(let ref) = response.source else {
            insert(key, response)
            return
        }
        // Under the index lock, so a change cannot drop the keys between this check and the insert.
        articleKeys.withLock { index in
            if let changed = index.changedAt[ref], changed > builtFrom { return }
            if index.forgottenThrough > builtFrom { return }
            var keys = index.keysByRef[ref, default: []]
            guard keys.count < Self.variantsPerArticle || keys.contains(key) else { return }
            keys.insert(key)
            index.keysByRef[ref] = keys
            insert(key, response)
        }
    }

    /// A change to the article these refs name (its id, its slug before and after): their answers go.
    func articleChanged(refs: [String], storeVersion: UInt64) {
        articleKeys.withLock { index in
            for ref in refs {
                index.changedAt[ref] = max(index.changedAt[ref] ?? 0, storeVersion)
                guard let keys = index.keysByRef.removeValue(forKey: ref) else { continue }
                for key in keys { remove(key) }
            }
            if index.changedAt.count > Self.rememberedChanges {
                index.forgottenThrough = max(index.forgottenThrough, index.changedAt.values.max() ?? 0)
                index.changedAt.removeAll()
            }
        }
    }

    private func remove(_ key: String) {
        shard(for: key).withLock { shard in
            if let old = shard.entries.removeValue(forKey: key) { shard.bytes -= old.byteCount }
        }
    }

    private func insert(_ key: String, _ response: CachedResponse) {
        shard(for: key).withLock { shard in
            if let old = shard.entries.removeValue(forKey: key) { shard.bytes -= old.byteCount }
            while !shard.entries.isEmpty,
                  shard.bytes + response.byteCount > shardByteLimit || shard.entries.count >= shardEntryLimit {
                let victim = shard.entries.startIndex
                shard.bytes -= shard.entries[victim].value.byteCount
                shard.entries.remove(at: victim)
            }
            shard.entries[key] = response
            shard.bytes += response.byteCount
        }
    }

    /// Keeps `form` as the gzip form of the entry under `key`, if that entry is still the one it was made
    /// from (same tag) and has none yet, dropping other entries when the shard is full (as `insert` does:
    /// a form that is not kept would be compressed again for every request). Two loops that miss at once
    /// may both compress; one form is kept.
    func attach(_ form: CachedResponse.GzipForm, to key: String, entityTag: String) {
        shard(for: key).withLock { shard in
            guard let entry = shard.entries[key], entry.entityTag == entityTag, entry.gzip == nil,
                  entry.byteCount + form.body.count <= shardByteLimit else { return }
            while shard.bytes + form.body.count > shardByteLimit,
                  let victim = shard.entries.first(where: { $0.key != key }) {
                shard.bytes -= victim.value.byteCount
                shard.entries.removeValue(forKey: victim.key)
            }
            shard.entries[key]?.gzip = form
            shard.bytes += form.body.count
        }
    }

    /// How many changed refs are remembered (for tests).
    var rememberedChangeCount: Int { articleKeys.withLock { $0.changedAt.count } }

    /// How many responses are held (for tests and metrics).
    var count: Int { shards.reduce(0) { total, shard in total + shard.withLock { $0.entries.count } } }

    private func shard(for key: String) -> LockedValue<Shard> {
        var hasher = Hasher()
        hasher.combine(key)
        return shards[Int(UInt(bitPattern: hasher.finalize()) % UInt(shards.count))]
    }
}
