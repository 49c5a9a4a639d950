import Foundation

/// Building a `LocalZone` from the system's time-zone database. This is the only place the
/// module calls Foundation; it runs once per zone, never per line.
extension LocalZone {
  /// First second covered by the offset table: 1900-01-01T00:00:00Z.
  static let tableStart: Int64 = -2_208_988_800
  /// First second after the offset table: 2200-01-01T00:00:00Z.
  static let tableEnd: Int64 = 7_258_118_400

  /// The zone named by a tz database identifier (`Europe/Berlin`, `America/New_York`, `UTC`),
  /// or nil if the system does not know it.
  ///
  /// - Complexity: a few hundred Foundation look-ups (well under a millisecond); build it once.
  public init?(identifier: String) {
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    self.init(zone)
  }

  /// The local zone of this process: `TZ` if it names a known zone (a leading `:` and a
  /// `/usr/share/zoneinfo/` path prefix are accepted), else the system's zone.
  public static func current() -> LocalZone {
    if let value = ProcessInfo.processInfo.environment["TZ"],
      let identifier = zoneIdentifier(fromTZ: value),
      let zone = LocalZone(identifier: identifier)
    {
      return zone
    }
    return LocalZone(TimeZone.current)
  }

  /// Reduces a `TZ` value to a tz database identifier: `:Europe/Berlin` and
  /// `/usr/share/zoneinfo/Europe/Berlin` both become `Europe/Berlin`; empty gives nil.
  static func zoneIdentifier(fromTZ value: String) -> String? {
    var text = Substring(value)
    if text.hasPrefix(":") { text = text.dropFirst() }
    if let range = text.range(of: "zoneinfo/") { text = text[range.upperBound...] }
    return text.isEmpty ? nil : String(text)
  }

  /// Records every offset change of a Foundation zone between 1900 and 2200.
  init(_ zone: TimeZone) {
    func offset(at instant: Int64) -> Int {
      zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
    var changes: [(instant: Int64, offset: Int)] = []
    var cursor = Date(timeIntervalSince1970: TimeInterval(Self.tableStart))
    while let next = zone.nextDaylightSavingTimeTransition(after: cursor),
      next.timeIntervalSince1970 < TimeInterval(Self.tableEnd), next > cursor
    {
      // Transitions fall on whole seconds; round in case of binary-floating noise.
      let instant = Int64(next.timeIntervalSince1970.rounded())
      changes.append((instant, offset(at: instant)))
      cursor = next
    }
    self.init(
      identifier: zone.identifier, initialOffset: offset(at: Self.tableStart - 1), changes: changes)
  }
}
