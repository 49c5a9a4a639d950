import Testing

@testable import LogstatTime

/// "Now" for these tests: 2026-11-23 08:00:00 in Berlin (07:00:00Z).
private let now: Int64 = 1_795_417_200

@Suite struct TimeExpressionTests {
  let berlin: LocalZone
  init() throws { berlin = try zone("Europe/Berlin") }

  @Test(arguments: [
    ("now", Int64(1_795_417_200)),
    ("today", 1_795_388_400),
    ("yesterday", 1_795_302_000),
    ("  Yesterday ", 1_795_302_000),
    ("TODAY", 1_795_388_400),
    ("30s", 1_795_417_170),
    ("90m", 1_795_411_800),
    ("24h", 1_795_330_800),
    ("7d", 1_794_812_400),
    ("2w", 1_794_207_600),
    ("1h30m", 1_795_411_800),
    ("0s", 1_795_417_200),
    ("2026-11-22", 1_795_302_000),
    ("2026-11-22T06:00", 1_795_323_600),
    ("2026-11-22 06:00", 1_795_323_600),
    ("2026-11-22t06:00", 1_795_323_600),
    ("2026-11-22T06:00:30", 1_795_323_630),
    ("2026-11-22T06:00:30.250", 1_795_323_630),
    ("2026-11-22 06:00:30,250", 1_795_323_630),
    ("2026-11-22T06:00Z", 1_795_327_200),
    ("2026-11-22T06:00:00z", 1_795_327_200),
    ("2026-11-22T06:00+01:00", 1_795_323_600),
    ("2026-11-22T06:00:00+0100", 1_795_323_600),
    ("2026-11-22 06:00:00 +0100", 1_795_323_600),
    ("2026-11-22T06:00:00.123456-05:00", 1_795_345_200),
    ("2026-11-22T06:00-05", 1_795_345_200),
    ("@1795330800", 1_795_330_800),
    ("@-1", -1),
  ])
  func everyFormNamesItsInstant(text: String, expected: Int64) throws {
    #expect(try TimeExpression.instant(text, option: "--since", now: now, zone: berlin) == expected)
  }

  @Test func sinceYesterdayIsYesterdaysLocalDay() throws {
    let window = try TimeExpression.resolveWindow(
      since: "yesterday", until: nil, now: now, zone: berlin)
    #expect(window == TimeWindow(since: 1_795_302_000, until: 1_795_388_400))
  }

  @Test(arguments: [
    // Berlin: spring forward on 2026-03-29 (23 h), fall back on 2026-10-25 (25 h).
    (
      "Europe/Berlin", Int64(1_774_864_800), Int64(1_774_738_800), Int64(1_774_821_600),
      Int64(82_800)
    ),
    ("Europe/Berlin", 1_793_012_400, 1_792_879_200, 1_792_969_200, 90_000),
    // New York: 2026-03-08 (23 h) and 2026-11-01 (25 h).
    ("America/New_York", 1_773_072_000, 1_772_946_000, 1_773_028_800, 82_800),
    ("America/New_York", 1_793_638_800, 1_793_505_600, 1_793_595_600, 90_000),
    // The day after a leap day (2028-03-01 09:00 Berlin): yesterday is Feb 29.
    ("Europe/Berlin", 1_835_510_400, 1_835_391_600, 1_835_478_000, 86_400),
  ])
  func yesterdayOnDSTAndLeapDays(
    identifier: String, now: Int64, since: Int64, until: Int64, length: Int64
  ) throws {
    let local = try zone(identifier)
    let window = try TimeExpression.resolveWindow(
      since: "yesterday", until: nil, now: now, zone: local)
    #expect(window == TimeWindow(since: since, until: until))
    #expect(until - since == length)
  }

  @Test(arguments: [
    ("2028-02-29", "2028-03-01", Int64(1_835_391_600), Int64(1_835_478_000)),
    ("2024-02-29", "2024-03-01", 1_709_161_200, 1_709_247_600),
    ("2026-03-29", "2026-03-30", 1_774_738_800, 1_774_821_600),
  ])
  func dateToNextDateIsExactlyThatDay(since: String, until: String, start: Int64, end: Int64) throws
  {
    let window = try TimeExpression.resolveWindow(
      since: since, until: until, now: now, zone: berlin)
    #expect(window == TimeWindow(since: start, until: end))
  }

