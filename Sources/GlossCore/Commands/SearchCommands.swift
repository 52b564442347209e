/// Finding and filtering: `find`, `filter`, `unfilter`, `kwic`, `stats`.
enum SearchCommands {
    static let all: [CommandSpec] = []
}
