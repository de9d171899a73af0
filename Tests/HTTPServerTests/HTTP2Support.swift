import DatelineTesting
import Foundation
import HTTPServer
import Locking

/// Deferred answers the test completes itself: each `/hold` request waits here until `completeAll`.
final class Holds: Sendable {
    private let state = LockedValue<(held: [ResponseCompletion], most: Int, total: Int)>(([], 0, 0))

    fileprivate func add(_ completion: ResponseCompletion) {
        state.withLock {
            $0.held.append(completion)
            $0.total += 1
            $0.most = max($0.most, $0.held.count)
        }
    }

    /// Requests held right now (answers the server still owes).
    var count: Int { state.withLock { $0.held.count } }
    /// The most held at once.
    var most: Int { state.withLock { $0.most } }
    /// Held in all.
    var total: Int { state.withLock { $0.total } }

    /// Answers every held request `200 held`.
    func completeAll() {
        let held = state.withLock { state in
            defer { state.held.removeAll() }
            return state.held
        }
        for completion in held { completion.complete(HTTPResponse(body: Array("held".utf8))) }
    }
}

/// The HTTP/2 tests' routes: `/hold` (deferred until the test says), `/big` (1 MiB), `/stream` (streamed,
/// see `StreamingResponder`), and `EchoResponder`'s for the rest.
struct HTTP2Responder: HTTPResponder {
    let holds: Holds
    let tap: StreamTap
    static let big: [UInt8] = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }

    init(holds: Holds = Holds(), tap: StreamTap = StreamTap()) {
        self.holds = holds
        self.tap = tap
    }

    func respond(to request: HTTPRequest) throws -> HTTPResponse {
        switch request.path {
        case "/hold":
            return .deferred { [holds] completion in holds.add(completion) }
        case "/big":
            return HTTPResponse(headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: Self.big)
        case "/stream":
            return try StreamingResponder(tap: tap).respond(to: request)
        case "/version":
            return HTTPResponse(body: Array("\(request.version) \(request.headers["Host"] ?? "-")".utf8))
        default:
            return try EchoResponder().respond(to: request)
        }
    }
}
