/// When a change is worth an alert. The defaults are documented in the README ("Alerts").
public struct AlertThresholds: Sendable, Equatable {
  /// Fewer delivery lines than this for a subject in the window: never an alert.
  public var minAttempts = 20
  /// Fewer lines of the rising kind than this (after the onset): never an alert.
  public var minEvents = 10
  /// The rate must rise by at least this much (0.05 = 5 percentage points) ...
  public var minRise = 0.05
  /// ... and to at least this many times the baseline rate.
  public var minRatio = 3.0
  /// One-sided binomial p-value (Bonferroni-corrected for the onsets tried) must be below this.
  public var maxPValue = 0.001
  /// A subject with fewer baseline lines than this over the baseline days has no usable history.
  public var minBaselineAttempts = 50
  /// Without history: lines before a candidate onset needed to compare against.
  public var minEarlierAttempts = 30
  /// A subject without history blocking at least this share of its lines is alerted as such.
  public var blocksEverythingRate = 0.9
  /// Replies naming a blocklist absent from the baseline needed for a new-blocklist alert.
  public var blocklistMinHits = 2
  /// Delivery lines failing for `local-error` in the window that make a `local-errors` alert.
  public var localErrorMinLines = 3

  public init() {}
}
