/// One setting of `set NAME VALUE`: its name, what `help set` says of it, the values completion
/// offers, and how it is read and written. `Settings.specs` is the one table the `set` command, its
/// help and tab completion read.
public struct SettingSpec: Sendable {
    public let name: String
    /// Other spellings `set` accepts (`colour`).
    public let aliases: [String]
    /// What the setting takes and does, as `help set` lists it.
    public let help: String
    /// Values tab completion offers after the name.
    public let values: [String]
    let read: @Sendable (Settings) -> String
    let write: @Sendable (inout Settings, String) throws(GlossError) -> Void

    init(
        _ name: String, aliases: [String] = [], help: String, values: [String] = [],
        read: @escaping @Sendable (Settings) -> String,
        write: @escaping @Sendable (inout Settings, String) throws(GlossError) -> Void
    ) {
        self.name = name
        self.aliases = aliases
        self.help = help
        self.values = values
        self.read = read
        self.write = write
    }

    /// An on/off setting.
    static func onOff(
        _ name: String, help: String, _ keyPath: WritableKeyPath<Settings, Bool> & Sendable
    ) -> SettingSpec {
        SettingSpec(
            name, help: help, values: ["on", "off"], read: { $0[keyPath: keyPath] ? "on" : "off" },
            write: { (settings: inout Settings, value: String) throws(GlossError) in
                switch value.lowercased() {
                case "on", "yes", "true": settings[keyPath: keyPath] = true
                case "off", "no", "false": settings[keyPath: keyPath] = false
                default: throw GlossError("\(name) takes on or off")
                }
            })
    }
}
