import DatelineTesting
import Foundation
import Testing

/// What /proc says about a process: memory, descriptors, CPU time.
enum ProcessFigures {
    /// A `kB` line of /proc/PID/status (VmRSS, VmHWM ...) in bytes.
    static func status(_ pid: Int32, _ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let number = line.dropFirst(field.count + 1).split { $0 == " " || $0 == "\t" }.first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }

    /// Open descriptors.
    static func descriptorCount(_ pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// The descriptor count once it has not changed for half a second (at most 10 s of waiting).
    static func settledDescriptorCount(_ pid: Int32) -> Int {
        var count = descriptorCount(pid)
        var stableSince = ContinuousClock.now
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now - stableSince < .milliseconds(500), ContinuousClock.now < deadline {
            usleep(50_000)
            let now = descriptorCount(pid)
            if now != count {
                count = now
                stableSince = .now
            }
        }
        return count
    }

    /// User plus system CPU time so far, in clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state is field 3, utime 14 and stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    static var ticksPerSecond: Int { sysconf(Int32(_SC_CLK_TCK)) }
}

/// Raises this process's soft RLIMIT_NOFILE to at least `needed` (a child started afterwards inherits it).
/// The hard limit is raised too where allowed (root); if it cannot be, the error says what the test needs.
func raiseDescriptorLimit(to needed: Int) throws {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if Int(limit.rlim_cur) >= needed { return }
    var raised = limit
    raised.rlim_cur = rlim_t(needed)
    raised.rlim_max = max(limit.rlim_max, rlim_t(needed))
    guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 else {
        throw ProcessFailure(message: """
            this test needs \(needed) open files (RLIMIT_NOFILE); the soft limit is \(limit.rlim_cur) and the \
            hard limit \(limit.rlim_max) cannot be raised here (errno \(errno)): run it as root, or raise the \
            hard limit first (ulimit -Hn \(needed), or LimitNOFILE= / nofile in limits.conf)
            """)
    }
}

/// The value of the sample `series` (name and labels exactly as exposed) in a Prometheus text scrape.
func metricValue(_ series: String, in exposition: String) -> Double? {
    for line in exposition.split(separator: "\n") where line.hasPrefix(series + " ") {
        return Double(line.dropFirst(series.count + 1).trimmingCharacters(in: .whitespaces))
    }
    return nil
}
