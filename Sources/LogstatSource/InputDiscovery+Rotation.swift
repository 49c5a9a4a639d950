/// A log file name read as one rotation of a base log: `mail.log.2.gz` is
/// rotation 2 of `mail.log`, `mail.log-20261121` is the rotation dated
/// 2026-11-21, and `mail.log` is the live file.
struct RotationName {
  /// How old a rotation is; `Comparable` puts the oldest first.
  enum Age: Comparable {
    /// `base.N` (fewer than six digits): a higher N is older.
    case numbered(Int)
    /// `base-YYYYMMDD`, `base-YYYY-MM-DD`, `base.YYYYMMDDHH`…: ordered by its digits.
    case dated(String)
    /// The file being written now.
    case live

    static func < (lhs: Age, rhs: Age) -> Bool {
      switch (lhs, rhs) {
      case (.numbered(let a), .numbered(let b)): return a > b
      case (.dated(let a), .dated(let b)): return a < b
      default: return lhs.rank < rhs.rank
      }
    }

    /// Numbered rotations predate dated ones (logrotate keeps old numbered
    /// files when `dateext` is switched on), and both predate the live file.
    private var rank: Int {
      switch self {
      case .numbered: return 0
      case .dated: return 1
      case .live: return 2
      }
    }
  }

  /// The name without rotation suffix and compression extension: `mail.log`.
  let base: String
  /// Where this file sits among the rotations of `base`.
  let age: Age

  /// Compression extensions stripped before reading the rotation suffix.
  private static let compressionExtensions = [".gz", ".bz2", ".xz", ".zst", ".Z"]

  /// Reads `fileName` (no directory part).
  init(fileName: String) {
    var name = Substring(fileName)
    for ext in Self.compressionExtensions where name.count > ext.count && name.hasSuffix(ext) {
      name = name.dropLast(ext.count)
      break
    }
    // The tail: the longest suffix made of digits and separators.
    let tailStart = name.lastIndex { !($0.isASCII && ($0.isNumber || Self.isSeparator($0))) }
      .map { name.index(after: $0) } ?? name.startIndex
    let tail = name[tailStart...]
    let digits = tail.filter(\.isNumber)
    guard tailStart > name.startIndex, let first = tail.first, Self.isSeparator(first), !digits.isEmpty else {
      self.base = String(name)
      self.age = .live
      return
    }
    if digits.count >= 6 {
      self.base = String(name[..<tailStart])
      self.age = .dated(String(digits))
      return
    }
    // Numbered: only a last `.N` counts (`server-01.1` is rotation 1 of
    // `server-01`; `server-01` itself is a live file, not rotation 1 of `server`).
    let lastSeparator = name.lastIndex(where: Self.isSeparator)!  // exists: tail starts with one
    let number = name[name.index(after: lastSeparator)...]
    guard name[lastSeparator] == ".", !number.isEmpty, number.allSatisfy(\.isNumber), let value = Int(number) else {
      self.base = String(name)
      self.age = .live
      return
    }
    self.base = String(name[..<lastSeparator])
    self.age = .numbered(value)
  }

  private static func isSeparator(_ character: Character) -> Bool {
    character == "." || character == "-" || character == "_"
  }
}

extension InputDiscovery {
  /// Orders rotations oldest first, grouped per base name and directory.
  ///
  /// `mail.log.3.gz, mail.log.2.gz, mail.log.1, mail.log`; dated rotations
  /// (`mail.log-20261121.gz`) in date order before the live file. Groups keep the
  /// order in which their first member appears; ties keep their input order.
  /// - Complexity: O(n log n) for n paths.
  public static func rotationOrder(_ paths: [String]) -> [String] {
    var groupIndex: [String: Int] = [:]
    var groups: [[(age: RotationName.Age, position: Int, path: String)]] = []
    for (position, path) in paths.enumerated() {
      let (directory, fileName) = splitPath(path)
      let rotation = RotationName(fileName: fileName)
      let key = path == "-" ? "\0-" : directory + "\0" + rotation.base
      let index = groupIndex[key] ?? groups.count
      if index == groups.count {
        groupIndex[key] = index
        groups.append([])
      }
      groups[index].append((rotation.age, position, path))
    }
    return groups.flatMap { group in
      group.sorted { $0.age < $1.age || ($0.age == $1.age && $0.position < $1.position) }.map(\.path)
    }
  }

  /// Splits a path into its directory part (with the trailing `/`, or empty) and file name.
  static func splitPath(_ path: String) -> (directory: String, fileName: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }
}
