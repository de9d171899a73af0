import DatelineAPI
import Dispatch
import Foundation
import HTTPServer
import Logging

/// SIGTERM/SIGINT: `/ready` turns 503 at once, serving goes on for the grace period (so balancers notice),
/// then the server stops accepting, finishes in-flight requests within the deadline, and the process exits 0.
final class GracefulDrain: Sendable {
    private let server: Server
    private let readiness: Readiness
    private let gracePeriod: Duration
    private let deadline: Duration
    private let logger: Logger
    private let queue = DispatchQueue(label: "dateline.drain")
    private let sources: [any DispatchSourceSignal]

    init(server: Server, readiness: Readiness, settings: Settings, logger: Logger) {
        self.server = server
        self.readiness = readiness
        self.gracePeriod = settings.gracePeriod
        self.deadline = settings.drainDeadline
        self.logger = logger
        self.sources = [SIGTERM, SIGINT].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
    }

    func installSignalHandlers() {
        for (source, number) in zip(sources, [SIGTERM, SIGINT]) {
            // Ignore the default action so the signal reaches only the Dispatch source.
            signal(number, SIG_IGN)
            source.setEventHandler { [self] in begin(signal: number) }
            source.resume()
        }
    }

    private func begin(signal number: Int32) {
        guard !readiness.isDraining else {
            logger.notice("already draining", metadata: ["signal": "\(number)"])
            return
        }
        readiness.beginDraining()
        logger.notice("draining: /ready now answers 503", metadata: [
            "signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")",
            "grace_seconds": "\(gracePeriod)",
            "deadline_seconds": "\(deadline)",
        ])
        let grace = gracePeriod.components
        let graceNanoseconds = Int(grace.seconds) * 1_000_000_000 + Int(grace.attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(graceNanoseconds)) { [self] in
            logger.notice("grace period over: no longer accepting; finishing in-flight requests")
            server.stop(deadline: deadline)
            logger.notice("stopped")
            exit(0)
        }
    }
}
