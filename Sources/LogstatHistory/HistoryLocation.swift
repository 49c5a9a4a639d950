#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the history file lives by default, and making its directory.
public enum HistoryLocation {
  /// `/var/lib/logstat/history.sqlite` for root; else `$XDG_STATE_HOME/logstat/history.sqlite`
  /// when that is an absolute path; else `~/.local/state/logstat/history.sqlite`.
  public static func defaultPath(
    environment: [String: String], isRoot: Bool, home: String?
  ) -> String {
    if isRoot { return "/var/lib/logstat/history.sqlite" }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return trimmed(state) + "/logstat/history.sqlite"
    }
    let base = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home ?? "/"
    return trimmed(base) + "/.local/state/logstat/history.sqlite"
  }

  /// The default path for this process (its environment, user and home directory).
  public static func defaultPath() -> String {
    var environment: [String: String] = [:]
    for name in ["XDG_STATE_HOME", "HOME"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    var home: String?
    if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { home = String(cString: dir) }
    return defaultPath(environment: environment, isRoot: geteuid() == 0, home: home)
  }

  /// Creates the directories above `path` that are missing (mode 0700 for new ones).
  /// Takes an exclusive `flock` on the directory holding `path`, waiting up to `seconds`, and
  /// returns its descriptor (nil when the directory cannot be opened or the wait ran out; the
  /// caller then goes on unlocked, as before).
  ///
  /// Held while a history file is opened and its schema built: two processes creating a new
  /// file at once raced there (SQLite switching the file to WAL answers "busy" at once, and GRDB
  /// picks the migrations to run before it takes the write lock). The directory, not a lock
  /// file, so nothing is left beside the history; nothing else flocks it.
  static func lockDirectory(of path: String, waitingUpTo seconds: Double) -> Int32? {
    var parent = "."
    if let slash = path.lastIndex(of: "/") {
      parent = slash == path.startIndex ? "/" : String(path[..<slash])
    }
    let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    var waited = 0.0
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, waited < seconds else {
        close(fd)
        return nil
      }
      usleep(10_000)
      waited += 0.01
    }
    return fd
  }

  /// Releases a lock from `lockDirectory`.
  static func unlock(_ fd: Int32?) {
    guard let fd else { return }
    flock(fd, LOCK_UN)
    close(fd)
  }

  public static func createParent(of path: String) throws(HistoryError) {
    var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    guard !components.isEmpty else { return }
    var current = path.hasPrefix("/") ? "" : "."
    if path.hasPrefix("/") { components = components.dropFirst() }
    for part in components where !part.isEmpty {
      current += "/" + part
      if mkdir(current, 0o700) != 0, errno != EEXIST {
        let reason = String(cString: strerror(errno))
        throw HistoryError(
          .cannotOpen, location: path,
          message:
            "cannot create the directory \(current): \(reason). Create it, or choose another file with --history PATH (or --no-history)."
        )
      }
    }
  }

  static func trimmed(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    return p == "/" ? "" : String(p)
  }
}
