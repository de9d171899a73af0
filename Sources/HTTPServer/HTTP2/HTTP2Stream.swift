import CNGHTTP2

/// One HTTP/2 stream on the loop thread: the request as its frames arrive, then the response body that
/// nghttp2 pulls from it (fixed, or written later by a `StreamWriter`).
final class HTTP2Stream {
    let id: Int32
    /// Strong: the loop may still hold this stream (a flush scheduled, a completion) after the connection closed;
    /// the cycle ends when the stream closes.
    private let connection: HTTP2Connection

    // MARK: The request

    var method = ""
    var path = ""
    var authority: String?
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// Header bytes counted against `maxHeaderBytes` (name, value and 4 per field, as in HTTP/1).
    var headerBytes = 0
    /// Set when a limit was passed: the request is answered with this error instead of the responder.
    var refusal: HTTPServerError?
    /// The client ended its side (END_STREAM).
    var requestComplete = false
    /// A response was submitted (or is deferred): later request bytes are dropped.
    var answered = false
    var receivedAt = ContinuousClock.now

    // MARK: The response

    /// A fixed body, and how much of it nghttp2 has taken.
    var responseBody: [UInt8] = []
    var responseOffset = 0
    /// A streamed body: chunks written but not yet taken by nghttp2, and whether it has ended.
    var isStreaming = false
    var writer: StreamWriter?
    var streamPending: [UInt8] = []
    var streamPendingStart = 0
    var streamFinished = false
    /// The data source answered NGHTTP2_ERR_DEFERRED: resume it when the writer adds bytes.
    var dataDeferred = false
    /// The deferred answer's completion token, and the request it answers.
    var awaiting: (request: HTTPRequest, token: UInt64)?
    var isClosed = false

    init(id: Int32, connection: HTTP2Connection) {
        self.id = id
        self.connection = connection
    }

    /// The data source's read callback: copies the next streamed bytes into nghttp2's frame buffer, or says
    /// how many of a fixed body go in the next DATA frame.
    func readBody(into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: inout UInt32) -> Int {
        if isStreaming {
            let available = streamPending.count - streamPendingStart
            if available == 0 {
                if streamFinished {
                    flags |= DataFlags.eof
                    return 0
                }
                dataDeferred = true
                return DataFlags.deferred
            }
            let count = min(available, length)
            streamPending.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + streamPendingStart, count: count) }
            streamPendingStart += count
            if streamPendingStart == streamPending.count {
                streamPending.removeAll(keepingCapacity: true)
                streamPendingStart = 0
            }
            writer?.unsent.store(streamPending.count - streamPendingStart, ordering: .relaxed)
            return count
        }
        // A fixed body is not copied into nghttp2's buffer: `writeBody` appends it to the output later.
        let count = min(responseBody.count - responseOffset, length)
        flags |= DataFlags.noCopy
        if responseOffset + count == responseBody.count { flags |= DataFlags.eof }
        return count
    }

    /// Appends the next `length` bytes of a fixed body (the DATA frame's payload) to `output`.
    func writeBody(_ length: Int, to output: inout [UInt8]) {
        output.append(contentsOf: responseBody[responseOffset..<(responseOffset + length)])
        responseOffset += length
        if responseOffset == responseBody.count { responseBody = [] }
    }

    /// nghttp2 closed the stream (answered, reset, or the connection ended).
    func closed(loop: EventLoop) {
        isClosed = true
        if let writer { loop.closeStream(writer) }
        writer = nil
        if let awaiting { loop.cancelDeferred(awaiting.token) }
        awaiting = nil
    }
}

extension HTTP2Stream: DeferredResponseTarget {
    func deliverDeferred(_ response: HTTPResponse, token: UInt64) {
        guard let (request, expected) = awaiting, expected == token, !isClosed else { return }
        awaiting = nil
        connection.answer(self, request: request, with: response)
        connection.flushAfterCommand()
    }
}

extension HTTP2Stream: ResponseStreamTarget {
    func streamWrite(_ bytes: [UInt8]) {
        guard let writer, !isClosed else { return }
        writer.dequeued(bytes.count)
        streamPending.append(contentsOf: bytes)
        writer.unsent.store(streamPending.count - streamPendingStart, ordering: .relaxed)
        connection.resume(self)
    }

    func streamFinish() {
        guard writer != nil, !isClosed else { return }
        streamFinished = true
        connection.resume(self)
    }

    /// Too far behind (the client's window stays shut): this stream is reset, the others go on.
    func streamAbort() {
        guard !isClosed else { return }
        connection.reset(self)
    }

    func flushStream() {
        connection.flushAfterCommand()
    }
}

/// nghttp2's data-source flags and return values, as Swift integers.
enum DataFlags {
    static let eof = NGHTTP2_DATA_FLAG_EOF.rawValue
    static let noCopy = NGHTTP2_DATA_FLAG_NO_COPY.rawValue
    static let deferred = Int(NGHTTP2_ERR_DEFERRED.rawValue)
}
