import Glibc

/// Recognises systemd journal files by content (the file magic `LPKSHHRH`, as gzip is by its
/// magic), and directories that hold them, which are read as one interleaved journal.
public enum Journal {
  /// The first eight bytes of every journal file.
  static let magic: [UInt8] = Array("LPKSHHRH".utf8)

  /// The identifiers read when none is named: every `SYSLOG_IDENTIFIER` that starts with one
  /// of these (`postfix/smtp`, `postfix-out/qmgr`, `exim`, `exim4`, ...).
  public static let mailIdentifierPrefixes = ["postfix", "exim"]

  /// Where the local system journal lives (persistent first, then volatile).
  public static let systemDirectories = ["/var/log/journal", "/run/log/journal"]

  /// True when the regular file at `path` starts with the journal magic.
  public static func isJournalFile(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    var head = [UInt8](repeating: 0, count: magic.count)
    // Safe because: pread writes at most `$0.count` bytes, inside the closure, into the array's own bytes.
    let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    return got == magic.count && head == magic
  }

  /// The journal files directly inside `directory`, by content, sorted by name.
  public static func files(inDirectory directory: String) -> [String] {
    guard let names = try? InputDiscovery.directoryEntries(directory) else { return [] }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return names.sorted().filter { !$0.hasPrefix(".") }.map { prefix + $0 }.filter(isJournalFile)
  }

  /// The journal files an input stands for: itself if it is one, the journal files directly
  /// inside a directory (discovery lists subdirectories, such as `/var/log/journal`'s
  /// machine-ID folders, as inputs of their own), else none.
  public static func files(of input: InputFile) -> [String] {
    guard !input.isStandardInput else { return [] }
    var info = stat()
    guard stat(input.path, &info) == 0 else { return [] }
    if !info.isDirectory { return isJournalFile(input.path) ? [input.path] : [] }
    return files(inDirectory: input.path)
  }

  /// True when `input` is a journal file or a directory that holds journal files.
  public static func isJournal(_ input: InputFile) -> Bool { !files(of: input).isEmpty }

  /// The local system journal: the directories under `/var/log/journal` and `/run/log/journal`
  /// that hold journal files (one per machine ID). `root` is replaceable for tests.
  public static func systemJournals(root: String = "/") -> [InputFile] {
    let top = root.hasSuffix("/") ? String(root.dropLast()) : root
    let directories = systemDirectories.map { top + $0 }.filter { path in
      var info = stat()
      return stat(path, &info) == 0 && info.isDirectory
    }
    guard !directories.isEmpty else { return [] }
    return InputDiscovery.expand(directories).inputs.filter(isJournal)
  }

  /// True when one of `inputs` holds entries of a mail identifier (`postfix*`, `exim*`, `extra`).
  public static func hasMailEntries(_ inputs: [InputFile], extra: [String] = []) -> Bool {
    inputs.contains { input in
      guard let reader = try? JournalReader(input, identifiers: extra, chunkSize: 4096) else { return false }
      return !reader.identifiers.isEmpty
    }
  }
}
