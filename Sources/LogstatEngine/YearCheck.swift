import LogstatTime

/// Checks, when merging in file order, that a range read with a predicted clock gave every
/// classic stamp the year a sequential read would have.
///
/// Year inference depends only on the sequence of dates, and a date repeated right after
/// itself neither changes the resolver nor gets a different year; so replaying a unit's
/// recorded dates (repeats dropped) through the predicted and the true resolver and comparing
/// the years is an exact check, and leaves the true resolver where the unit ends.
enum YearCheck {
  /// True when `days` get the same years from `predicted` as from `truth`; advances `truth`
  /// past them either way (only meaningful when the answer is true).
  static func matches(days: [Int32], predicted: YearResolver, truth: inout YearResolver) -> Bool {
    var guess = predicted
    for day in days {
      let month = Int(day >> 5)
      let dayOfMonth = Int(day & 31)
      if guess.year(month: month, day: dayOfMonth) != truth.year(month: month, day: dayOfMonth) {
        return false
      }
    }
    return true
  }
}
