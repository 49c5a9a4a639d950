/// The local time zone (from `TZ` or the system) as a table of UTC-offset changes, so that
/// converting between epoch seconds and local civil time is integer arithmetic plus a binary
/// search over at most a few hundred entries: no Foundation call, no lock, no allocation.
///
/// It is an immutable `Sendable` value: build it once (Foundation is used only then, see
/// `LocalZone+Foundation.swift`) and share it with every worker. Copies share the table storage.
/// For per-line work, each worker wraps it in a `LocalTimeConverter`, which caches the current
/// day and offset period (about 2-10 ns per conversion instead of about 40 ns).
///
/// The table covers 1900 through 2199. Before the first change the zone's oldest offset applies;
/// after 2199 the last offset stays in force (DST rules are not extrapolated).
///
/// ### Local times that occur twice or never
/// A local time in a DST gap (Berlin 2026-03-29 02:30) or overlap (Berlin 2026-10-25 02:30) is
/// read with the UTC offset in effect *before* the change. In a gap that moves it forward by the
/// gap's length (02:30 becomes 03:30 CEST); in an overlap it picks the first occurrence
/// (02:30 CEST). This is the same answer Foundation's `Calendar.date(from:)` gives.
public struct LocalZone: Sendable, Equatable, CustomStringConvertible {
  /// The zone's name, e.g. `Europe/Berlin` or `UTC`, for report headers.
  public let identifier: String
  /// Offset (seconds east of UTC) before the first recorded change.
  @usableFromInline let initialOffset: Int64
  /// UTC instants of the offset changes, ascending.
  @usableFromInline let changeInstants: [Int64]
  /// Offset in force from each change on; parallel to `changeInstants`.
  @usableFromInline let offsetsAfter: [Int64]
  /// Local seconds (civil time counted as if UTC) from which each change's new offset is used
  /// to read a civil time: the change instant plus the larger of the two offsets, so gap and
  /// overlap times still use the old offset. Ascending, parallel to `changeInstants`.
  @usableFromInline let localSwitches: [Int64]

  /// Builds a zone from its offset history; `changes` must be ascending by instant.
  init(identifier: String, initialOffset: Int, changes: [(instant: Int64, offset: Int)]) {
    self.identifier = identifier
    self.initialOffset = Int64(initialOffset)
    var instants: [Int64] = []
    var offsets: [Int64] = []
    var switches: [Int64] = []
    var previous = Int64(initialOffset)
    for change in changes {
      let offset = Int64(change.offset)
      guard offset != previous else { continue }  // a change of name or DST flag only
      instants.append(change.instant)
      offsets.append(offset)
      switches.append(change.instant + max(previous, offset))
      previous = offset
    }
    changeInstants = instants
    offsetsAfter = offsets
    localSwitches = switches
  }

  /// A zone with one offset forever (seconds east of UTC), e.g. for tests or `+01:00` readers.
  public init(identifier: String, fixedUTCOffset: Int) {
    self.init(identifier: identifier, initialOffset: fixedUTCOffset, changes: [])
  }

  /// Coordinated Universal Time.
  public static var utc: LocalZone { LocalZone(identifier: "UTC", fixedUTCOffset: 0) }

  /// The identifier, e.g. `Europe/Berlin`.
  public var description: String { identifier }

  /// UTC offset in seconds east of UTC in force at an epoch second.
  ///
  /// - Complexity: O(log n) in the number of offset changes (about 9 steps for Berlin).
  @inlinable
  public func utcOffset(at epoch: Int64) -> Int {
    let index = Self.countNotAfter(epoch, in: changeInstants)
    return Int(index == 0 ? initialOffset : offsetsAfter[index - 1])
  }

  /// Epoch seconds of a local civil time; gap and overlap times use the offset in force before
  /// the change (see the type's documentation).
  ///
  /// - Complexity: O(log n) in the number of offset changes.
  @inlinable
  public func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
    let local = Civil.epoch(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    let index = Self.countNotAfter(local, in: localSwitches)
    return local - (index == 0 ? initialOffset : offsetsAfter[index - 1])
  }

  /// Epoch seconds of a local civil time given as a `CivilTime`.
  @inlinable
  public func epoch(_ civil: CivilTime) -> Int64 {
    epoch(
      year: civil.year, month: civil.month, day: civil.day,
      hour: civil.hour, minute: civil.minute, second: civil.second)
  }

  /// The local civil time of an epoch second, for hour buckets and day keys.
  ///
  /// - Complexity: O(log n) in the number of offset changes.
  @inlinable
  public func civil(_ epoch: Int64) -> CivilTime {
    Civil.civil(epoch: epoch, utcOffset: utcOffset(at: epoch))
  }

  /// The first second of the local calendar day containing `epoch`. A day is a calendar day
  /// whatever its length (23 or 25 hours on DST days); if midnight itself falls in a gap, the
  /// day starts at the first existing second after it.
  @inlinable
  public func startOfDay(_ epoch: Int64) -> Int64 {
    let date = civil(epoch)
    return self.epoch(
      year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0)
  }

  /// The first second of the local calendar day `days` days after (or before, if negative) the
  /// day containing `epoch`.
  public func startOfDay(_ epoch: Int64, addingDays days: Int) -> Int64 {
    let date = civil(epoch)
    let target = Civil.civilFromDays(
      Civil.daysFromCivil(y: date.year, m: date.month, d: date.day) + Int64(days))
    return self.epoch(
      year: target.year, month: target.month, day: target.day, hour: 0, minute: 0, second: 0)
  }

  /// `2026-11-22 06:25:01 +01:00`: a local time with its offset, for headers and messages.
  public func timestamp(_ epoch: Int64) -> String {
    let offset = utcOffset(at: epoch)
    let magnitude = abs(offset)
    let sign = offset < 0 ? "-" : "+"
    let seconds = magnitude % 60 == 0 ? "" : ":" + Civil.pad(magnitude % 60, 2)
    return "\(civil(epoch)) \(sign)\(Civil.pad(magnitude / 3_600, 2)):"
      + Civil.pad(magnitude / 60 % 60, 2) + seconds
  }

  /// Number of leading elements of the ascending `values` that are `<= key`.
  @inlinable
  static func countNotAfter(_ key: Int64, in values: [Int64]) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] <= key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
