import Foundation
import Testing

/// A PostgreSQL cluster of the test's own (scripts/test-postgres.sh), for tests that stop and start the
/// database: taking the shared test cluster away would break the tests running beside them.
final class PrivateCluster: Sendable {
    let directory: String
    let url: String

    /// The package's root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        // Only under `make test`, like every PostgreSQL test (the script installs and starts as root).
        _ = try TestDatabase.serverURL()
        let script = Self.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path
        let output = try Self.run(script, ["start"])
        // The last line is the directory (anything before it is the installer talking).
        directory = output.split(separator: "\n").last.map(String.init) ?? ""
        url = try String(contentsOfFile: directory + "/url", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `pg_ctl` on this cluster (as postgres): `stop -m fast`, `start`.
    func control(_ arguments: String...) throws {
        _ = try Self.run(directory + "/pg_ctl", arguments)
    }

    /// Sends `signal` to the cluster's postmaster and every process it started (its backends, the listener's
    /// included): SIGSTOP freezes the database as a paused host would, with its sockets still open and the
    /// kernel still acknowledging TCP; SIGCONT thaws it.
    func signalEveryProcess(_ signal: Int32) throws {
        let pidFile = try String(contentsOfFile: directory + "/data/postmaster.pid", encoding: .utf8)
        guard let postmaster = pidFile.split(separator: "\n").first.flatMap({ pid_t($0) }) else {
            throw ClusterFailure(message: "no pid in postmaster.pid")
        }
        var pids = [postmaster]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm) ": the state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, pid_t(fields[1]) == postmaster { pids.append(pid) }
        }
        for pid in pids { kill(pid, signal) }
    }

    /// Stops the cluster and removes its directory.
    func remove() {
        let script = Self.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path
        _ = try? Self.run(script, ["stop", directory])
    }

    /// Runs `executable` and returns its standard output; throws with its output when it fails. posix_spawn and
    /// waitpid rather than Foundation's Process, whose waitUntilExit hung here when called from a test task.
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-cluster-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ClusterFailure(message: "cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited (low 7 bits zero) with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw ClusterFailure(message: "\(executable) \(arguments) failed (status \(status)): \(text)")
        }
        return text
    }
}

struct ClusterFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
