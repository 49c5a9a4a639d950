import Glibc

/// Listing a directory argument: recursion, loops, and which files to leave to others.
///
/// What a file found in a directory *is* is decided from its content when the run probes it
/// (`InputFile.foundInDirectory`): a README, a JSON file or a binary record is listed in the
/// report as skipped, never read as "not mail" lines. Names decide only what is never a
/// text log of ours: hidden files, editor backups and systemd journal files.
extension InputDiscovery {
  /// Extensions of files left out of a directory listing without a look at their content:
  /// systemd journal files (read with --journal).
  static let nonLogExtensions: Set<String> = ["journal", "journal~"]

  /// General logs that repeat the dedicated mail log beside them, by that mail
  /// log's base name: Debian's rsyslog writes every mail line to `syslog` and
  /// to `mail.err`/`mail.warn`/`mail.info` as well as `mail.log`; Exim writes
  /// every reject-log entry to its main log too. The panic log is kept: only it says which
  /// lines were panics (its lines count as `panic` events and nothing else).
  static let duplicatesOf: [(mailLogs: Set<String>, duplicates: Set<String>)] = [
    (["mail.log", "maillog"], ["syslog", "messages", "daemon.log", "mail.err", "mail.warn", "mail.info"]),
    (["mainlog", "main.log"], ["rejectlog", "reject.log"]),
  ]

  /// Directories deeper than this below an argument are not listed, and reported: far more
  /// than any log tree (`/var/log/remote/HOST/YYYY/MM/DD/mail.log` is 5 deep).
  static let maximumDepth = 64

  /// True when a file of this name, found in a directory, is a candidate log (its content
  /// decides; see the extension's documentation).
  ///
  /// Any name counts except hidden files (`.name`), editor backups (`name~`) and systemd
  /// journal files (`*.journal`, also when rotated).
  static func looksLikeLog(_ name: String) -> Bool {
    guard !name.hasPrefix("."), !name.hasSuffix("~") else { return false }
    let base = RotationName(fileName: name).base
    guard let dot = base.lastIndex(of: ".") else { return true }
    return !nonLogExtensions.contains(base[base.index(after: dot)...].lowercased())
  }

  /// The names in `directory` (without `.` and `..`), or the errno of opendir.
  static func directoryEntries(_ directory: String) throws(DirectoryError) -> [String] {
    guard let handle = opendir(directory) else { throw DirectoryError(code: errno) }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      // Safe because: `d_name` is copied into the closure's bytes, and readdir ends it with a
      // NUL inside its 256 bytes, so String(cString:) stops inside them.
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The errno of a failed opendir.
  struct DirectoryError: Error {
    let code: Int32
  }
}

extension Walk {
  /// Adds the logs in `directory` and its subdirectories, and returns how many
  /// log files it holds (counting ones already added under another name).
  ///
  /// Files first (in rotation order, by name), then subdirectories by name.
  /// A file reached both directly and through a link is read under its own name.
  /// Hidden subdirectories are skipped. A symbolic link to a directory being
  /// listed (an ancestor) is reported as a loop; one to a directory already
  /// listed elsewhere is skipped. Dangling links and sockets, pipes and devices
  /// are skipped. Unreadable files and directories are reported.
  mutating func listDirectory(
    _ directory: String, identity: FileIdentity, ancestors: Set<FileIdentity>, depth: Int
  ) -> Int {
    guard seenDirectories.insert(identity).inserted else { return 0 }
    let names: [String]
    do {
      names = try InputDiscovery.directoryEntries(directory)
    } catch {
      errors.append(.opening(directory, errno: error.code))
      return 0
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    // A directory of journal files is one input, read interleaved by time (see JournalReader).
    var holdsJournal = false
    var files: [(path: String, name: String, identity: FileIdentity)] = []
    var linkedIdentities: Set<FileIdentity> = []  // files reached through a symbolic link
    var directIdentities: Set<FileIdentity> = []  // files reached directly
    var subdirectories: [(path: String, identity: FileIdentity)] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      let path = prefix + name
      var info = stat()
      guard stat(path, &info) == 0 else {
        let code = errno
        if code == ELOOP { errors.append(.symlinkLoop(path)) } else if code != ENOENT {
          errors.append(.opening(path, errno: code))
        }
        continue
      }
      if info.isDirectory {
        subdirectories.append((path, FileIdentity(info)))
      } else if info.isRegularFile && Journal.isJournalFile(path) {
        holdsJournal = true
      } else if info.isRegularFile && InputDiscovery.looksLikeLog(name) {
        let fileIdentity = FileIdentity(info)
        var linkInfo = stat()
        if lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK {
          linkedIdentities.insert(fileIdentity)
        } else {
          directIdentities.insert(fileIdentity)
        }
        files.append((path, name, fileIdentity))
      }
    }
    // A link to a file listed here under its own name is the same log: keep the real name.
    files.removeAll { file in
      linkedIdentities.contains(file.identity) && directIdentities.contains(file.identity)
        && Self.isLink(file.path)
    }
    files = Self.withoutDuplicateSystemLogs(files)
    let order = InputDiscovery.rotationOrder(files.map(\.path))
    let identities = Dictionary(files.map { ($0.path, $0.identity) }, uniquingKeysWith: { first, _ in first })
    for path in order {
      if access(path, R_OK) != 0 {
        errors.append(.opening(path, errno: errno))
      } else {
        add(path, identity: identities[path])
        if listed[path] == nil { listed[path] = argument }
      }
    }
    var found = files.count
    if holdsJournal {
      add(directory, identity: identity)
      found += 1
    }
    let inside = ancestors.union([identity])
    for subdirectory in subdirectories {
      if inside.contains(subdirectory.identity) {
        errors.append(.symlinkLoop(subdirectory.path))
      } else if depth < InputDiscovery.maximumDepth {
        found += listDirectory(
          subdirectory.path, identity: subdirectory.identity, ancestors: inside, depth: depth + 1)
      } else {
        errors.append(.directoryTooDeep(subdirectory.path, depth: InputDiscovery.maximumDepth))
      }
    }
    return found
  }

  /// True when `path` itself is a symbolic link.
  private static func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
  }

  /// Drops general system logs that repeat a dedicated mail log in the same directory.
  private static func withoutDuplicateSystemLogs<T>(
    _ files: [(path: String, name: String, identity: T)]
  ) -> [(path: String, name: String, identity: T)] {
    let bases = Set(files.map { RotationName(fileName: $0.name).base })
    var dropped: Set<String> = []
    for rule in InputDiscovery.duplicatesOf where !rule.mailLogs.isDisjoint(with: bases) {
      dropped.formUnion(rule.duplicates)
    }
    guard !dropped.isEmpty else { return files }
    return files.filter { !dropped.contains(RotationName(fileName: $0.name).base) }
  }
}
