import Foundation
import HTTPServer
import Synchronization

/// Lets a test hold a request in flight until the server under test has begun to stop.
final class StopGate: @unchecked Sendable {
    // @unchecked: `server` is written once before any request arrives and only read afterwards.
    // weak: the server holds the responder, which holds this gate (a strong reference was a cycle that kept
    // the stopped server and its loops alive; LeakSanitizer reported it).
    weak var server: Server?
    private let started = Atomic<Bool>(false)

    /// Waits (at most 5 s) until a request is held in the handler.
    func waitForHeldRequest() {
        let deadline = ContinuousClock.now + .seconds(5)
        while !started.load(ordering: .relaxed), ContinuousClock.now < deadline { usleep(5_000) }
    }

    /// Called by the handler: holds it (at most 5 s) until `stop` has been called.
    func waitForStop() {
        started.store(true, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(5)
        while server?.isStopping != true, ContinuousClock.now < deadline { usleep(5_000) }
    }
}

/// Echoes what it got, and has a few routes that misbehave on purpose.
struct EchoResponder: HTTPResponder {
    struct Failure: Error {}

    var gate: StopGate?

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        switch request.path {
        case "/throw":
            throw Failure()
        case "/slow":
            // Blocks this loop's thread on purpose: a request that is still in flight when stop() comes.
            if let gate { gate.waitForStop() } else { usleep(300_000) }
            return text("slow done")
        case "/no-content":
            return HTTPResponse(status: .noContent, body: Array("dropped".utf8))
        case "/not-modified":
            return HTTPResponse(status: .notModified, headers: HTTPHeaders([("ETag", "\"v1\"")]))
        case "/split":
            return HTTPResponse(headers: HTTPHeaders([("X-Evil", "a\r\nSet-Cookie: b"), ("X-Fine", "ok")]))
        case "/reserved":
            // Headers the server writes itself, in any case, and names or values that are not allowed.
            return HTTPResponse(headers: HTTPHeaders([
                ("content-LENGTH", "999"), ("DATE", "yesterday"), ("connection", "upgrade"),
                ("Transfer-Encoding", "chunked"), ("Bad Name", "v"), ("X-Nul", "a\u{0}b"), ("", "empty"),
                ("X-Dated", "kept"), ("ETag", "\"same length as date\""), ("Connectionx", "kept"),
            ]), body: Array("four".utf8))
        default:
            let body = String(decoding: request.body, as: UTF8.self)
            return text("\(request.method) \(request.path) \(request.query ?? "-") \(body)")
        }
    }

    private func text(_ body: String) -> HTTPResponse {
        HTTPResponse(headers: HTTPHeaders([("Content-Type", "text/plain")]), body: Array(body.utf8))
    }
}

/// How many of this process's descriptors are server-side sockets of `port` (listening or accepted: their
/// local port is `port`). Other tests run in parallel, so counting all descriptors would not say whose they are.
func serverSocketCount(port: Int) -> Int {
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, let colon = fields[1].lastIndex(of: ":"),
                  Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return descriptors.filter { fd in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
              target.hasPrefix("socket:[") else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }.count
}
