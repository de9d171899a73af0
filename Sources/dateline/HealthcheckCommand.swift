import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `dateline healthcheck`: GETs `/health` of a running server and exits 0 on a 200, 1 otherwise. The
/// container image's HEALTHCHECK runs it, so the image needs no curl.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the server answers GET /health with 200, 1 otherwise.",
        discussion: "The port comes from --port, else DATELINE_PORT, else PORT, else 8080: the same as `serve`'s."
    )

    @Option(help: "Address to connect to. (default 127.0.0.1)")
    var host = "127.0.0.1"

    @Option(help: "Port to connect to. (env DATELINE_PORT, then PORT; default 8080)")
    var port: Int?

    @Option(help: "Path to GET. (default /health; /ready checks readiness)")
    var path = "/health"

    @Option(help: "Seconds to wait for the answer. (default 3)")
    var timeout: Double = 3

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let port = port ?? environment["DATELINE_PORT"].flatMap { Int($0) } ?? environment["PORT"].flatMap { Int($0) } ?? 8080
        switch HealthProbe(host: host, port: port, path: path, timeout: timeout).status() {
        case .success(200):
            print("healthy: GET \(path) answered 200")
        case .success(let status):
            print("unhealthy: GET \(path) answered \(status)")
            throw ExitCode.failure
        case .failure(let error):
            print("unhealthy: \(error)")
            throw ExitCode.failure
        }
    }
}

/// One HTTP/1.1 GET on a blocking socket with send and receive timeouts; only the status line is read.
struct HealthProbe {
    var host: String
    var port: Int
    var path: String
    var timeout: Double

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func status() -> Result<Int, Failure> {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            return .failure(Failure(description: "cannot resolve \(host)"))
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return .failure(Failure(description: "socket: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        // On Linux the send timeout also bounds connect().
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            return .failure(Failure(description: "cannot connect to \(host):\(port): \(String(cString: strerror(errno)))"))
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUser-Agent: dateline-healthcheck\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            return .failure(Failure(description: "could not send the request"))
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while !received.contains(UInt8(ascii: "\n")), received.count < 4096 {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        // "HTTP/1.1 200 OK"
        let line = String(decoding: received.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            return .failure(Failure(description: "no HTTP answer from \(host):\(port)"))
        }
        return .success(status)
    }
}
