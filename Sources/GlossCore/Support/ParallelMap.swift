import Dispatch
import Foundation

/// Maps over a collection on all cores, keeping the order of the results.
enum ParallelMap {
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Splits into `count` contiguous parts of near-equal length.
    static func chunks<Element>(of elements: [Element], count: Int) -> [[Element]] {
        let size = (elements.count + max(1, count) - 1) / max(1, count)
        guard size > 0 else { return [] }
        return stride(from: 0, to: elements.count, by: size).map {
            Array(elements[$0..<min(elements.count, $0 + size)])
        }
    }

    static func map<Element, Result>(
        _ elements: [Element], minimumChunk: Int = 1, _ transform: (Element) -> Result
    ) -> [Result] where Element: Sendable, Result: Sendable {
        guard elements.count > 1 else { return elements.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: elements.count)
            results.initialize(repeating: nil)
            defer { results.deallocate() }
            let box = UnsafeSendableBox(transform: transform, results: results)
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                box.results[index] = box.transform(elements[index])
            }
            defer { results.deinitialize() }  // releases the results; deallocate alone would leak them
            return results.map { $0! }
        }
    }
}

/// Lets the closure and the result buffer cross into `concurrentPerform`: each index is written by one
/// iteration only, so there is no shared mutation.
private struct UnsafeSendableBox<Element, Result>: @unchecked Sendable {
    let transform: (Element) -> Result
    let results: UnsafeMutableBufferPointer<Result?>
}
