/// A line's timestamp as written: civil fields, plus the UTC offset when the stamp carries one.
///
/// Classic syslog stamps have no year (`year == 0`); the engine infers it per file.
public struct LineTime: Equatable, Sendable {
  /// The year, or 0 when the stamp has none (classic syslog).
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  /// Offset from UTC in seconds, or `nil` when the stamp is local time without an offset.
  public var utcOffset: Int?

  public init(
    year: Int = 0, month: Int = 0, day: Int = 0, hour: Int = 0, minute: Int = 0,
    second: Int = 0, utcOffset: Int? = nil
  ) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.utcOffset = utcOffset
  }

  /// True when no stamp was read.
  public var isUnset: Bool { month == 0 }

  /// Field by field, as the derived `==` would, but inlinable: the engine compares every
  /// line's time with the previous line's, and the derived one was a call with two copies.
  @inlinable public static func == (a: LineTime, b: LineTime) -> Bool {
    a.second == b.second && a.minute == b.minute && a.hour == b.hour && a.day == b.day
      && a.month == b.month && a.year == b.year && a.utcOffset == b.utcOffset
  }
}
