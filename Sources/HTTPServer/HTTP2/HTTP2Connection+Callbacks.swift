import CNGHTTP2

/// nghttp2's callbacks: C function pointers that find their connection through `user_data` (unretained:
/// the session never outlives it). They only record and answer; closing waits until nghttp2 returns.
extension HTTP2Connection {
    static func install(_ callbacks: OpaquePointer) {
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks) { _, frame, userData in
            guard let frame, let userData else { return 0 }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            if frame.pointee.hd.type == UInt8(NGHTTP2_HEADERS.rawValue),
               frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST {
                _ = connection.openStream(frame.pointee.hd.stream_id)
            }
            return 0
        }
        nghttp2_session_callbacks_set_on_header_callback(callbacks) { _, frame, name, nameLength, value, valueLength, _, userData in
            guard let frame, let userData, let name, let value else { return 0 }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            // Trailers (a later HEADERS) are decoded and dropped, as HTTP/1's are.
            guard frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST,
                  let stream = connection.stream(frame.pointee.hd.stream_id) else { return 0 }
            stream.receiveHeader(
                name: UnsafeBufferPointer(start: name, count: nameLength),
                value: UnsafeBufferPointer(start: value, count: valueLength),
                limits: connection.loop.limits
            )
            return 0
        }
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) { _, _, streamID, data, length, userData in
            guard let userData, let data else { return 0 }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            guard let stream = connection.stream(streamID) else { return 0 }
            stream.receiveBody(UnsafeBufferPointer(start: data, count: length), limit: connection.loop.limits.maxBodyBytes)
            // Refused for its size: answered at once, while the client may still be sending.
            if stream.refusal != nil { connection.dispatch(stream) }
            return 0
        }
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, userData in
            guard let frame, let userData else { return 0 }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            return connection.received(frame.pointee)
        }
        nghttp2_session_callbacks_set_on_frame_send_callback(callbacks) { session, frame, userData in
            guard let frame, let userData else { return 0 }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            let type = UInt32(frame.pointee.hd.type)
            // Our response ended the stream while the client is still sending (a refused body): tell it to stop.
            if type == NGHTTP2_HEADERS.rawValue || type == NGHTTP2_DATA.rawValue,
               frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0,
               let stream = connection.stream(frame.pointee.hd.stream_id), !stream.requestComplete {
                nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, NGHTTP2_NO_ERROR.rawValue)
            }
            return 0
        }
        nghttp2_session_callbacks_set_send_data_callback(callbacks) { _, frame, header, length, _, userData in
            guard let frame, let header, let userData else { return NGHTTP2_ERR_CALLBACK_FAILURE.rawValue }
            let connection = Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue()
            guard let stream = connection.stream(frame.pointee.hd.stream_id) else {
                return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
            }
            connection.writeDataFrame(header: UnsafeBufferPointer(start: header, count: 9), padding: Int(frame.pointee.data.padlen),
                                      length: length, from: stream)
            return 0
        }
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) { _, streamID, _, userData in
            guard let userData else { return 0 }
            Unmanaged<HTTP2Connection>.fromOpaque(userData).takeUnretainedValue().streamClosed(streamID)
            return 0
        }
    }

    /// A whole frame arrived: a request that is complete (or refused) is answered; resets are counted.
    func received(_ frame: nghttp2_frame) -> Int32 {
        let type = UInt32(frame.hd.type)
        let endStream = frame.hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
        switch type {
        case NGHTTP2_HEADERS.rawValue, NGHTTP2_DATA.rawValue:
            guard let stream = stream(frame.hd.stream_id) else { return 0 }
            if endStream { stream.requestComplete = true }
            if endStream || (type == NGHTTP2_HEADERS.rawValue && stream.refusal != nil) { dispatch(stream) }
        case NGHTTP2_RST_STREAM.rawValue:
            if countReset() {
                loop.logger.warning("HTTP/2 client reset streams in a flood; closing", metadata: ["remote": "\(remoteAddress)"])
                terminate(NGHTTP2_ENHANCE_YOUR_CALM)
                // Stop processing what else it sent: GOAWAY goes out and the connection closes.
                return NGHTTP2_ERR_CALLBACK_FAILURE.rawValue
            }
        default:
            break
        }
        return 0
    }
}
