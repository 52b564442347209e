/// The version written into saved sessions and exports.
public enum GlossVersion {
    public static let current = "0.1.0"
}
