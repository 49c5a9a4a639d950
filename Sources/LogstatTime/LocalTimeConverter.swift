/// A per-worker converter between epoch seconds and local civil time that remembers the
/// current local day and the current offset period, so that consecutive log lines (which
/// are nearly always in the same day and period) convert with a few additions and
/// comparisons: no day arithmetic, no table search.
///
/// Results are identical to `LocalZone.epoch` and `LocalZone.civil`; only the speed differs.
/// Each worker owns one (it is a mutable value); share the `LocalZone`, not the converter.
public struct LocalTimeConverter: Sendable {
  /// The zone whose rules are applied.
  public let zone: LocalZone

  // Local -> epoch: the cached date and the local-seconds range where `localOffset` applies.
  @usableFromInline var localYear = Int.min
  @usableFromInline var localMonth = 0
  @usableFromInline var localDay = 0
  @usableFromInline var localDayStart: Int64 = 0
  @usableFromInline var localLow: Int64 = 1
  @usableFromInline var localHigh: Int64 = 0
  @usableFromInline var localOffset: Int64 = 0

  // Epoch -> civil: the UTC range where `utcOffset` applies, and the cached local day.
  @usableFromInline var utcLow: Int64 = 1
  @usableFromInline var utcHigh: Int64 = 0
  @usableFromInline var utcOffset: Int64 = 0
  @usableFromInline var civilDayStart: Int64 = 1
  @usableFromInline var civilDate = CivilTime(year: 0, month: 0, day: 0)

  /// Creates a converter with an empty cache.
  public init(zone: LocalZone) {
    self.zone = zone
  }

  /// Same as `LocalZone.epoch(year:month:day:hour:minute:second:)`, cached.
  ///
  /// - Complexity: O(1) when the day and offset period match the previous call.
  @inlinable
  public mutating func epoch(
    year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
  ) -> Int64 {
    if day != localDay || month != localMonth || year != localYear {
      localYear = year
      localMonth = month
      localDay = day
      localDayStart = Civil.daysFromCivil(y: year, m: month, d: day) * Civil.secondsPerDay
    }
    let local = localDayStart + Int64(hour * 3_600 + minute * 60 + second)
    if local < localLow || local >= localHigh { refreshLocalPeriod(local) }
    return local - localOffset
  }

  /// Same as `LocalZone.civil(_:)`, cached.
  ///
  /// - Complexity: O(1) when the day and offset period match the previous call.
  @inlinable
  public mutating func civil(_ epoch: Int64) -> CivilTime {
    if epoch < utcLow || epoch >= utcHigh { refreshUTCPeriod(epoch) }
    let local = epoch + utcOffset
    var secondOfDay = local - civilDayStart
    if secondOfDay < 0 || secondOfDay >= Civil.secondsPerDay {
      refreshCivilDay(local)
      secondOfDay = local - civilDayStart
    }
    // secondOfDay is in 0..<86400 here, so the narrowing cannot lose anything.
    let seconds = Int(truncatingIfNeeded: secondOfDay)
    var result = civilDate
    result.hour = seconds / 3_600
    result.minute = seconds / 60 % 60
    result.second = seconds % 60
    return result
  }

  /// Finds the offset period containing local seconds `local` (see `LocalZone.localSwitches`).
  @usableFromInline
  mutating func refreshLocalPeriod(_ local: Int64) {
    let switches = zone.localSwitches
    let index = LocalZone.countNotAfter(local, in: switches)
    localLow = index == 0 ? Int64.min : switches[index - 1]
    localHigh = index == switches.count ? Int64.max : switches[index]
    localOffset = index == 0 ? zone.initialOffset : zone.offsetsAfter[index - 1]
  }

  /// Finds the offset period containing the UTC second `epoch`.
  @usableFromInline
  mutating func refreshUTCPeriod(_ epoch: Int64) {
    let instants = zone.changeInstants
    let index = LocalZone.countNotAfter(epoch, in: instants)
    utcLow = index == 0 ? Int64.min : instants[index - 1]
    utcHigh = index == instants.count ? Int64.max : instants[index]
    utcOffset = index == 0 ? zone.initialOffset : zone.offsetsAfter[index - 1]
  }

  /// Recomputes the cached local date for local seconds `local`.
  @usableFromInline
  mutating func refreshCivilDay(_ local: Int64) {
    let days = Civil.floorDivide(local, Civil.secondsPerDay)
    civilDayStart = days * Civil.secondsPerDay
    let date = Civil.civilFromDays(days)
    civilDate = CivilTime(year: date.year, month: date.month, day: date.day)
  }
}
