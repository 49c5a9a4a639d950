/// A typed, user-facing input error: names the file, the byte offset when known, and what to do.
///
/// Errors on one input never stop a run; the engine reports them and goes on
/// with the other inputs. `description` is the one-line message for the user:
///
///     logstat: /var/log/mail.log.2.gz: corrupt gzip data at byte 18233 (invalid block type);
///     lines before it were counted. Check the file with `gzip -t`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, as a stable, extensible code (new codes do not break the API).
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    /// The code's stable name, e.g. `corrupt-gzip`, for JSON and tests.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// The code's stable name.
    public var description: String { name }

    /// The path does not exist (or is a dangling symbolic link).
    public static let notFound = Code("not-found")
    /// The file or directory exists but may not be read by this user.
    public static let permissionDenied = Code("permission-denied")
    /// A directory was given where a file was expected.
    public static let isDirectory = Code("is-directory")
    /// A directory argument holds no file that looks like a log.
    public static let isDirectoryWithoutLogs = Code("directory-without-logs")
    /// The gzip data is damaged (bad header, bad block, bad CRC or length).
    public static let corruptGzip = Code("corrupt-gzip")
    /// The gzip data ends before its stream does.
    public static let truncatedGzip = Code("truncated-gzip")
    /// Bytes that are neither gzip data nor zero padding follow the last gzip member.
    public static let trailingGarbage = Code("trailing-garbage")
    /// The file is compressed in a format logstat does not inflate (xz, bzip2, zstd).
    public static let unsupportedCompression = Code("unsupported-compression")
    /// zlib could not get memory.
    public static let outOfMemory = Code("out-of-memory")
    /// The operating system reported an error while opening or reading.
    public static let readFailed = Code("read-failed")
    /// No argument was given and no system mail log was found.
    public static let noLogsFound = Code("no-logs-found")
    /// A symbolic link leads back to itself or to a directory being listed.
    public static let symlinkLoop = Code("symlink-loop")
    /// A systemd journal file is damaged or truncated, or holds no journal.
    public static let damagedJournal = Code("damaged-journal")
    /// A byte range was asked of an input that can only be read whole (gzip, pipes).
    public static let notSplittable = Code("not-splittable")
  }

  /// What went wrong.
  public let code: Code
  /// The input's path (`-` for standard input).
  public let path: String
  /// The byte offset in the file (compressed offset for gzip) where it went wrong, when known.
  public let byteOffset: Int64?
  /// What happened and what to do, without the `logstat: PATH: ` prefix.
  public let message: String

  /// Creates an error; prefer the named factories in `InputError+Factories.swift`.
  public init(code: Code, path: String, byteOffset: Int64? = nil, message: String) {
    self.code = code
    self.path = path
    self.byteOffset = byteOffset
    self.message = message
  }

  /// The name shown for the path: the path, or "standard input" for `-`.
  public var displayName: String { InputFile(path: path).displayName }

  /// The full one-line message: `logstat: PATH: MESSAGE`.
  public var description: String { "logstat: \(displayName): \(message)" }
}
