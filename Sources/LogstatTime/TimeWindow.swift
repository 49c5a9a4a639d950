/// A half-open interval of epoch seconds, `since <= t < until`; a nil bound is open.
///
/// Half-open so that consecutive windows (yesterday, today) never count a line twice, and so
/// `--until 2026-11-22` ends just before that day's first second.
public struct TimeWindow: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// First second inside the window, or nil for no lower bound.
  public var since: Int64?
  /// First second after the window, or nil for no upper bound.
  public var until: Int64?

  /// Creates a window; `since < until` when both are set (`TimeExpression` guarantees it).
  public init(since: Int64? = nil, until: Int64? = nil) {
    self.since = since
    self.until = until
  }

  /// The window without bounds: every line counts.
  public static let all = TimeWindow()

  /// Whether neither bound is set, so per-line filtering can be skipped.
  @inlinable
  public var isUnbounded: Bool { since == nil && until == nil }

  /// Whether the epoch second `t` lies inside the window.
  ///
  /// - Complexity: O(1), two comparisons.
  @inlinable
  public func contains(_ t: Int64) -> Bool {
    if let since, t < since { return false }
    if let until, t >= until { return false }
    return true
  }

  /// Whether any second of the closed range `first...last` (say, a file's first and last line)
  /// lies inside the window; false means the whole range can be skipped.
  @inlinable
  public func overlaps(first: Int64, last: Int64) -> Bool {
    if let since, last < since { return false }
    if let until, first >= until { return false }
    return true
  }

  /// The bounds in UTC, e.g. `2026-11-21T23:00:00Z ..< 2026-11-22T23:00:00Z`, `… ..< open`.
  public var description: String {
    func show(_ bound: Int64?) -> String {
      guard let bound else { return "open" }
      let time = Civil.civil(epoch: bound)
      return "\(Civil.pad(time.year, 4))-\(Civil.pad(time.month, 2))-\(Civil.pad(time.day, 2))T"
        + "\(Civil.pad(time.hour, 2)):\(Civil.pad(time.minute, 2)):\(Civil.pad(time.second, 2))Z"
    }
    return "\(show(since)) ..< \(show(until))"
  }

  /// The bounds as local times with their offsets, for the report header, e.g.
  /// `from 2026-11-22 00:00:00 +01:00 until 2026-11-23 00:00:00 +01:00`.
  public func description(in zone: LocalZone) -> String {
    switch (since, until) {
    case (nil, nil): return "all lines"
    case (let since?, nil): return "from \(zone.timestamp(since))"
    case (nil, let until?): return "until \(zone.timestamp(until))"
    case (let since?, let until?):
      return "from \(zone.timestamp(since)) until \(zone.timestamp(until))"
    }
  }
}
