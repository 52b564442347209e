import Foundation

/// How a file's path is shown to the analyst: short enough to read and to copy back into a command.
public enum DisplayPath {
    /// Relative to `base` when the file lies inside it, `~/…` inside the home folder, absolute otherwise.
    public static func of(_ path: String, base: String) -> String {
        let standardBase = URL(fileURLWithPath: base).standardizedFileURL.path
        if standardBase != "/", path.hasPrefix(standardBase + "/") {
            return String(path.dropFirst(standardBase.count + 1))
        }
        if let home = ProcessInfo.processInfo.environment["HOME"], home.count > 1, path.hasPrefix(home + "/") {
            return "~/" + path.dropFirst(home.count + 1)
        }
        return path
    }
}
