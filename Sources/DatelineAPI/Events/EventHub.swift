#if canImport(Glibc)
import Glibc
#endif
import Articles
import Dispatch
import HTTPServer
import Locking
import Logging
import Synchronization

/// Turns the store's changes into what readers see and fans them out to `/events` subscribers.
///
/// One hub per application. It keeps the set of articles readers can see (id → breaking), so every change is
/// classified exactly: `published` (became visible), `updated` (visible before and after), `deleted` (left
/// readers' sight); the same for the breaking-only view. A scheduled article's `published` goes out when one
/// Dispatch timer, armed at the store's next scheduled publication, fires. One more timer writes the
/// heartbeat comment to every subscriber: no thread and no timer per stream.
final class EventHub: @unchecked Sendable {
    // @unchecked: mutable state is in `state` (locked); the timers are set up in init and afterwards only
    // touched on `queue`.
    let epoch = EventID.randomEpoch()
    let store: any ArticleStore
    private let logger: Logger
    private let backlogLimit: Int
    let state: LockedValue<State>
    private let queue = DispatchQueue(label: "dateline.events")
    private let scheduleTimer: any DispatchSourceTimer
    private let heartbeatTimer: any DispatchSourceTimer
    private let rearmPending = Atomic<Bool>(false)

    struct State {
        /// Visible articles (id → breaking), as last announced.
        var visible: [Article.ID: Bool] = [:]
        /// Sequence of the last event issued (0: none yet).
        var lastSequence: UInt64 = 0
        var backlog: [StoredEvent] = []
        var backlogStart = 0
        var subscribers: [UInt64: Subscriber] = [:]
        var nextSubscriber: UInt64 = 0
        /// Scheduled publications up to this second have been looked for.
        var dueCheckedThrough: Int64 = 0
    }

    struct Subscriber {
        let writer: StreamWriter
        let breakingOnly: Bool
    }

    init(store: any ArticleStore, backlog: Int, heartbeat: Duration, logger: Logger) {
        self.store = store
        self.logger = logger
        self.backlogLimit = max(1, backlog)
        let now = Timestamp.now()
        let visible = (try? store.visibleBreakingFlags(at: now)) ?? [:]
        state = LockedValue(State(visible: visible, dueCheckedThrough: now.secondsSince1970))
        scheduleTimer = DispatchSource.makeTimerSource(queue: queue)
        heartbeatTimer = DispatchSource.makeTimerSource(queue: queue)
        scheduleTimer.setEventHandler { [weak self] in self?.announceDue() }
        scheduleTimer.schedule(wallDeadline: .distantFuture)
        scheduleTimer.activate()
        let interval = DispatchTimeInterval.nanoseconds(Int(max(heartbeat, .milliseconds(10)).nanoseconds))
        heartbeatTimer.setEventHandler { [weak self] in self?.heartbeat() }
        heartbeatTimer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(50))
        heartbeatTimer.activate()
        store.onChange { [weak self] change in self?.apply(change) }
        scheduleRearm()
    }

    deinit {
        scheduleTimer.cancel()
        heartbeatTimer.cancel()
    }

    // MARK: Subscribers

    /// Adds a subscriber: first what it missed since `lastEventID` (or a `reset` event when that id is not
    /// in the backlog), then the live stream. Called on the connection's loop thread; it only queues bytes.
    func subscribe(_ writer: StreamWriter, breakingOnly: Bool, lastEventID: String?) {
        state.withLock { state in
            if let lastEventID {
                replay(after: lastEventID, to: writer, breakingOnly: breakingOnly, state: state)
            }
            state.nextSubscriber += 1
            state.subscribers[state.nextSubscriber] = Subscriber(writer: writer, breakingOnly: breakingOnly)
        }
    }

    /// Open subscriber streams (a count for tests and metrics).
    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    private func replay(after lastEventID: String, to writer: StreamWriter, breakingOnly: Bool, state: State) {
        let oldest = state.backlogStart < state.backlog.count
            ? state.backlog[state.backlogStart].sequence : state.lastSequence + 1
        guard let id = EventID(lastEventID), id.epoch == epoch, id.sequence <= state.lastSequence,
              id.sequence + 1 >= oldest else {
            writer.write(resetEvent(lastSequence: state.lastSequence))
            return
        }
        for event in state.backlog[state.backlogStart...] where event.sequence > id.sequence {
            if let bytes = event.bytes(breakingOnly: breakingOnly), !writer.write(bytes) { return }
        }
    }

    /// `reset`: refetch what you show. Its id is the latest, so a reconnect after it resumes from here.
    private func resetEvent(lastSequence: UInt64) -> [UInt8] {
        Array("id: \(EventID(epoch: epoch, sequence: lastSequence).text)\nevent: reset\ndata: {}\n\n".utf8)
    }

    private func heartbeat() {
        state.withLock { state in
            broadcast(all: Self.heartbeatBytes, breaking: Self.heartbeatBytes, state: &state)
        }
    }

    private static let heartbeatBytes = Array(": keep-alive\n\n".utf8)

    // MARK: Events

    /// Issues an event (kinds per view), keeps it in the backlog and sends it. Caller holds the lock.
    func emit(article: Article, all: ArticleEventKind?, breaking: ArticleEventKind?, state: inout State) {
        guard all != nil || breaking != nil else { return }
        state.lastSequence += 1
        let id = EventID(epoch: epoch, sequence: state.lastSequence).text
        let allBytes = all?.encoded(id: id, article: article)
        let breakingBytes = breaking == all ? allBytes : breaking?.encoded(id: id, article: article)
        state.backlog.append(StoredEvent(sequence: state.lastSequence, all: allBytes, breaking: breakingBytes))
        if state.backlog.count - state.backlogStart > backlogLimit {
            state.backlogStart += 1
            if state.backlogStart >= backlogLimit {
                state.backlog.removeFirst(state.backlogStart)
                state.backlogStart = 0
            }
        }
        broadcast(all: allBytes, breaking: breakingBytes, state: &state)
    }

    /// Writes to every subscriber of each view; drops the ones whose stream has ended or fell too far behind.
    private func broadcast(all: [UInt8]?, breaking: [UInt8]?, state: inout State) {
        var gone: [UInt64] = []
        for (key, subscriber) in state.subscribers {
            guard let bytes = subscriber.breakingOnly ? breaking : all else {
                if !subscriber.writer.isOpen { gone.append(key) }
                continue
            }
            if !subscriber.writer.write(bytes) { gone.append(key) }
        }
        for key in gone { state.subscribers[key] = nil }
    }

    // MARK: Scheduling

    /// Re-arms the publication timer on the hub's queue (coalesced: a burst of writes re-arms once).
    func scheduleRearm() {
        guard rearmPending.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return
        }
        queue.async { [weak self] in
            guard let self else { return }
            rearmPending.store(false, ordering: .releasing)
            rearm()
        }
    }

    /// On `queue`: the timer fires at the next scheduled publication, or never.
    private func rearm() {
        let next: Timestamp?
        do {
            next = try store.nextScheduledPublication(after: .now())
        } catch {
            logger.warning("events: cannot read the next scheduled publication", metadata: ["error": "\(error)"])
            next = nil
        }
        guard let next else {
            scheduleTimer.schedule(wallDeadline: .distantFuture)
            return
        }
        let deadline = DispatchWallTime(timespec: timespec(tv_sec: Int(next.secondsSince1970), tv_nsec: 1_000_000))
        scheduleTimer.schedule(wallDeadline: deadline, leeway: .milliseconds(5))
    }
}

private extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
