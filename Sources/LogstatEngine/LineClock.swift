import LogstatScan
import LogstatSource
import LogstatTime

/// Turns line stamps into epoch seconds: offsets when the stamp has one, the local zone
/// otherwise, and an inferred year for classic syslog stamps.
struct LineClock {
  var zone: LocalTimeConverter
  var years: YearResolver

  /// Epoch seconds of `t`.
  mutating func epoch(_ t: LineTime) -> Int64 {
    let year = t.year != 0 ? t.year : years.year(month: t.month, day: t.day)
    if let offset = t.utcOffset {
      return Civil.daysFromCivil(y: year, m: t.month, d: t.day) * 86_400
        + Int64(t.hour * 3600 + t.minute * 60 + t.second - offset)
    }
    return zone.epoch(
      year: year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second)
  }

  /// A clock for `input`, its year anchored on the file's last line and modification time.
  static func forInput(_ input: InputFile, probe: ProbeResult?, plan: RunPlan) -> LineClock {
    let years = YearResolver(
      lastLineMonthDay: monthDay(probe?.lastLine), firstLineMonthDay: monthDay(probe?.firstLine),
      modificationTime: probe?.modificationTime ?? plan.now, zone: plan.zone,
      yearOverride: plan.yearOverride)
    return LineClock(zone: LocalTimeConverter(zone: plan.zone), years: years)
  }

  /// Epoch of a probed line, using a copy of this clock (the running clock is not advanced).
  func epoch(ofProbedLine bytes: [UInt8]?, yearHint: Int?) -> Int64? {
    guard let bytes else { return nil }
    var line = ScannedLine()
    // Safe because: the scanner reads only the array's bytes, inside the closure, and keeps
    // spans (offsets), not pointers.
    let time = bytes.withUnsafeBytes { b -> LineTime in
      LineScanner.scan(b, into: &line)
      return line.time
    }
    guard !time.isUnset else { return nil }
    var t = time
    if t.year == 0 {
      guard let yearHint else { return nil }
      t.year = yearHint
    }
    var copy = self
    return copy.epoch(t)
  }

  private static func monthDay(_ bytes: [UInt8]?) -> (month: Int, day: Int)? {
    guard let bytes else { return nil }
    var line = ScannedLine()
    // Safe because: the scanner reads only the array's bytes, inside the closure.
    return bytes.withUnsafeBytes { b -> (month: Int, day: Int)? in
      LineScanner.scan(b, into: &line)
      return line.time.isUnset ? nil : (line.time.month, line.time.day)
    }
  }
}
