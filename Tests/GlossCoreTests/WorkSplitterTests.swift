import Dispatch
import XCTest

@testable import GlossCore

/// The splitter hands out every file once, in order within a part, and its parts tile the list as
/// contiguous runs however the cores race for them.
final class WorkSplitterTests: XCTestCase {
    func testSplitsTakeTheBackHalfOfTheBusiestPart() {
        let splitter = WorkSplitter(count: 100, parts: 2)
        XCTAssertEqual(splitter.ranges, [0..<50, 50..<100])
        for _ in 0..<50 { XCTAssertNotNil(splitter.next(in: 0)) }
        XCTAssertNil(splitter.next(in: 0))
        XCTAssertEqual(splitter.next(in: 1), 50)
        // Part 1 has 49 left: the back 24 become part 2.
        XCTAssertEqual(splitter.split(minimum: 10), 2)
        XCTAssertEqual(splitter.ranges, [0..<50, 50..<76, 76..<100])
        XCTAssertEqual(splitter.start(of: 2), 76)
        XCTAssertEqual(splitter.next(in: 2), 76)
        // Too little left anywhere for a part of at least 20.
        XCTAssertNil(splitter.split(minimum: 20))
    }

    func testRacingCoresTakeEveryFileOnceInContiguousParts() {
        for (count, cores) in [(0, 2), (1, 2), (7, 3), (1_000, 2), (5_000, 4), (20_000, 3)] {
            let splitter = WorkSplitter(count: count, parts: cores)
            let taken = ParallelMap.map(Array(0..<splitter.initialPartCount)) { first -> [[Int]] in
                var runs: [[Int]] = []
                var part: Int? = first
                while let current = part {
                    var run: [Int] = []
                    while let index = splitter.next(in: current) { run.append(index) }
                    runs.append(run)
                    part = splitter.split(minimum: 3)
                }
                return runs
            }
            let runs = taken.flatMap { $0 }
            XCTAssertEqual(runs.flatMap { $0 }.sorted(), Array(0..<count), "\(count) files on \(cores) cores")
            for run in runs where !run.isEmpty {
                XCTAssertEqual(run, Array(run[0]..<(run[0] + run.count)), "a part is a contiguous run, in order")
            }
            let ranges = splitter.ranges.sorted { $0.lowerBound < $1.lowerBound }
            XCTAssertEqual(ranges.first?.lowerBound ?? 0, 0)
            XCTAssertEqual(ranges.last?.upperBound ?? 0, count)
            for (range, next) in zip(ranges, ranges.dropFirst()) { XCTAssertEqual(range.upperBound, next.lowerBound) }
        }
    }
}
