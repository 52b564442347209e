/// Exports and reports.
enum ExportCommands {
    static let all: [CommandSpec] = []
}
