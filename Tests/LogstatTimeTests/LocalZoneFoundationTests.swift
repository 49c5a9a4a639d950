import Foundation
import Testing

@testable import LogstatTime

/// Checks the arithmetic conversion against Foundation's answers (correctness, not timing).
@Suite struct LocalZoneFoundationTests {
  /// Foundation's civil time of an epoch second in a zone.
  static func foundationCivil(_ epoch: Int64, in calendar: Calendar) -> CivilTime {
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    return CivilTime(
      year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
      hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0)
  }

  /// Foundation's epoch second of a civil time in a zone.
  static func foundationEpoch(_ civil: CivilTime, in calendar: Calendar) -> Int64? {
    let parts = DateComponents(
      year: civil.year, month: civil.month, day: civil.day,
      hour: civil.hour, minute: civil.minute, second: civil.second)
    return calendar.date(from: parts).map { Int64($0.timeIntervalSince1970) }
  }

  /// A million consecutive seconds around a DST change: the conversion round-trips everywhere
  /// (except the repeated hour, which maps to its first occurrence) and agrees with Foundation
  /// at every 997th second and at every second of the hours around the change.
  @Test(arguments: [
    ("Europe/Berlin", Int64(1_774_393_200)),  // 2026-03-25 00:00 +01:00, spans Mar 29
    ("Europe/Berlin", Int64(1_792_447_200)),  // 2026-10-20 00:00 +02:00, spans Oct 25
    ("America/New_York", Int64(1_772_600_400)),  // 2026-03-04 00:00 -05:00, spans Mar 8
    ("America/New_York", Int64(1_793_073_600)),  // 2026-10-27 00:00 -04:00, spans Nov 1
  ])
  func millionSecondsAgreeWithFoundation(identifier: String, start: Int64) throws {
    let local = try zone(identifier)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: identifier))
    var mismatches = 0
    var repeated = 0
    for epoch in start..<(start + 1_000_000) {
      let civil = local.civil(epoch)
      let back = local.epoch(civil)
      if back == epoch - 3_600 {
        repeated += 1  // second pass through the repeated hour
      } else if back != epoch {
        mismatches += 1
      }
      let nearChange = local.utcOffset(at: epoch - 3_600) != local.utcOffset(at: epoch + 3_600)
      if epoch % 997 == 0 || nearChange {
        if civil != Self.foundationCivil(epoch, in: calendar)
          || back != Self.foundationEpoch(civil, in: calendar)
        {
          mismatches += 1
        }
      }
    }
    #expect(mismatches == 0)
    let fallsBack = local.utcOffset(at: start) > local.utcOffset(at: start + 999_999)
    #expect(repeated == (fallsBack ? 3_600 : 0))
  }

  /// UTC offsets over 1970-2100 in zones with half-hour DST, odd offsets, and a skipped day.
  @Test(arguments: [
    "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
    "America/Santiago", "Pacific/Apia", "Asia/Kolkata", "UTC",
  ])
  func offsetsAgreeWithFoundationFrom1970To2100(identifier: String) throws {
    let local = try zone(identifier)
    let foundation = try #require(TimeZone(identifier: identifier))
    var mismatches: [Int64] = []
    // Every 7 days + 1 hour + 1 second from 1970 to 2100: about 6,800 samples.
    var epoch: Int64 = 0
    while epoch < 4_102_444_800 {
      let expected = foundation.secondsFromGMT(
        for: Date(timeIntervalSince1970: TimeInterval(epoch)))
      if local.utcOffset(at: epoch) != expected { mismatches.append(epoch) }
      epoch += 7 * 86_400 + 3_601
    }
    #expect(mismatches.isEmpty)
  }
}
