/// A code of the codebook. Paths are hierarchical with `/`; matching ignores case, display keeps the
/// case first typed.
public struct Tag: Hashable, Sendable {
    public var path: String
    public var description: String?
    public var color: String?
    /// Creation order, so the codebook lists tags the way they were introduced when asked.
    public var order: Int

    public init(path: String, description: String? = nil, color: String? = nil, order: Int) {
        self.path = path
        self.description = description
        self.color = color
        self.order = order
    }

    public var key: String { Tag.key(path) }
    public var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
    public var depth: Int { path.split(separator: "/").count - 1 }

    public static func key(_ path: String) -> String { path.lowercased() }

    /// Parent path (`actor` for `actor/russia`), nil at the top.
    public static func parent(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// True when `key` is `ancestor` or below it.
    public static func key(_ key: String, isWithin ancestor: String) -> Bool {
        key == ancestor || key.hasPrefix(ancestor + "/")
    }
}
