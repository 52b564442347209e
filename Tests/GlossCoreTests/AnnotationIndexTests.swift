import XCTest

@testable import GlossCore

/// `Annotations` keeps notes by target and marks by element as it applies edits; after any sequence of
/// edits and undos the lookups must equal a scan of every note and mark.
final class AnnotationIndexTests: XCTestCase {
    func testLookupsAgreeWithFullScansThroughEditsAndUndos() {
        let elements = (1...4).map { ElementRef(document: 0, address: .passage(section: 0, number: $0)) }
        let targets: [NoteTarget] = elements.map { .element($0) } + [.mark(1), .mark(2), .tag("cost")]
        var annotations = Annotations()
        var undo: [Annotations.Edit] = []
        var random = ReferenceRandom(seed: 5)
        for step in 0..<2_000 {
            let id = 1 + random.next(6)
            let edit: Annotations.Edit
            switch random.next(5) {
            case 0:
                let chosen = (0..<(1 + random.next(3))).map { _ in targets[random.next(targets.count)] }
                edit = .putNote(Note(id: id, targets: chosen, text: "note \(step)"))
            case 1 where annotations.notes[id] != nil:
                edit = .removeNote(id)
            case 2:
                edit = .putMark(
                    Mark(
                        id: id, element: elements[random.next(elements.count)], part: .paragraph, quote: "q",
                        start: 0, end: 1, before: "", after: "", tags: []))
            case 3 where annotations.marks[id] != nil:
                edit = .removeMark(id)
            default:
                guard let last = undo.popLast() else { continue }
                annotations.apply(last)
                continue
            }
            undo.append(annotations.apply(edit))
            for target in targets {
                let scanned = annotations.notes.values.filter { $0.targets.contains(target) }.sorted { $0.id < $1.id }
                XCTAssertEqual(annotations.notes(about: target), scanned, "step \(step), \(target)")
            }
            for element in elements {
                let scanned = annotations.marks.values.filter { $0.element == element }.sorted { $0.id < $1.id }
                XCTAssertEqual(annotations.marks(on: element), scanned, "step \(step)")
            }
        }
    }
}
