/// One input to read: a file path, or standard input when the path is `-`.
public struct InputFile: Sendable, Hashable, CustomStringConvertible {
  /// The path as the user gave it (or as discovery built it); `-` means standard input.
  public let path: String
  /// The directory argument this file was found in by listing it (nil when named): such a
  /// file is read only if its content is a log; otherwise it is listed as skipped.
  public var foundUnder: String?
  /// Found by listing a directory rather than named.
  public var foundInDirectory: Bool { foundUnder != nil }

  /// True when this input is standard input (`-`).
  public var isStandardInput: Bool { path == "-" }

  /// The name to show in messages: the path, or "standard input".
  public var displayName: String { isStandardInput ? "standard input" : path }

  /// Creates an input for `path`; pass `-` for standard input.
  public init(path: String) {
    self.path = path
  }

  /// The input for standard input.
  public static let standardInput = InputFile(path: "-")

  /// The name shown in messages.
  public var description: String { displayName }

  /// The same input: the same path (however it was found).
  public static func == (a: InputFile, b: InputFile) -> Bool { a.path == b.path }

  public func hash(into hasher: inout Hasher) { hasher.combine(path) }
}
