import Testing

@testable import LogstatTime

@Suite struct CivilTests {
  @Test(arguments: [
    (1970, 1, 1, Int64(0)),
    (1969, 12, 31, -1),
    (2000, 3, 1, 11_017),
    (2024, 2, 29, 19_782),
    (2028, 2, 29, 21_243),
    (1900, 3, 1, -25_508),
    (2100, 3, 1, 47_541),
  ])
  func daysFromCivilMatchesKnownDates(year: Int, month: Int, day: Int, days: Int64) {
    #expect(Civil.daysFromCivil(y: year, m: month, d: day) == days)
    let back = Civil.civilFromDays(days)
    #expect(back.year == year && back.month == month && back.day == day)
  }

  @Test func civilFromDaysInvertsDaysFromCivilOverSixCenturies() {
    // 1700-01-01 ... 2299-12-31, every day: each step is exactly one day later.
    let first = Civil.daysFromCivil(y: 1700, m: 1, d: 1)
    let last = Civil.daysFromCivil(y: 2299, m: 12, d: 31)
    var previous = Civil.civilFromDays(first - 1)
    for days in first...last {
      let date = Civil.civilFromDays(days)
      #expect(Civil.daysFromCivil(y: date.year, m: date.month, d: date.day) == days)
      let expectedNext =
        previous.day < Civil.daysInMonth(year: previous.year, month: previous.month)
        ? (previous.year, previous.month, previous.day + 1)
        : previous.month < 12 ? (previous.year, previous.month + 1, 1) : (previous.year + 1, 1, 1)
      if date != expectedNext {
        Issue.record("day \(days): \(date) does not follow \(previous)")
        return
      }
      previous = date
    }
  }

  @Test func epochAndCivilAtFixedOffsets() {
    #expect(
      Civil.epoch(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1) == 1_795_328_701)
    #expect(
      Civil.epoch(
        year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1, utcOffset: 3_600)
        == 1_795_325_101)
    #expect(
      Civil.civil(epoch: 1_795_328_701)
        == CivilTime(year: 2026, month: 11, day: 22, hour: 6, minute: 25, second: 1))
    #expect(
      Civil.civil(epoch: 1_795_328_701, utcOffset: -18_000)
        == CivilTime(year: 2026, month: 11, day: 22, hour: 1, minute: 25, second: 1))
    #expect(
      Civil.civil(epoch: -1)
        == CivilTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
  }

  @Test(arguments: [
    (1900, false), (2000, true), (2023, false), (2024, true), (2028, true), (2100, false),
  ])
  func leapYears(year: Int, leap: Bool) {
    #expect(Civil.isLeapYear(year) == leap)
    #expect(Civil.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
  }

  @Test func civilTimeDescriptionIsZeroPadded() {
    #expect(
      CivilTime(year: 2026, month: 3, day: 9, hour: 6, minute: 5, second: 1).description
        == "2026-03-09 06:05:01")
  }
}
