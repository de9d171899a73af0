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

    init(server: Server, readiness: Readiness, settings: Settings, logger: Logger) {
        self.server = server
        self.readiness = readiness
        self.gracePeriod = settings.gracePeriod
        self.deadline = settings.drainDeadline
        self.logger = logger
    }

    /// Routes SIGTERM and SIGINT to the drain. The caller keeps the returned sources alive.
    func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            // Ignore the default action so the signal reaches only the Dispatch source.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in begin(signal: number) }
            source.resume()
            return source
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
            "grace": "\(gracePeriod)",
            "deadline": "\(deadline)",
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