  @Test func defaults() throws {
    func window(_ since: String?, _ until: String?) throws -> TimeWindow {
      try TimeExpression.resolveWindow(since: since, until: until, now: now, zone: berlin)
    }
    #expect(try window(nil, nil) == .all)
    #expect(try window("today", nil) == TimeWindow(since: 1_795_388_400, until: now))
    #expect(try window("2h", nil) == TimeWindow(since: now - 7_200, until: now))
    #expect(try window("2026-11-20", nil) == TimeWindow(since: 1_795_129_200, until: now))
    #expect(try window(nil, "2026-11-22") == TimeWindow(since: nil, until: 1_795_302_000))
    #expect(try window("yesterday", "now") == TimeWindow(since: 1_795_302_000, until: now))
    // A date as --until ends just before that day starts.
    #expect(
      try window("2026-11-20", "2026-11-22")
        == TimeWindow(since: 1_795_129_200, until: 1_795_302_000))
  }

  @Test func sinceNotBeforeUntilIsAnError() {
    #expect {
      try TimeExpression.resolveWindow(
        since: "2026-11-23", until: "2026-11-22", now: now, zone: berlin)
    } throws: { error in
      let error = error as? TimeExpressionError
      return error?.code == .emptyWindow
        && error?.description
          == "--since '2026-11-23' (2026-11-23 00:00:00 +01:00) is not before --until '2026-11-22' "
          + "(2026-11-22 00:00:00 +01:00), so no line could match. "
          + "Give an earlier --since or a later --until."
    }
    #expect {
      try TimeExpression.resolveWindow(since: "2026-12-01", until: nil, now: now, zone: berlin)
    } throws: { error in
      (error as? TimeExpressionError)?.description
        == "--since '2026-12-01' (2026-12-01 00:00:00 +01:00) is not before the default --until "
        + "(now) (2026-11-23 08:00:00 +01:00), so no line could match. "
        + "Give an earlier --since or a later --until."
    }
    #expect(throws: TimeExpressionError.self) {
      try TimeExpression.resolveWindow(since: "now", until: "now", now: now, zone: berlin)
    }
  }

  @Test(arguments: [
    ("", "it is empty"),
    ("yesterdy", "it is not a keyword, a duration, a date or a date-time"),
    ("-2h", "it is not a keyword, a duration, a date or a date-time"),
    ("90", "a number needs a unit, e.g. 90m"),
    ("90x", "unknown unit at 'x' (use s, m, h, d or w)"),
    ("5y", "unknown unit at 'y' (use s, m, h, d or w)"),
    ("1h30", "the last amount has no unit (use s, m, h, d or w)"),
    ("100000w", "durations longer than 100 years are not accepted"),
    ("@soon", "'@' must be followed by whole seconds since 1970, e.g. @1795330800"),
    ("2026-13-01", "month 13 is not 01-12"),
    ("2026-02-30", "2026-02 has no day 30 (it has 28)"),
    ("2027-02-29", "2027-02 has no day 29 (it has 28)"),
    ("2026-11-1", "expected a two-digit day"),
    ("2026-11-22X06:00", "expected 'T' or a blank before the time, found 'X06:00'"),
    ("2026-11-22T06", "expected ':' after the hour"),
    ("2026-11-22T25:00", "hour 25 is not 00-23"),
    ("2026-11-22T06:60", "minute 60 is not 00-59"),
    ("2026-11-22T06:00:61", "second 61 is not 00-59"),
    ("2026-11-22T06:00:00.", "expected fraction digits after the seconds"),
    ("2026-11-22T06:00+1", "expected two-digit offset hours"),
    ("2026-11-22T06:00 CET", "expected an offset (Z, +01:00, +0100) at 'CET'"),
    ("2026-11-22T06:00Zulu", "unexpected 'ulu' at the end"),
  ])
  func invalidFormsSayWhy(text: String, reason: String) {
    #expect {
      try TimeExpression.resolveWindow(since: nil, until: text, now: now, zone: berlin)
    } throws: { error in
      let error = error as? TimeExpressionError
      return error?.code == .invalidExpression
        && error?.message == "--until '\(text)' is not a time expression: \(reason).\n"
          + TimeExpressionError.acceptedForms(zone: berlin)
    }
  }

  @Test func errorTextListsTheAcceptedFormsWithExamples() {
    let forms = TimeExpressionError.acceptedForms(zone: berlin)
    #expect(
      forms.hasPrefix(
        "Accepted forms (local times are in Europe/Berlin unless an offset is given):"))
    for example in [
      "now, today, yesterday", "90m", "24h", "7d", "2026-11-22", "2026-11-22T06:00",
      "\"2026-11-22 06:00\"", "+01:00", "@1795330800",
    ] {
      #expect(forms.contains(example), "missing \(example)")
    }
  }
}
