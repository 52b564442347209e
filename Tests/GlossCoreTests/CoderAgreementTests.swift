import Foundation
import XCTest

@testable import GlossCore

/// The units `compare` counts as coded, grouped in one pass, against the per-document scan it replaced,
/// on random codings of whole documents, sections and units, and marks.
final class CoderAgreementTests: XCTestCase {
    func testCodedUnitsAgreeWithAPerDocumentScan() throws {
        let names = ["harbor-barrier-vote.txt", "river-towns-broadband.md"]
        let articles =
            try names.map { name in (name, try ReaderFixture(sample: name).text) }
            + [("recycling-faq-wire.txt", try ReaderFixture("recycling-faq-wire.txt").text)]
        let tags = ["theme", "theme/cost", "theme/cost/grants", "actor", "other"]
        for seed in 1...6 {
            var random = ReferenceRandom(seed: UInt64(seed))
            let session = TestSession.make(articles)
            let workspace = session.workspace
            for _ in 0..<30 {
                let document = workspace.corpus.loadedDocumentIndices[random.next(workspace.corpus.loadedDocumentCount)]
                let elements = workspace.elements(ofDocument: document)
                let ref = elements[random.next(elements.count)]
                let tag = tags[random.next(tags.count)]
                if random.next(3) == 0, CoderAgreement.isUnit(ref.address) || isSection(ref.address) {
                    let words = workspace.corpus.text(of: ref).split(separator: " ").prefix(2).joined(separator: " ")
                    guard !words.isEmpty, !words.contains("\"") else { continue }
                    _ = session.execute("mark \(workspace.corpus.label(ref, qualified: true)) \"\(words)\" \(tag)")
                } else {
                    _ = session.execute("tag \(workspace.corpus.label(ref, qualified: true)) \(tag)")
                }
            }
            XCTAssertGreaterThan(workspace.annotations.marks.count, 0, "seed \(seed) made marks")
            for tag in tags {
                let key = Tag.key(tag)
                for includeChildren in [false, true] {
                    let grouped = CoderAgreement.codedUnits(
                        carrying: key, includeChildren: includeChildren, in: workspace)
                    for document in workspace.corpus.loadedDocumentIndices {
                        XCTAssertEqual(
                            grouped[document] ?? [], Self.reference(key, includeChildren, document, workspace),
                            "seed \(seed) tag \(tag) children \(includeChildren) document \(document)")
                    }
                }
            }
        }
    }

    private func isSection(_ address: ElementAddress) -> Bool {
        if case .section = address { return true }
        return false
    }

    /// The scan `compare` ran before, for one document at a time.
    private static func reference(_ key: String, _ includeChildren: Bool, _ document: Int, _ workspace: Workspace)
        -> Set<ElementAddress>
    {
        let annotations = workspace.annotations
        let keys = includeChildren ? Set(annotations.subtree(key)) : [key]
        var coded = Set<ElementAddress>()
        let elements = workspace.elements(ofDocument: document).filter { CoderAgreement.isUnit($0.address) }
        func unitsUnder(_ ref: ElementRef) -> [ElementAddress] {
            switch ref.address {
            case .document: return elements.map(\.address)
            case .section:
                return elements.filter { NoteListing.target(.element($0), liesWithin: [ref], in: workspace) }.map(
                    \.address)
            default: return [ref.address]
            }
        }
        for key in keys {
            for ref in annotations.tagElements[key] ?? [] where ref.document == document {
                coded.formUnion(unitsUnder(ref))
            }
        }
        for mark in annotations.marks.values
        where mark.element.document == document && !keys.isDisjoint(with: mark.tags) {
            coded.formUnion(unitsUnder(mark.element))
        }
        return coded
    }
}
