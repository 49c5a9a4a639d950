/// Infers the missing year of classic syslog stamps (`Nov 22 06:25:01`) for one file.
///
/// One resolver per file (or per standard-input stream), fed the lines' month and day in file
/// order. `year(month:day:)` is a few integer comparisons: no Foundation, no allocation.
///
/// ### The anchor
/// The newest line of a file was written at or before the file's modification time, so the
/// anchor is the mtime's local date: for plain files together with the last line's month/day,
/// for gzip files (or an unknown last line) the mtime alone; standard input passes the current
/// time. A date is placed in the latest year in which it is not more than one day after the
/// anchor date (the day of slack covers a writer whose clock or zone runs ahead of ours, so a
/// stamp of Jan 1 01:00 in a file whose mtime reads Dec 31 23:30 is not pushed back a year).
///
/// ### Going forward through the file
/// The first line's year comes from the anchor (from the last line's year when that is known:
/// the same year, or the year before if the first line's date lies more than a week after the
/// last line's). From there each line is compared with the newest date seen so far, by day of
/// the year:
/// - more than 183 days earlier: the year rolled over (Dec -> Jan), so the year goes up by one;
/// - up to 183 days earlier: disorder within the year; same year, newest date unchanged;
/// - later, but at most a week before the newest date when read in the previous year
///   (`Dec 31 23:59:59` after `Jan 1 00:00:01`): a straggler from the old year, which gets the
///   previous year without moving the file back;
/// - otherwise later in the same year (even after a long silence).
///
/// Limits: a file spanning more than a year, or one silent for more than ~6 months across New
/// Year, cannot be dated from month/day alone; `--year` then sets the year of the first line.
///
/// ### Bounds
/// Whatever the stamps do, a year is never later than the anchor's (the mtime's date plus the
/// day of slack) nor earlier than the year before the mtime's: stamps that flip between `Dec 31`
/// and `Jun 1` would otherwise roll the year over at every pair (year 3024 after 2,000 lines).
/// A rollover past the bound keeps the year; a straggler before it gets the earliest year.
/// With `--year Y` the bounds are Y - 1 and Y + 1.
///
/// ### `--year` override
/// `yearOverride` is the year of the file's *first* line; Dec -> Jan rollovers inside the file
/// still advance it, so a log running from Nov 2019 into Jan 2020 reads correctly with
/// `--year 2019`. The modification time is ignored then.
public struct YearResolver: Sendable {
  /// A line more than this many days before the newest one means the year rolled over.
  @usableFromInline static let rolloverDays = 183
  /// A line at most this many days before the newest one, across New Year, is a straggler.
  @usableFromInline static let stragglerDays = 7

  /// Year of the file's first line: known at init unless the first line's date was not given,
  /// then known after the first `year(month:day:)` call.
  public private(set) var firstLineYear: Int?
  /// Year of the file's last line when its date was given (with `--year`, only when the first
  /// line's date was given too): with the first line's year this bounds the file in time, so a
  /// whole file outside a window can be skipped without reading it through.
  public let lastLineYear: Int?

  /// Day of the year of the last line, when given.
  let lastLine: Int?
  /// Local date of the anchor, as days since 1970 plus the day of slack.
  @usableFromInline let latestDay: Int64
  /// Year of the newest line seen so far (the running year).
  @usableFromInline var currentYear: Int
  /// No year returned is earlier or later than these (see "Bounds").
  @usableFromInline let earliestYear: Int
  @usableFromInline let latestYearAllowed: Int
  /// Day of the year (1...365, Feb 29 counted as Mar 1) of the newest line seen so far; 0 before
  /// the first line.
  @usableFromInline var newestDayOfYear: Int

