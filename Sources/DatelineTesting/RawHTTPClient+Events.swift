#if canImport(Glibc)
import Glibc
#endif

/// One Server-Sent Events block: its `id:`, `event:` and `data:` lines, and any comment lines (`: …`).
public struct ServerSentEvent: Sendable, Equatable {
    /// The `id:` line's value.
    public var id: String?
    /// The `event:` line's value (the event type).
    public var event: String?
    /// `data:` lines joined with newlines; nil when the block had none.
    public var data: String?
    /// Comment lines without the leading colon and space.
    public var comments: [String] = []

    /// A block of comments only (a heartbeat).
    public var isComment: Bool { id == nil && event == nil && data == nil && !comments.isEmpty }
}

extension RawHTTPClient {
    /// Reads the head of a streamed response (whatever of the body already came is kept for `nextEvent`).
    public func readStreamHead() throws -> RawHTTPResponse {
        let response = try readResponse(headRequest: true)
        streamChunked = response.header("Transfer-Encoding")?.lowercased() == "chunked"
        streamEnded = false
        sawLastChunk = false
        return response
    }

    /// The next event block of an event stream, waiting at most `within`; nil if none came in time. Throws
    /// `RawHTTPClientError.closed` once the stream has ended (last chunk or close) with no whole block left.
    public func nextEvent(within: Duration) throws -> ServerSentEvent? {
        let deadline = ContinuousClock.now + within
        while true {
            decodeStream()
            if let block = takeBlock() { return Self.parse(block) }
            if streamEnded { throw RawHTTPClientError.closed(received: streamText.count) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return nil }
            var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = max(1, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&pollDescriptor, 1, milliseconds) > 0 else { continue }
            let chunk = try receive()
            if chunk.isEmpty {
                decodeStream()
                streamEnded = true
            }
            buffer += chunk
        }
    }

    /// Events (not comments) until `count` have come or `within` has passed.
    public func events(_ count: Int, within: Duration) throws -> [ServerSentEvent] {
        let deadline = ContinuousClock.now + within
        var events: [ServerSentEvent] = []
        while events.count < count, ContinuousClock.now < deadline {
            guard let event = try nextEvent(within: deadline - ContinuousClock.now) else { break }
            if !event.isComment { events.append(event) }
        }
        return events
    }

    /// Moves whole chunks (or, unchunked, every byte) from `buffer` to `streamText`.
    private func decodeStream() {
        guard streamChunked else {
            streamText += buffer
            buffer.removeAll()
            return
        }
        let crlf: [UInt8] = [13, 10]
        while !streamEnded, let lineEnd = Self.find(crlf, in: buffer) {
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16) else {
                streamEnded = true
                return
            }
            if size == 0 {
                streamEnded = true
                sawLastChunk = true
                buffer.removeAll()
                return
            }
            guard buffer.count >= lineEnd + 2 + size + 2 else { return }
            streamText += buffer[(lineEnd + 2)..<(lineEnd + 2 + size)]
            buffer.removeFirst(lineEnd + 2 + size + 2)
        }
    }

    /// The text of the first whole block (up to a blank line), removed from `streamText`.
    private func takeBlock() -> String? {
        guard let end = Self.find([10, 10], in: streamText) else { return nil }
        let block = String(decoding: streamText[..<end], as: UTF8.self)
        streamText.removeFirst(end + 2)
        return block
    }

    private static func parse(_ block: String) -> ServerSentEvent {
        var event = ServerSentEvent()
        var data: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                event.comments.append(String(line.dropFirst().drop { $0 == " " }))
                continue
            }
            let name = line.prefix { $0 != ":" }
            var value = line.dropFirst(name.count).dropFirst()
            if value.hasPrefix(" ") { value = value.dropFirst() }
            switch name {
            case "id": event.id = String(value)
            case "event": event.event = String(value)
            case "data": data.append(String(value))
            default: break
            }
        }
        if !data.isEmpty { event.data = data.joined(separator: "\n") }
        return event
    }
}
