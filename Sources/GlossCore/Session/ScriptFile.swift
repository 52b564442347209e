import Foundation

/// Reads script files (`gloss run`, `replay`), with clear errors for what cannot be read.
public enum ScriptFile {
    public static func read(_ path: String, shownAs name: String) throws(GlossError) -> String {
        let bytes = try DocumentLoader.readBytes(path, name: name)
        let decoded = try SourceDecoder.decode(bytes, name: name)
        return decoded.text
    }

    /// A script given as bytes (`gloss run -` reads it from standard input).
    public static func decode(_ bytes: [UInt8], shownAs name: String) throws(GlossError) -> String {
        try SourceDecoder.decode(bytes, name: name).text
    }
}
