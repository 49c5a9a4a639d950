import Testing

@testable import LogstatTime

@Suite struct LocalTimeConverterTests {
  /// Consecutive seconds across a DST change, forwards and then backwards: the cached converter
  /// gives exactly the uncached answers.
  @Test(arguments: [
    ("Europe/Berlin", Int64(1_774_393_200)),
    ("Europe/Berlin", Int64(1_792_447_200)),
    ("America/New_York", Int64(1_793_073_600)),
  ])
  func consecutiveSecondsMatchTheZone(identifier: String, start: Int64) throws {
    let local = try zone(identifier)
    var converter = LocalTimeConverter(zone: local)
    var mismatches = 0
    for epoch in Array(start..<(start + 500_000)) + (start..<(start + 500_000)).reversed() {
      let civil = converter.civil(epoch)
      if civil != local.civil(epoch) { mismatches += 1 }
      if converter.epoch(
        year: civil.year, month: civil.month, day: civil.day,
        hour: civil.hour, minute: civil.minute, second: civil.second) != local.epoch(civil)
      {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
  }

  /// Jumps all over 1900-2199, before 1970 included: every answer still matches.
  @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"])
  func randomJumpsMatchTheZone(identifier: String) throws {
    let local = try zone(identifier)
    var converter = LocalTimeConverter(zone: local)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var mismatches: [Int64] = []
    for _ in 0..<50_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let epoch =
        LocalZone.tableStart + Int64(state >> 1) % (LocalZone.tableEnd - LocalZone.tableStart)
      let civil = converter.civil(epoch)
      if civil != local.civil(epoch)
        || converter.epoch(
          year: civil.year, month: civil.month, day: civil.day,
          hour: civil.hour, minute: civil.minute, second: civil.second) != local.epoch(civil)
      {
        mismatches.append(epoch)
      }
    }
    #expect(mismatches.isEmpty)
  }

  @Test func gapAndOverlapResolveLikeTheZone() throws {
    var converter = LocalTimeConverter(zone: try zone("Europe/Berlin"))
    #expect(
      converter.epoch(year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0)
        == 1_774_747_800)
    #expect(
      converter.epoch(year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0)
        == 1_792_888_200)
    #expect(converter.civil(1_792_890_000) == CivilTime(year: 2026, month: 10, day: 25, hour: 2))
    #expect(
      converter.civil(1_792_889_999)
        == CivilTime(year: 2026, month: 10, day: 25, hour: 2, minute: 59, second: 59))
  }
}
