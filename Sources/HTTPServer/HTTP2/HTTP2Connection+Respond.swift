import CNGHTTP2
#if canImport(Glibc)
import Glibc
#endif

extension HTTP2Connection {
    /// A stream's request is complete (or refused early): answer it.
    func dispatch(_ stream: HTTP2Stream) {
        guard !stream.answered else { return }
        if let refusal = stream.refusal {
            refuse(stream, refusal)
        } else {
            respond(stream, to: stream.makeRequest(remoteAddress: remoteAddress))
        }
    }

    /// Calls the responder, exactly as HTTP/1 does.
    func respond(_ stream: HTTP2Stream, to request: HTTPRequest) {
        stream.answered = true
        loop.counters.requests.add(1, ordering: .relaxed)
        var response: HTTPResponse
        do {
            response = try loop.responder.respond(to: request)
        } catch {
            loop.logger.error("responder threw", metadata: ["error": "\(error)", "target": "\(request.target)"])
            response = loop.responder.respond(to: .handlerFailed, request: request)
        }
        answer(stream, request: request, with: response)
    }

    /// Answers with the server's error response (a limit passed, a body that stopped coming). The client may
    /// still be sending: once the response has ended the stream, it is reset with NO_ERROR (RFC 9113 §8.1).
    func refuse(_ stream: HTTP2Stream, _ error: HTTPServerError) {
        guard !stream.answered else { return }
        stream.answered = true
        stream.body = []
        loop.counters.malformed.add(1, ordering: .relaxed)
        let request = stream.makeRequest(remoteAddress: remoteAddress)
        answer(stream, request: request, with: loop.responder.respond(to: error, request: request))
    }

    /// Submits `response` on `stream`: headers, then a fixed body, a streamed one, or (deferred) later.
    func answer(_ stream: HTTP2Stream, request: HTTPRequest, with response: HTTPResponse) {
        guard !stream.isClosed else { return }
        if let start = response.deferred {
            let completion = loop.openDeferred(for: stream)
            stream.awaiting = (request, completion.token)
            start(completion)
            return
        }
        let headOnly = request.method == "HEAD" || response.status.forbidsBody
        if let body = response.stream {
            buildHeaders(response, contentLength: nil)
            if headOnly || loop.counters.draining.load(ordering: .relaxed) {
                submit(stream, withBody: false)
                return
            }
            let writer = loop.openStream(for: stream)
            stream.writer = writer
            stream.isStreaming = true
            guard submit(stream, withBody: true) else {
                loop.closeStream(writer)
                stream.writer = nil
                return
            }
            body.start(writer: writer)
            return
        }
        buildHeaders(response, contentLength: response.status.forbidsBody ? nil : response.body.count)
        if headOnly || response.body.isEmpty {
            submit(stream, withBody: false)
        } else {
            stream.responseBody = response.body
            submit(stream, withBody: true)
        }
    }

    /// Hands the headers built by `buildHeaders` (and a data source pulling from the stream) to nghttp2.
    @discardableResult
    private func submit(_ stream: HTTP2Stream, withBody: Bool) -> Bool {
        let status = headerBytes.withUnsafeMutableBufferPointer { bytes -> Int32 in
            let base = bytes.baseAddress!
            nameValues.removeAll(keepingCapacity: true)
            for span in headerSpans {
                nameValues.append(nghttp2_nv(
                    name: base + span.name.lowerBound, value: base + span.value.lowerBound,
                    namelen: span.name.count, valuelen: span.value.count, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)
                ))
            }
            guard withBody else {
                return nghttp2_submit_response(session, stream.id, nameValues, nameValues.count, nil)
            }
            var provider = nghttp2_data_provider()
            provider.read_callback = { _, streamID, buffer, length, flags, _, userData in
                let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData!).takeUnretainedValue()
                guard let stream = connection.stream(streamID), let buffer, let flags else {
                    return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
                }
                return stream.readBody(into: buffer, length: length, flags: &flags.pointee)
            }
            return nghttp2_submit_response(session, stream.id, nameValues, nameValues.count, &provider)
        }
        return status == 0
    }

    // MARK: Headers

    /// `:status`, the responder's headers (lower-cased; hop-by-hop ones and the server's own dropped, as
    /// over HTTP/1), `date`, and `content-length` when given, into the reusable scratch buffers.
    private func buildHeaders(_ response: HTTPResponse, contentLength: Int?) {
        headerBytes.removeAll(keepingCapacity: true)
        headerSpans.removeAll(keepingCapacity: true)
        let code = response.status.code
        appendField(Self.statusName, [
            UInt8(ascii: "0") + UInt8(code / 100 % 10), UInt8(ascii: "0") + UInt8(code / 10 % 10), UInt8(ascii: "0") + UInt8(code % 10),
        ])
        for (name, value) in response.headers where ResponseWriter.isAllowed(name: name, value: value) && !Self.isHopByHop(name) {
            let nameStart = headerBytes.count
            for byte in name.utf8 {
                headerBytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            }
            let valueStart = headerBytes.count
            headerBytes.append(contentsOf: value.utf8)
            headerSpans.append((nameStart..<valueStart, valueStart..<headerBytes.count))
        }
        appendField(Self.dateName, currentDate())
        if let contentLength { appendField(Self.contentLengthName, Array(String(contentLength).utf8)) }
    }

    private func appendField(_ name: [UInt8], _ value: [UInt8]) {
        let nameStart = headerBytes.count
        headerBytes.append(contentsOf: name)
        let valueStart = headerBytes.count
        headerBytes.append(contentsOf: value)
        headerSpans.append((nameStart..<valueStart, valueStart..<headerBytes.count))
    }

    /// Connection-specific fields, which HTTP/2 forbids (RFC 9113 §8.2.2); `Connection` and
    /// `Transfer-Encoding` are already the server's own.
    private static func isHopByHop(_ name: String) -> Bool {
        HTTPHeaders.namesMatch(name, "Keep-Alive") || HTTPHeaders.namesMatch(name, "Proxy-Connection")
            || HTTPHeaders.namesMatch(name, "Upgrade") || HTTPHeaders.namesMatch(name, "TE")
    }

    /// The `date` value, formatted once a second.
    private func currentDate() -> [UInt8] {
        let now = time(nil)
        if now != dateSecond {
            dateSecond = now
            dateValue = Array(HTTPDate.format(secondsSince1970: Int64(now)).utf8)
        }
        return dateValue
    }

    private static let statusName = Array(":status".utf8)
    private static let dateName = Array("date".utf8)
    private static let contentLengthName = Array("content-length".utf8)
}
