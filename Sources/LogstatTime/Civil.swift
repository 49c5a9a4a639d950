/// A wall-clock reading (proleptic Gregorian calendar), as shown in a log line or a report.
///
/// It carries no time zone: `LocalZone.civil(_:)` produces one for the local zone and
/// `Civil.civil(epoch:utcOffset:)` one for a fixed offset.
public struct CivilTime: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int

  /// Creates a reading from its fields; the caller guarantees they form a real date and time.
  @inlinable
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// `2026-11-22 06:25:01`, the form used in messages and test failures.
  public var description: String {
    "\(Civil.pad(year, 4))-\(Civil.pad(month, 2))-\(Civil.pad(day, 2)) "
      + "\(Civil.pad(hour, 2)):\(Civil.pad(minute, 2)):\(Civil.pad(second, 2))"
  }
}

/// Pure proleptic Gregorian arithmetic on day numbers (days since 1970-01-01), used for UTC and
/// fixed-offset stamps and underneath `LocalZone`.
///
/// Every function is a handful of integer operations: no Foundation, no allocation, no table.
/// Day numbers follow the era decomposition of the Gregorian 400-year cycle (146,097 days).
public enum Civil {
  /// Seconds in a civil day without a DST change.
  public static let secondsPerDay: Int64 = 86_400

  /// Days since 1970-01-01 of the given date; negative before it. Month 1...12, day 1...31.
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func daysFromCivil(y: Int, m: Int, d: Int) -> Int64 {
    // Count years from March so that the leap day is the last day of the counted year.
    let year = Int64(m <= 2 ? y - 1 : y)
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400  // 0...399
    let monthFromMarch = Int64(m > 2 ? m - 3 : m + 9)  // March = 0 ... February = 11
    let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(d) - 1  // 0...365
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    // 719,468 days separate 0000-03-01 from 1970-01-01.
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day number (days since 1970-01-01); the inverse of `daysFromCivil`.
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097  // 0...146096
    let yearOfEra =
      (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0...399
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365
    let monthFromMarch = (5 * dayOfYear + 2) / 153  // 0...11
    let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  /// Epoch seconds of a civil time read at a fixed UTC offset (seconds east of UTC).
  ///
  /// Used for stamps that carry their own offset (RFC 3339, Exim `log_timezone`) and for UTC.
  @inlinable
  public static func epoch(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, utcOffset: Int = 0
  ) -> Int64 {
    daysFromCivil(y: year, m: month, d: day) * secondsPerDay
      + Int64(hour * 3_600 + minute * 60 + second - utcOffset)
  }

  /// The civil time of an epoch second read at a fixed UTC offset (seconds east of UTC).
  @inlinable
  public static func civil(epoch: Int64, utcOffset: Int = 0) -> CivilTime {
    let local = epoch + Int64(utcOffset)
    let days = floorDivide(local, secondsPerDay)
    let secondOfDay = Int(local - days * secondsPerDay)
    let date = civilFromDays(days)
    return CivilTime(
      year: date.year, month: date.month, day: date.day,
      hour: secondOfDay / 3_600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
  }

  /// Whether `year` has a February 29.
  @inlinable
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// Number of days in a month (1...12) of a year.
  @inlinable
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Division rounding toward negative infinity, so times before 1970 land on the right day.
  @inlinable
  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor < 0) ? quotient - 1 : quotient
  }

  /// Zero-padded decimal of a non-negative field (negative values get a leading minus).
  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let padding = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + padding + digits
  }
}
