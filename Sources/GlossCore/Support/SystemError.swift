import Glibc

/// Plain words for the errno values file and network calls fail with.
public enum SystemError {
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case ELOOP: return "too many levels of symbolic links (a symlink loop?)"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENAMETOOLONG: return "file name too long"
        default: return String(cString: strerror(code))
        }
    }
}
