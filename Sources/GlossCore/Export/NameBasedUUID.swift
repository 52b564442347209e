import Crypto

/// Name-based UUIDs (RFC 9562 version 5: SHA-1 over a namespace and a name), so REFI-QDA exports of
/// the same workspace carry the same GUIDs every time and other tools can merge repeated imports.
public enum NameBasedUUID {
    /// gloss's own namespace; changing it would change every exported GUID.
    public static let glossNamespace: [UInt8] = [
        0xD1, 0x9D, 0xC5, 0xFD, 0x34, 0x2C, 0x46, 0xEB, 0x80, 0x34, 0xDA, 0x2E, 0xA9, 0xA5, 0x52, 0xED,
    ]

    /// `XXXXXXXX-XXXX-5XXX-YXXX-XXXXXXXXXXXX` (uppercase, as REFI-QDA tools write them).
    public static func make(_ name: String, namespace: [UInt8] = glossNamespace) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC variant
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
