import Foundation
import GlossCore

/// Draws a load's progress on standard error when the load has taken more than a second and standard
/// error is a terminal: `loading [██████░░░░░░░░]  1,234 of 2,225 files`, redrawn in place, erased
/// when the load ends. A thread of its own polls the load's counter; the load never waits for it.
final class ProgressBar: LoadProgressObserver {
    /// Seconds before the bar appears; `GLOSS_PROGRESS_DELAY` changes it (tests set 0).
    let delay: Double
    private let lock = NSLock()
    private var running: (progress: LoadProgress, done: DispatchSemaphore, finished: DispatchSemaphore)?

    init(delay: Double = ProcessInfo.processInfo.environment["GLOSS_PROGRESS_DELAY"].flatMap(Double.init) ?? 1) {
        self.delay = delay
    }

    /// A bar when standard error is a terminal, else nil.
    static func forTerminal() -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func loadStarted(_ progress: LoadProgress) {
        let stop = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        lock.withLock { running = (progress, stop, finished) }
        let delay = self.delay
        // Without a delay (GLOSS_PROGRESS_DELAY=0) the bar is drawn at once, however short the load.
        let drawnAtOnce = delay <= 0
        if drawnAtOnce { Terminal.write("\r" + Self.line(progress, width: Terminal.width), to: STDERR_FILENO) }
        Thread.detachNewThread {
            let start = Date()
            var drawn = drawnAtOnce
            // Wakes every 100 ms, or at once when the load ends.
            while stop.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
                guard Date().timeIntervalSince(start) >= delay else { continue }
                Terminal.write("\r" + Self.line(progress, width: Terminal.width), to: STDERR_FILENO)
                drawn = true
            }
            if drawn { Terminal.write("\r\u{1B}[K", to: STDERR_FILENO) }
            finished.signal()
        }
    }

    func loadFinished(_ progress: LoadProgress) {
        guard let current = lock.withLock({ running }), current.progress === progress else { return }
        current.done.signal()
        // The bar is erased before anything else is written.
        current.finished.wait()
        lock.withLock { running = nil }
    }

    /// One line no wider than the terminal, ending without a newline.
    static func line(_ progress: LoadProgress, width: Int) -> String {
        let done = min(progress.done, progress.total)
        let counts = "  \(Counted.number(done)) of \(Counted.phrase(progress.total, "file"))"
        let barWidth = max(10, min(40, width - 12 - counts.count))
        let filled = progress.total == 0 ? barWidth : barWidth * done / progress.total
        return "loading [" + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            + "]" + counts
    }
}
