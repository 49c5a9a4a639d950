import LogstatScan
import LogstatSource

/// What a trace found.
public struct TraceResult: Sendable {
  public var key: TraceKey
  /// Matching messages, ordered by their first line's time (input order on ties).
  public var messages: [TracedMessage]
  /// The inputs, in reading order (events name them by index).
  public var inputs: [InputFile]
  /// Inputs that could not be read whole, with the error (lines before it were searched).
  public var errors: [InputError]
  /// Inputs skipped unread because they lie outside the time window.
  public var skipped: [Int]

  public init(
    key: TraceKey, messages: [TracedMessage], inputs: [InputFile], errors: [InputError], skipped: [Int]
  ) {
    self.key = key
    self.messages = messages
    self.inputs = inputs
    self.errors = errors
    self.skipped = skipped
  }

  /// True when some input could not be read whole.
  public var isPartial: Bool { !errors.isEmpty }
}
