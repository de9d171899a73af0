import Foundation
import Locking

/// Reads one pipe to its end on a thread of its own, so that what a process writes is taken in however
/// busy the test run's shared queues are. (A `readabilityHandler` runs on a Dispatch queue, and under a
/// loaded parallel test run it could lag the process's exit by seconds.)
final class PipeReader: Sendable {
    private let pipe: Pipe
    private let state = LockedValue<(data: Data, ended: Bool)>((Data(), false))

    init(_ pipe: Pipe) { self.pipe = pipe }

    /// Starts reading; call after the process has been started, so the pipe's write end is the child's.
    func start() {
        let thread = Thread { [self] in readToEnd() }
        thread.name = "ServerProcess pipe reader"
        thread.start()
    }

    private func readToEnd() {
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                state.withLock { $0.data.append(contentsOf: buffer[..<count]) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        state.withLock { $0.ended = true }
    }

    /// True once the pipe has reached its end (every writer has closed it).
    var ended: Bool { state.withLock { $0.ended } }

    /// Waits, bounded, for the pipe's end; returns whether it came.
    @discardableResult
    func waitForEnd(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !ended && ContinuousClock.now < deadline { usleep(5_000) }
        return ended
    }

    /// What has been read so far.
    var bytes: Data { state.withLock { $0.data } }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
