/// A query's filter as tests of a slot that read no article: the status and publish key, the breaking flag
/// (per-slot arrays of `MemoryIndex`) and the list filters (`SlotMask`). Only the publication window
/// (`checksArticle`) is left to `QueryFilter.admits`, on the article.
struct SlotFilter {
    let status: StatusCheck
    let breaking: Bool?
    /// The list filters, when there are any.
    let mask: SlotMask?
    /// Whether the filter asks for what only the article says (`from`, `to`: its `publishedAt`).
    let checksArticle: Bool

    init(_ filter: QueryFilter, in index: MemoryIndex) {
        status = StatusCheck(filter)
        breaking = filter.breaking
        mask = SlotMask(filter, in: index)
        checksArticle = filter.from != nil || filter.to != nil
    }

    /// Whether the slot's status, breaking flag and lists pass (a removed slot's status never does).
    @inline(__always)
    func admits(_ slot: Int32, in index: MemoryIndex) -> Bool {
        guard status.admits(index.slotStatus[Int(slot)], index.slotKeys[Int(slot)]) else { return false }
        if let breaking, index.slotBreaking[Int(slot)] != breaking { return false }
        return mask?.contains(slot) ?? true
    }
}

/// The status filter as a test of a slot's status code and publish key (no article read).
struct StatusCheck {
    /// The status code wanted; `removed` for any live one.
    let code: UInt8
    /// The latest publish key admitted (now, for `visible`).
    let latest: Int64

    init(_ filter: QueryFilter) {
        switch filter.status {
        case .visible: (code, latest) = (MemoryIndex.StatusCode.of(.published), filter.now.secondsSince1970)
        case .published: (code, latest) = (MemoryIndex.StatusCode.of(.published), .max)
        case .draft: (code, latest) = (MemoryIndex.StatusCode.of(.draft), .max)
        case .archived: (code, latest) = (MemoryIndex.StatusCode.of(.archived), .max)
        case .any: (code, latest) = (MemoryIndex.StatusCode.removed, .max)
        }
    }

    @inline(__always)
    func admits(_ status: UInt8, _ key: Int64) -> Bool {
        if code == MemoryIndex.StatusCode.removed { return status != MemoryIndex.StatusCode.removed }
        return status == code && key <= latest
    }
}
