/// Reads unit texts in place for scans over many units (regex). It holds the workspace's arrays as
/// values: reading a document through the workspace, a class, would copy the document for each unit.
struct UnitTextReader: Sendable {
    let documents: [Document]
    let units: [Unit]

    @inline(__always)
    func withUTF8(ofUnit id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        let unit = units[Int(id)]
        return DocumentUnits.withText(of: unit, in: documents[Int(unit.document)]) { $0.withUTF8(body) }
    }
}
