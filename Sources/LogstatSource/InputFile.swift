/// One input to read: a file path, or standard input when the path is `-`.
public struct InputFile: Sendable, Hashable, CustomStringConvertible {
  /// The path as the user gave it (or as discovery built it); `-` means standard input.
  public let path: String

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
}
