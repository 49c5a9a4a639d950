/// Why `--since` / `--until` could not be turned into a window, worded for the user.
public struct TimeExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for callers that react differently (tests, exit codes).
  public enum Code: Sendable, Equatable {
    /// The text is not one of the accepted forms (or names a date that does not exist).
    case invalidExpression
    /// Both bounds parsed but `since` is not before `until`.
    case emptyWindow
  }

  /// What went wrong.
  public let code: Code
  /// The full user-facing message; for `invalidExpression` it ends with the accepted forms.
  public let message: String

  /// Creates an error with its message.
  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  /// The message, as ArgumentParser prints it after `Error: `.
  public var description: String { message }

  /// The accepted forms with examples, appended to every `invalidExpression` message.
  public static func acceptedForms(zone: LocalZone) -> String {
    """
    Accepted forms (local times are in \(zone.identifier) unless an offset is given):
      now, today, yesterday            today/yesterday: local midnight starting that day
      30s, 90m, 24h, 7d, 2w, 1h30m     that long before now (units s, m, h, d, w)
      2026-11-22                       local midnight starting that day
      2026-11-22T06:00                 a local date-time; also "2026-11-22 06:00",
                                       2026-11-22T06:00:30 and 2026-11-22T06:00:30.250
      2026-11-22T06:00Z                with a UTC offset: Z, +01:00, +0100 or -05
      @1795330800                      seconds since 1970-01-01 UTC
    """
  }

  /// `--since 'yesterdy' is not a time expression: <reason>.` plus the accepted forms.
  static func invalid(option: String, text: String, reason: String, zone: LocalZone) -> Self {
    TimeExpressionError(
      code: .invalidExpression,
      message: "\(option) '\(text)' is not a time expression: \(reason).\n"
        + acceptedForms(zone: zone))
  }
}
