/// Whatever a streamed response's writes reach on the loop thread: an HTTP/1 connection, or an HTTP/2 stream.
protocol ResponseStreamTarget: AnyObject {
    /// A chunk the stream wrote.
    func streamWrite(_ bytes: [UInt8])
    /// The stream ended normally.
    func streamFinish()
    /// The stream fell too far behind: end it abruptly.
    func streamAbort()
    /// After a batch of commands: send what the writes queued.
    func flushStream()
}