  /// Prepares year inference for one file; see the type's documentation for the rules.
  ///
  /// - Parameters:
  ///   - lastLineMonthDay: month/day of the last line (plain files), or nil (gzip, unknown).
  ///   - firstLineMonthDay: month/day of the first line, or nil to take it from the first call.
  ///   - modificationTime: the file's mtime in epoch seconds; the current time for stdin.
  ///   - zone: the local zone, in which syslog stamps and the mtime's date are read.
  ///   - yearOverride: `--year`, the year of the first line; wins over everything else.
  public init(
    lastLineMonthDay: (month: Int, day: Int)?, firstLineMonthDay: (month: Int, day: Int)?,
    modificationTime: Int64, zone: LocalZone, yearOverride: Int? = nil
  ) {
    let anchor = zone.civil(modificationTime)
    latestDay = Civil.daysFromCivil(y: anchor.year, m: anchor.month, d: anchor.day) + 1
    newestDayOfYear = 0
    currentYear = 0
    if let yearOverride {
      earliestYear = yearOverride - 1
      latestYearAllowed = yearOverride + 1
    } else {
      earliestYear = anchor.year - 1
      latestYearAllowed = Civil.civilFromDays(latestDay).year
    }
    let bounds = earliestYear...latestYearAllowed
    lastLine = lastLineMonthDay.map { Self.dayOfYear(month: $0.month, day: $0.day) }
    if let yearOverride {
      firstLineYear = yearOverride
      if let first = firstLineMonthDay, let lastLine {
        let crossesNewYear =
          Self.dayOfYear(month: first.month, day: first.day) - lastLine
          > Self.stragglerDays
        lastLineYear = crossesNewYear ? yearOverride + 1 : yearOverride
      } else {
        lastLineYear = nil
      }
    } else if let last = lastLineMonthDay {
      lastLineYear = Self.latestYear(month: last.month, day: last.day, notAfter: latestDay)
        .clamped(to: bounds)
      firstLineYear = nil
      if let first = firstLineMonthDay {
        firstLineYear = firstYear(month: first.month, day: first.day).clamped(to: bounds)
      }
    } else {
      lastLineYear = nil
      firstLineYear = firstLineMonthDay.map {
        Self.latestYear(month: $0.month, day: $0.day, notAfter: latestDay).clamped(to: bounds)
      }
    }
  }

  /// Year of a first line given the last line's year (when known) or the anchor: the last
  /// line's year, or the year before if the first line's date is more than a week after the
  /// last line's (the file crosses New Year; a few days' disorder does not count).
  func firstYear(month: Int, day: Int) -> Int {
    guard let lastLineYear, let lastLine else {
      return Self.latestYear(month: month, day: day, notAfter: latestDay)
    }
    let crossesNewYear = Self.dayOfYear(month: month, day: day) - lastLine > Self.stragglerDays
    return crossesNewYear ? lastLineYear - 1 : lastLineYear
  }

  /// Year of the next line in file order (month 1...12, day 1...31).
  ///
  /// - Complexity: O(1), a few integer comparisons.
  @inlinable
  public mutating func year(month: Int, day: Int) -> Int {
    let dayOfYear = Self.dayOfYear(month: month, day: day)
    if newestDayOfYear == 0 { return start(month: month, day: day) }
    let ahead = dayOfYear - newestDayOfYear
    if ahead < -Self.rolloverDays {
      // Never past the anchor's year: flip-flopping stamps must not run the year away.
      if currentYear < latestYearAllowed { currentYear += 1 }
      newestDayOfYear = dayOfYear
      return currentYear
    }
    if ahead <= 0 { return currentYear }
    if ahead >= 365 - Self.stragglerDays { return Swift.max(currentYear - 1, earliestYear) }
    newestDayOfYear = dayOfYear
    return currentYear
  }

  /// Takes the first line: its year is known from init or found from the anchor now.
  @usableFromInline
  mutating func start(month: Int, day: Int) -> Int {
    currentYear = (firstLineYear ?? firstYear(month: month, day: day))
      .clamped(to: earliestYear...latestYearAllowed)
    firstLineYear = currentYear
    newestDayOfYear = Self.dayOfYear(month: month, day: day)
    return currentYear
  }

  /// Day of a non-leap year, 1...365 (Feb 29 maps to 60, like Mar 1): good enough to compare
  /// dates a day apart or half a year apart.
  @inlinable
  static func dayOfYear(month: Int, day: Int) -> Int {
    // Days before the month: 367 * m / 12 shape, corrected by 2 after February.
    let before = (367 * month - 362) / 12 - (month > 2 ? 2 : 0)
    return before + min(day, 31)
  }

  /// The latest year in which `month`/`day` falls on or before day number `latestDay`.
  static func latestYear(month: Int, day: Int, notAfter latestDay: Int64) -> Int {
    let anchorYear = Civil.civilFromDays(latestDay).year
    for year in [anchorYear + 1, anchorYear, anchorYear - 1]
    where Civil.daysFromCivil(y: year, m: month, d: day) <= latestDay {
      return year
    }
    return anchorYear - 2
  }
}

extension Int {
  /// `self` moved into `range`.
  @usableFromInline func clamped(to range: ClosedRange<Int>) -> Int {
    Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
  }
}
