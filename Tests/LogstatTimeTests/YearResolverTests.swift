import Testing

@testable import LogstatTime

@Suite struct YearResolverTests {
  let berlin: LocalZone
  init() throws { berlin = try zone("Europe/Berlin") }

  /// Epoch seconds of a Berlin civil time, for modification times.
  func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
    berlin.epoch(year: year, month: month, day: day, hour: hour, minute: minute, second: 0)
  }

  /// Years the resolver gives for lines with these month/day pairs, in order.
  func years(_ resolver: YearResolver, _ lines: [(Int, Int)]) -> [Int] {
    var resolver = resolver
    return lines.map { resolver.year(month: $0.0, day: $0.1) }
  }

  @Test func fileAcrossNewYearGivesDecemberThePreviousYear() {
    let lines = [(12, 30), (12, 31), (1, 1), (1, 2)]
    let resolver = YearResolver(
      lastLineMonthDay: (1, 2), firstLineMonthDay: (12, 30),
      modificationTime: at(2027, 1, 2, 10), zone: berlin)
    #expect(resolver.firstLineYear == 2026)
    #expect(resolver.lastLineYear == 2027)
    #expect(years(resolver, lines) == [2026, 2026, 2027, 2027])
  }

  @Test func rotationEntirelyInThePreviousYear() {
    // mail.log.1 rotated at 2027-01-01 00:05, every line from Dec 31.
    let resolver = YearResolver(
      lastLineMonthDay: (12, 31), firstLineMonthDay: (12, 31),
      modificationTime: at(2027, 1, 1, 0, 5), zone: berlin)
    #expect(resolver.firstLineYear == 2026 && resolver.lastLineYear == 2026)
    #expect(years(resolver, [(12, 31), (12, 31)]) == [2026, 2026])
  }

  @Test func rotationsEitherSideOfNewYear() {
    let older = YearResolver(
      lastLineMonthDay: (12, 31), firstLineMonthDay: (12, 25),
      modificationTime: at(2027, 1, 1, 0, 5), zone: berlin)
    let newer = YearResolver(
      lastLineMonthDay: (1, 7), firstLineMonthDay: (1, 1),
      modificationTime: at(2027, 1, 7, 23), zone: berlin)
    #expect(years(older, [(12, 25), (12, 28), (12, 31)]) == [2026, 2026, 2026])
    #expect(years(newer, [(1, 1), (1, 4), (1, 7)]) == [2027, 2027, 2027])
  }

  @Test func linesSlightlyOutOfOrderAroundMidnightKeepTheirYear() {
    // Dec 31 23:59:58, Jan 1 00:00:01, Dec 31 23:59:59 (late), Jan 1 00:00:02, Jan 1 00:00:00.
    let lines = [(12, 31), (1, 1), (12, 31), (1, 1), (1, 1), (1, 2), (1, 1)]
    let resolver = YearResolver(
      lastLineMonthDay: (1, 2), firstLineMonthDay: (12, 31),
      modificationTime: at(2027, 1, 2, 6), zone: berlin)
    #expect(years(resolver, lines) == [2026, 2027, 2026, 2027, 2027, 2027, 2027])
  }

  @Test func disorderWithinADayOrAtTheEndDoesNotFlipTheYear() {
    // First line Nov 23 00:00:01, a later one Nov 22 23:59:59 (last line): same year.
    let resolver = YearResolver(
      lastLineMonthDay: (11, 22), firstLineMonthDay: (11, 23),
      modificationTime: at(2026, 11, 23, 8), zone: berlin)
    #expect(resolver.firstLineYear == 2026 && resolver.lastLineYear == 2026)
    #expect(years(resolver, [(11, 23), (11, 22), (11, 23), (11, 22)]) == [2026, 2026, 2026, 2026])
  }

  @Test func gzipWithOnlyTheModificationTime() {
    let acrossNewYear = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil,
      modificationTime: at(2027, 1, 3, 4), zone: berlin)
    #expect(acrossNewYear.firstLineYear == nil && acrossNewYear.lastLineYear == nil)
    #expect(
      years(acrossNewYear, [(12, 27), (12, 31), (1, 1), (1, 3)]) == [2026, 2026, 2027, 2027])

    let withFirstLine = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: (11, 16),
      modificationTime: at(2026, 11, 23, 6, 25), zone: berlin)
    #expect(withFirstLine.firstLineYear == 2026 && withFirstLine.lastLineYear == nil)
    #expect(years(withFirstLine, [(11, 16), (11, 20), (11, 23)]) == [2026, 2026, 2026])
  }

  @Test func standardInputUsesNow() {
    let midday = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil,
      modificationTime: at(2026, 11, 23, 8), zone: berlin)
    #expect(years(midday, [(11, 22), (11, 23)]) == [2026, 2026])
    let justAfterNewYear = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil,
      modificationTime: at(2027, 1, 1, 0, 10), zone: berlin)
    #expect(years(justAfterNewYear, [(12, 31), (1, 1)]) == [2026, 2027])
  }

  @Test func yearOverrideIsTheFirstLinesYearAndStillRollsOver() {
    let resolver = YearResolver(
      lastLineMonthDay: (1, 4), firstLineMonthDay: (11, 20),
      modificationTime: at(2026, 11, 23, 8), zone: berlin, yearOverride: 2019)
    #expect(resolver.firstLineYear == 2019 && resolver.lastLineYear == 2020)
    #expect(years(resolver, [(11, 20), (12, 31), (1, 4)]) == [2019, 2019, 2020])
    let gzip = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil,
      modificationTime: at(2026, 11, 23, 8), zone: berlin, yearOverride: 2019)
    #expect(gzip.firstLineYear == 2019 && gzip.lastLineYear == nil)
    #expect(years(gzip, [(12, 31), (1, 1)]) == [2019, 2020])
  }

  @Test func lastLineOnlyDatesTheFirstLineFromTheLastLinesYear() {
    let resolver = YearResolver(
      lastLineMonthDay: (1, 2), firstLineMonthDay: nil,
      modificationTime: at(2027, 1, 2, 10), zone: berlin)
    #expect(resolver.firstLineYear == nil && resolver.lastLineYear == 2027)
    var running = resolver
    #expect(running.year(month: 12, day: 30) == 2026)
    #expect(running.firstLineYear == 2026)
    #expect(running.year(month: 1, day: 2) == 2027)
  }

  @Test func writerAheadOfOurClockByLessThanADayKeepsTheYear() throws {
    // mtime 2026-12-31 23:30 UTC, but the writer's stamps are an hour ahead.
    let utc = try zone("UTC")
    let resolver = YearResolver(
      lastLineMonthDay: (1, 1), firstLineMonthDay: (12, 31),
      modificationTime: 1_798_759_800, zone: utc)
    #expect(resolver.lastLineYear == 2027 && resolver.firstLineYear == 2026)
    #expect(years(resolver, [(12, 31), (1, 1)]) == [2026, 2027])
  }

  @Test func aLongSilenceWithinTheYearIsNotAStraggler() {
    let resolver = YearResolver(
      lastLineMonthDay: (9, 15), firstLineMonthDay: (2, 1),
      modificationTime: at(2026, 9, 15, 12), zone: berlin)
    #expect(years(resolver, [(2, 1), (2, 2), (9, 15)]) == [2026, 2026, 2026])
  }

  @Test func leapDayKeepsItsYear() {
    let resolver = YearResolver(
      lastLineMonthDay: (3, 1), firstLineMonthDay: (2, 28),
      modificationTime: at(2028, 3, 1, 9), zone: berlin)
    #expect(years(resolver, [(2, 28), (2, 29), (3, 1)]) == [2028, 2028, 2028])
    #expect(
      berlin.epoch(year: 2028, month: 2, day: 29, hour: 0, minute: 0, second: 0) == 1_835_391_600)
  }

  @Test func lastLineAfterTheModificationDateBelongsToTheYearBefore() {
    // A file last written on 2026-03-01 whose last line says Nov 30: that is Nov 30, 2025.
    let resolver = YearResolver(
      lastLineMonthDay: (11, 30), firstLineMonthDay: (11, 1),
      modificationTime: at(2026, 3, 1, 12), zone: berlin)
    #expect(resolver.lastLineYear == 2025 && resolver.firstLineYear == 2025)
  }

  /// Stamps flipping between Dec 31 and Jun 1 rolled the year over at every pair (year 3024
  /// after 2,000 lines): the year now stays within the mtime's year and the one before.
  @Test(arguments: [false, true])
  func flipFloppingStampsStayWithinTheModificationYear(gzip: Bool) {
    var flips: [(Int, Int)] = []
    for _ in 0..<1_000 { flips += [(12, 31), (6, 1)] }
    let resolver = YearResolver(
      lastLineMonthDay: gzip ? nil : (6, 1), firstLineMonthDay: (12, 31),
      modificationTime: at(2025, 7, 15, 12), zone: berlin)
    let got = years(resolver, flips)
    #expect(got.max() == 2025)
    #expect(got.min() == 2024)
    #expect(got.last == 2025)
  }

  @Test func flipFloppingStampsWithYearOverrideStayNearIt() {
    var flips: [(Int, Int)] = []
    for _ in 0..<100 { flips += [(12, 31), (6, 1)] }
    let resolver = YearResolver(
      lastLineMonthDay: (6, 1), firstLineMonthDay: (12, 31),
      modificationTime: at(2025, 7, 15, 12), zone: berlin, yearOverride: 2019)
    let got = years(resolver, flips)
    #expect(got.first == 2019)
    #expect(got.max() == 2020)
  }

  @Test func stragglerNeverBeforeTheYearBeforeTheModificationYear() {
    // A gzip rotation written on 2025-01-01 whose first line says Jan 5 (so 2024): a Dec 31
    // straggler after it would be 2023, more than a year before the file was written.
    let resolver = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: (1, 5),
      modificationTime: at(2025, 1, 1, 0, 30), zone: berlin)
    #expect(years(resolver, [(1, 5), (12, 31), (1, 6)]) == [2024, 2024, 2024])
  }
}
