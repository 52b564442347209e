import Foundation
import GlossCore

/// Where gloss keeps its files, following the XDG base directory conventions.
enum StatePaths {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$XDG_STATE_HOME/gloss` (default `~/.local/state/gloss`).
    static var stateDirectory: String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/gloss" }
        return environment["HOME"].map { $0 + "/.local/state/gloss" }
    }

    /// `$XDG_CONFIG_HOME/gloss` (default `~/.config/gloss`).
    static var configDirectory: String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/gloss" }
        return environment["HOME"].map { $0 + "/.config/gloss" }
    }

    static func journalStore() -> JournalStore? {
        stateDirectory.map { JournalStore(directory: $0 + "/journal") }
    }
}

/// `$XDG_CONFIG_HOME/gloss/glossrc`: commands run at start, like `.psqlrc` (settings, variables, loads).
/// They are not part of the session: `save` does not write them.
enum StartupFile {
    static func run(in session: Session) {
        guard let directory = StatePaths.configDirectory else { return }
        let path = directory + "/glossrc"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text: String
        do {
            text = try ScriptFile.read(path, shownAs: path)
        } catch {
            Terminal.writeError("gloss: \(error.message)")
            return
        }
        for command in ScriptRunner.commands(in: text) {
            let result = session.execute(command.text)
            if !result.printedOutput.isEmpty { Terminal.write(result.printedOutput) }
            if !result.statusOutput.isEmpty { Terminal.write(result.statusOutput, to: STDERR_FILENO) }
            if let error = result.error {
                Terminal.writeError(ScriptRunner.format(error, name: path, line: command.number, text: command.text))
            }
        }
        session.forgetHistory()
    }
}
