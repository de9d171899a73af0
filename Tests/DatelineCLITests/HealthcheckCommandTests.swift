import DatelineTesting
import Foundation
import Testing

@Suite("dateline healthcheck", .serialized, .timeLimit(.minutes(2)))
struct HealthcheckCommandTests {
    @Test("Exits 0 against a serving server, from --port or from DATELINE_PORT")
    func healthy() throws {
        let server = try ServerProcess(["serve", "--port", "0"])
        let port = try server.waitForPort()
        defer { server.signal(SIGKILL) }
        let byFlag = try ServerProcess(["healthcheck", "--port", String(port)])
        #expect(byFlag.waitForExit(timeout: .seconds(10)) == 0)
        #expect(byFlag.standardOutput.contains("answered 200"))
        let byEnvironment = try ServerProcess(["healthcheck"], environment: ["DATELINE_PORT": String(port)])
        #expect(byEnvironment.waitForExit(timeout: .seconds(10)) == 0)
    }

    @Test("Exits 1 when nothing listens, and when the path does not answer 200")
    func unhealthy() throws {
        let server = try ServerProcess(["serve", "--port", "0"])
        let port = try server.waitForPort()
        let wrongPath = try ServerProcess(["healthcheck", "--port", String(port), "--path", "/no-such-file"])
        #expect(wrongPath.waitForExit(timeout: .seconds(10)) == 1)
        #expect(wrongPath.standardOutput.contains("answered 404"))
        server.signal(SIGKILL)
        #expect(server.waitForExit(timeout: .seconds(10)) != nil)
        let closed = try ServerProcess(["healthcheck", "--port", String(port), "--timeout", "2"])
        #expect(closed.waitForExit(timeout: .seconds(10)) == 1)
        #expect(closed.standardOutput.contains("unhealthy"))
    }
}
