import Glibc

/// Turns what the user named (files, directories, `-`) or, without arguments,
/// the system's mail logs into an ordered list of inputs: each rotation group
/// oldest first, each file once.
public enum InputDiscovery {
  /// Expands arguments (files, directories, `-`) into ordered inputs; problems are returned, not thrown.
  ///
  /// - Files named explicitly are read whatever their name.
  /// - Directories are listed recursively (see `listDirectory` for what counts as a log there).
  /// - `-` is standard input, read once even if named twice.
  /// - The same file reached twice (same device and inode, e.g. through a
  ///   symbolic link or `./`) is read once, at its first place.
  /// - The result is put in rotation order (`rotationOrder`), so
  ///   `logstat mail.log*` reads `mail.log.2.gz, mail.log.1, mail.log`.
  /// - Missing or unreadable files and symbolic link loops become errors; the
  ///   other inputs are still returned.
  public static func expand(_ arguments: [String]) -> (inputs: [InputFile], errors: [InputError]) {
    var walk = Walk()
    for argument in arguments {
      if argument == "-" {
        walk.add("-", identity: nil)
        continue
      }
      var info = stat()
      guard stat(argument, &info) == 0 else {
        walk.errors.append(.opening(argument, errno: errno))
        continue
      }
      if info.isDirectory {
        guard !walk.seenDirectories.contains(FileIdentity(info)) else { continue }  // named twice
        walk.argument = argument
        let found = walk.listDirectory(argument, identity: FileIdentity(info), ancestors: [], depth: 0)
        if found == 0 && walk.errors.last?.path != argument {
          walk.errors.append(.directoryWithoutLogs(argument))
        }
      } else if access(argument, R_OK) != 0 {
        walk.errors.append(.opening(argument, errno: errno))
      } else {
        walk.add(argument, identity: FileIdentity(info))
      }
    }
    let ordered = rotationOrder(walk.paths)
    return (
      ordered.map { path in
        var input = InputFile(path: path)
        input.foundUnder = walk.listed[path]
        return input
      }, walk.errors
    )
  }

  /// The local mail logs when no argument is given, oldest rotation first:
  /// `/var/log/mail.log*`, `/var/log/maillog*`, `/var/log/exim4/mainlog*`,
  /// `/var/log/exim/main.log*`. Empty when there are none (then report
  /// `InputError.noSystemLogs(root:)`). `root` is replaceable for tests.
  public static func systemLogs(root: String = "/") -> [InputFile] {
    let top = root.hasSuffix("/") ? root : root + "/"
    let places: [(directory: String, bases: [String])] = [
      (top + "var/log/", ["mail.log", "maillog"]),
      (top + "var/log/exim4/", ["mainlog"]),
      (top + "var/log/exim/", ["main.log"]),
    ]
    var walk = Walk()
    for place in places {
      guard let names = try? directoryEntries(place.directory) else { continue }
      for name in names.sorted() where looksLikeLog(name) {
        let base = RotationName(fileName: name).base
        guard place.bases.contains(base) else { continue }
        let path = place.directory + name
        var info = stat()
        guard stat(path, &info) == 0, info.isRegularFile else { continue }
        walk.add(path, identity: FileIdentity(info))
      }
    }
    return rotationOrder(walk.paths).map(InputFile.init(path:))
  }
}

/// A file's device and inode: the same file reached under two names has one identity.
struct FileIdentity: Hashable {
  let device: UInt64
  let inode: UInt64

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

/// The state of one expansion: inputs found so far, errors, and what was seen.
struct Walk {
  private(set) var paths: [String] = []
  var errors: [InputError] = []
  private var seenFiles: Set<FileIdentity> = []
  private var seenStandardInput = false
  var seenDirectories: Set<FileIdentity> = []
  /// Paths found by listing a directory (not named by the user), and that directory
  /// argument: their content decides.
  var listed: [String: String] = [:]
  /// The directory argument being listed.
  var argument = ""

  /// Adds `path` unless the same file (or standard input) was added before.
  mutating func add(_ path: String, identity: FileIdentity?) {
    if let identity {
      guard seenFiles.insert(identity).inserted else { return }
    } else {
      guard !seenStandardInput else { return }
      seenStandardInput = true
    }
    paths.append(path)
  }
}
