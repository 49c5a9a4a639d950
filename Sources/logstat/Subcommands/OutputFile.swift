#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a report to standard output, or atomically to a file (temp + rename).
enum OutputFile {
  static func write(_ text: String, to path: String?) throws {
    try write(to: path) { sink in
      var text = text
      // Safe because: the sink writes the bytes out before it returns (writeAll), inside the closure.
      try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }
  }

  /// Writes a report that `body` hands over in pieces (a streamed JSON report): to standard
  /// output as it comes, or to a temporary file renamed over `path` once all is written.
  static func write(to path: String?, _ body: (@escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
    guard let path else {
      try body { try writeAll($0, fd: STDOUT_FILENO, name: "standard output") }
      return
    }
    removeStaleTemporaries(of: path)
    let temp = path + ".tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else {
      throw CLIError("cannot write \(path): \(String(cString: strerror(errno))). Check the directory exists and is writable.")
    }
    do {
      try body { try writeAll($0, fd: fd, name: path) }
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
      // Safe because: `d_name` is copied into the closure's bytes, and readdir ends it with a
      // NUL inside its 256 bytes, so String(cString:) stops inside them.
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

  private static func writeAll(_ buffer: UnsafeRawBufferPointer, fd: Int32, name: String) throws {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
      // Safe because offset < buffer.count: the range written lies inside `buffer`.
      let n = Glibc.write(fd, base + offset, buffer.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw ExitCodeQuiet.brokenPipe }
        throw CLIError("cannot write \(name): \(String(cString: strerror(errno))).")
      }
      offset += n
    }
  }
}

/// A reader closed our output (`logstat | head`): end quietly with status 0.
enum ExitCodeQuiet: Error {
  case brokenPipe
}
