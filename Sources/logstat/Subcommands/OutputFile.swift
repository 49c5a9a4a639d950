#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a finished report to standard output, or atomically to a file (temp + rename).
enum OutputFile {
  static func write(_ text: String, to path: String?) throws {
    guard let path else {
      try writeAll(text, fd: STDOUT_FILENO, name: "standard output")
      return
    }
    removeStaleTemporaries(of: path)
    let temp = path + ".tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw CLIError("cannot write \(path): \(String(cString: strerror(errno))). Check the directory exists and is writable.")
    }
    do {
      try writeAll(text, fd: fd, name: path)
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
      unlink(temp)
      throw CLIError("cannot write \(path): \(String(cString: strerror(errno))).")
    }
    guard rename(temp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw CLIError("cannot replace \(path): \(reason).")
    }
  }

  /// Removes `PATH.tmp-PID` files left by runs that were killed while writing `path`: only
  /// those whose process no longer exists (`kill(pid, 0)` says ESRCH), never a live run's.
  static func removeStaleTemporaries(of path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? "./"
    let prefix = String(slash.map { path[path.index(after: $0)...] } ?? path[...]) + ".tmp-"
    guard let handle = opendir(directory) else { return }
    defer { closedir(handle) }
    var stale: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid > 0,
        pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      stale.append(directory + name)
    }
    for file in stale { unlink(file) }
  }

  private static func writeAll(_ text: String, fd: Int32, name: String) throws {
    var text = text
    try text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          if errno == EPIPE { throw ExitCodeQuiet.brokenPipe }
          throw CLIError("cannot write \(name): \(String(cString: strerror(errno))).")
        }
        offset += n
      }
    }
  }
}

/// A reader closed our output (`logstat | head`): end quietly with status 0.
enum ExitCodeQuiet: Error {
  case brokenPipe
}
