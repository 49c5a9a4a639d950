import LogstatTime
import Testing

@testable import LogstatEngine

/// The exact check of a range's years against a sequential read.
@Suite struct YearCheckTests {
  /// A resolver for a file last written on 2026-01-05 (UTC), with no probed lines.
  func resolver() -> YearResolver {
    YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil, modificationTime: 1_767_571_200, zone: .utc)
  }

  func day(_ month: Int, _ d: Int) -> Int32 { Int32(month << 5 | d) }

  @Test func sameStateMatchesAndAdvances() {
    var truth = resolver()
    _ = truth.year(month: 12, day: 30)
    let predicted = truth
    #expect(YearCheck.matches(days: [day(12, 31), day(1, 1)], predicted: predicted, truth: &truth))
    // The truth went past New Year with the range.
    #expect(truth.year(month: 1, day: 2) == 2026)
  }

  @Test func differentStatesGivingTheSameYearsMatch() {
    var truth = resolver()
    _ = truth.year(month: 12, day: 30)
    _ = truth.year(month: 1, day: 1)  // the true read already crossed New Year
    var predicted = resolver()
    _ = predicted.year(month: 12, day: 30)  // the prediction did not, but rolls over on Jan 2
    #expect(YearCheck.matches(days: [day(1, 2), day(1, 3)], predicted: predicted, truth: &truth))
    #expect(truth.year(month: 1, day: 3) == 2026)
  }

  @Test func wrongYearIsCaught() {
    var truth = resolver()
    _ = truth.year(month: 12, day: 30)
    // A prediction anchored a year later calls the same dates a year later.
    var predicted = YearResolver(
      lastLineMonthDay: nil, firstLineMonthDay: nil, modificationTime: 1_767_571_200 + 365 * 86_400,
      zone: .utc)
    _ = predicted.year(month: 12, day: 30)
    #expect(!YearCheck.matches(days: [day(12, 31)], predicted: predicted, truth: &truth))
  }

  @Test func emptyRangeAlwaysMatches() {
    var truth = resolver()
    #expect(YearCheck.matches(days: [], predicted: resolver(), truth: &truth))
  }
}
