import Glibc

/// The errors the input layer raises, each with its user-facing wording in one place.
extension InputError {
  static let checkGzip = "Check the file with `gzip -t`."

  /// The file holds damaged gzip data at `offset` (zlib's reason in parentheses).
  static func corruptGzip(_ path: String, at offset: Int64, reason: String) -> InputError {
    InputError(
      code: .corruptGzip, path: path, byteOffset: offset,
      message: "corrupt gzip data at byte \(offset) (\(reason)); lines before it were counted. \(checkGzip)")
  }

  /// The gzip data stops at `offset` before its end.
  static func truncatedGzip(_ path: String, at offset: Int64) -> InputError {
    InputError(
      code: .truncatedGzip, path: path, byteOffset: offset,
      message: "gzip data ends early at byte \(offset) (the file is truncated or still being written); "
        + "lines before it were counted. \(checkGzip)")
  }

  /// Bytes that are not gzip data follow the last gzip member, starting at `offset`.
  static func trailingGarbage(_ path: String, at offset: Int64) -> InputError {
    InputError(
      code: .trailingGarbage, path: path, byteOffset: offset,
      message: "unexpected bytes after the gzip data at byte \(offset); all lines before them were counted. "
        + checkGzip)
  }

  /// zlib ran out of memory at `offset`.
  static func outOfMemory(_ path: String, at offset: Int64) -> InputError {
    InputError(
      code: .outOfMemory, path: path, byteOffset: offset,
      message: "out of memory while inflating gzip data at byte \(offset); lines before it were counted. "
        + "Free some memory or read fewer files at once, then run again.")
  }

  /// The file is compressed with a format we do not read; `tool` decompresses it.
  static func unsupportedCompression(_ path: String, format: String, tool: String) -> InputError {
    InputError(
      code: .unsupportedCompression, path: path, byteOffset: 0,
      message: "compressed with \(format), which logstat does not read; decompress it first, "
        + "e.g. `\(tool) -dc \(path) | logstat -`.")
  }

  /// A byte range was requested for an input that must be read whole.
  static func notSplittable(_ path: String, why: String) -> InputError {
    InputError(
      code: .notSplittable, path: path,
      message: "cannot read a byte range of \(why); read it whole (this is a bug in the caller).")
  }

  /// A directory argument without any file that looks like a log.
  public static func directoryWithoutLogs(_ path: String) -> InputError {
    InputError(
      code: .isDirectoryWithoutLogs, path: path,
      message: "directory holds no log files (hidden files and systemd journals are left out, and files "
        + "whose content is not a log are listed as skipped); name the log files to read directly.")
  }

  /// A directory nested deeper than logstat lists below a directory argument.
  static func directoryTooDeep(_ path: String, depth: Int) -> InputError {
    InputError(
      code: .isDirectoryWithoutLogs, path: path,
      message: "directory is more than \(depth) levels below the directory named; its files were not read. "
        + "Name it (or a directory nearer to it) directly.")
  }

  /// No argument was given and no mail log was found under `root`.
  public static func noSystemLogs(root: String = "/") -> InputError {
    let base = root.hasSuffix("/") ? root + "var/log" : root + "/var/log"
    return InputError(
      code: .noLogsFound, path: base,
      message: "no mail logs found (looked for mail.log*, maillog*, exim4/mainlog*, exim/main.log*); "
        + "name the files to read, e.g. `logstat /path/to/mail.log`, or pipe them in with `-`.")
  }

  /// A symbolic link that loops.
  static func symlinkLoop(_ path: String) -> InputError {
    InputError(
      code: .symlinkLoop, path: path,
      message: "symbolic link loop; skipped. Fix or remove the link.")
  }

  /// Maps an errno from open/stat/opendir to the matching error.
  static func opening(_ path: String, errno code: Int32) -> InputError {
    switch code {
    case ENOENT, ENOTDIR:
      return InputError(code: .notFound, path: path, message: "no such file or directory; check the path.")
    case EACCES, EPERM:
      return InputError(
        code: .permissionDenied, path: path,
        message: "permission denied; run logstat as a user who may read it (e.g. in group adm) or with sudo.")
    case ELOOP:
      return symlinkLoop(path)
    case EISDIR:
      return isDirectory(path)
    default:
      return InputError(
        code: .readFailed, path: path, message: "cannot open (\(errorText(code))); check the file and try again.")
    }
  }

  /// A directory where a file to read was expected.
  static func isDirectory(_ path: String) -> InputError {
    InputError(
      code: .isDirectory, path: path,
      message: "is a directory, not a file; pass it as an argument on its own to read the logs in it.")
  }

  /// Maps an errno from read/pread at `offset` to the matching error.
  static func reading(_ path: String, errno code: Int32, at offset: Int64) -> InputError {
    if code == EISDIR { return isDirectory(path) }
    return InputError(
      code: .readFailed, path: path, byteOffset: offset,
      message: "read error at byte \(offset) (\(errorText(code))); lines before it were counted. "
        + "Check the disk, or copy the file elsewhere and read the copy.")
  }

  /// The C library's text for `code`.
  static func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
  }
}

extension InputError {
  /// A journal file (or one of a directory's) could not be read: damaged or truncated.
  static func damagedJournal(_ path: String, reason: String) -> InputError {
    InputError(
      code: .damagedJournal, path: path,
      message: "damaged systemd journal (\(reason)); the entries before the damage and the other journal files were read. "
        + "Check it with `journalctl --verify --file \(path)`.")
  }

  /// The input was opened as a journal but holds no journal file.
  static func notAJournal(_ path: String) -> InputError {
    InputError(
      code: .damagedJournal, path: path,
      message: "no systemd journal file here (journal files start with the bytes LPKSHHRH).")
  }

  /// Journal bytes arrived where only a file can be read (standard input, a pipe).
  static func journalNotAFile(_ path: String) -> InputError {
    InputError(
      code: .damagedJournal, path: path,
      message: "this is a systemd journal, which can only be read from a file: name the journal file "
        + "or its directory, or use --journal for the system journal.")
  }
}
