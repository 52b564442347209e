/// Tagging, notes and marks.
enum CodingCommands {
    static let all: [CommandSpec] = []
}
