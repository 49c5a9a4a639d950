/// Why the history could not be used; `description` names the file and what to do.
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for callers that react differently (tests, exit statuses).
  public enum Code: String, Sendable {
    /// The file is not a SQLite database, or is damaged.
    case corrupt
    /// The file was written by a newer logstat whose schema this one does not know.
    case newerSchema
    /// Another process held the database longer than the busy timeout.
    case busy
    /// The file or its directory could not be created, opened or written.
    case cannotOpen
    /// Any other database error.
    case failed
  }

  public var code: Code
  /// The history file (or location) concerned.
  public var location: String
  public var message: String

  public init(_ code: Code, location: String, message: String) {
    self.code = code
    self.location = location
    self.message = message
  }

  public var description: String { "history \(location): \(message)" }

  static func corrupt(_ location: String, _ detail: String) -> HistoryError {
    HistoryError(
      .corrupt, location: location,
      message:
        "not a readable logstat history (\(detail)). Move it aside (mv \(location) \(location).broken) and the next run starts a new one, or run with --no-history."
    )
  }

  static func newerSchema(_ location: String, unknown: [String]) -> HistoryError {
    HistoryError(
      .newerSchema, location: location,
      message:
        "written by a newer logstat (schema steps \(unknown.joined(separator: ", ")) are unknown to this version). Use that newer logstat, or choose another file with --history PATH."
    )
  }

  static func busy(_ location: String) -> HistoryError {
    HistoryError(
      .busy, location: location,
      message:
        "still locked by another logstat after waiting \(Int(SQLiteHistoryStore.busyTimeout)) seconds. Try again when the other run has finished."
    )
  }
}
