import DatelineTesting
import Foundation
import Testing

/// Sends a GET on `client` and reads the answer's status; nil when none came within the client's timeout.
private func status(of client: RawHTTPClient, _ path: String = "/health") -> Int? {
    try? client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
    return try? client.readResponse().status
}

/// Sets another process's RLIMIT_NOFILE with util-linux's `prlimit` (Swift's Glibc module leaves out
/// prlimit(2), a GNU extension).
private func lowerDescriptorLimit(of pid: Int32, to limit: Int) throws {
    let tool = Process()
    tool.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
    tool.arguments = ["--pid", "\(pid)", "--nofile=\(limit):\(limit)"]
    try tool.run()
    tool.waitUntilExit()
    guard tool.terminationStatus == 0 else { throw ProcessFailure(message: "prlimit exited \(tool.terminationStatus)") }
}

/// The accept path under EMFILE, in a child process whose descriptor limit the test lowers (the test
/// runner's own limit is untouched).
@Suite("Faults: out of descriptors", .serialized, .timeLimit(.minutes(2)))
struct DescriptorExhaustionTests {
    @Test("EMFILE: accept backs off instead of spinning, held connections are served, and it recovers when descriptors free up")
    func acceptBacksOff() throws {
        let server = try ServerProcess(["serve", "--port", "0", "--event-loops", "1", "--log-level", "notice"])
        let port = try server.waitForPort()
        let pid = server.process.processIdentifier
        defer { server.signal(SIGKILL) }
        #expect(try get("/health", port: port).status == 200)

        // Room for a handful more descriptors than the server holds now.
        let open = ProcessFigures.settledDescriptorCount(pid)
        try lowerDescriptorLimit(of: pid, to: open + 4)

        // Connect until one is not answered: the kernel completed its handshake, but the server cannot accept it.
        var served: [RawHTTPClient] = []
        var waiting: RawHTTPClient?
        for _ in 0..<20 where waiting == nil {
            let client = try RawHTTPClient(port: port, timeout: .seconds(3))
            if status(of: client) == 200 { served.append(client) } else { waiting = client }
        }
        let pending = try #require(waiting, "20 connections were all accepted under a limit of \(open + 4) descriptors")
        // About 4 (one more if a descriptor counted above was still closing); at least the 2 this test frees.
        #expect(served.count >= 2, "\(served.count) accepted")

        // Out of descriptors, the listener stays readable: a loop retrying at once burns a core (measured: 0.4 s
        // of CPU in this second on a busy 2-core machine, against 0 while backing off).
        let ticksBefore = try #require(ProcessFigures.cpuTicks(pid))
        usleep(1_000_000)
        let ticksAfter = try #require(ProcessFigures.cpuTicks(pid))
        #expect(ticksAfter - ticksBefore < ProcessFigures.ticksPerSecond / 10, "\(ticksAfter - ticksBefore) ticks of CPU in 1 s")
        #expect(server.standardOutput.contains("accept failed") || server.standardError.contains("accept failed"))
        // Ten failures a second, logged once per 10 s (a slow run may reach a second line), not once each.
        let logged = (server.standardOutput + server.standardError).components(separatedBy: "accept failed").count - 1
        #expect(logged <= 2, "\(logged) accept failures logged in about a second")

        // The connections it holds go on being served meanwhile.
        for client in served { #expect(status(of: client) == 200) }

        // One leaves: its descriptor frees up and the waiting connection is accepted and answered (its request
        // was sent above and has waited in the socket).
        served.removeLast().close()
        #expect((try? pending.readResponse().status) == 200)
        // Another leaves: a new client gets in.
        served.removeLast().close()
        let fresh = try RawHTTPClient(port: port, timeout: .seconds(5))
        #expect(status(of: fresh) == 200)
        #expect(server.process.isRunning)
    }
}
