import Foundation

/// Monotonic time and the statistics the harness reports: every figure is a median of repetitions
/// taken after warm-up runs that are not counted.
enum Clock {
    /// Nanoseconds on the monotonic clock.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Seconds taken by `body`.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return Double(now() - start) / 1e9
    }

    /// CPU seconds (user + system) this process has used, on all its threads. Less disturbed than
    /// wall time when other work shares the cores, so the report shows both for loads.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Resident memory of this process, from /proc/self/status.
enum Memory {
    /// Peak resident set size (VmHWM) in bytes.
    static var peakResident: Int { field("VmHWM:") }
    /// Current resident set size (VmRSS) in bytes.
    static var resident: Int { field("VmRSS:") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let kilobytes =
                line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
                ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

/// The machine's 1-minute load average (/proc/loadavg): other work running beside a benchmark makes
/// its figures noisy, so the report shows it.
enum MachineLoad {
    static var oneMinute: Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return .nan }
        return text.split(separator: " ").first.flatMap { Double($0) } ?? .nan
    }
}
