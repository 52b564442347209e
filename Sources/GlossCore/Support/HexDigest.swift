import Crypto

/// Lowercase hexadecimal of bytes and digests: content hashes, anchors and snapshots print them.
public enum HexDigest {
    /// Lowercase hexadecimal, without the cost of String(format:) per byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The SHA-256 of the bytes in lowercase hexadecimal.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }
}
