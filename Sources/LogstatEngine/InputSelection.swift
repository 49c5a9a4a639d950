import LogstatSource
import LogstatTime

/// Decides, before reading, whether a file can hold events inside the time window.
///
/// Rotations are ordered, so a file's first and last stamps bound its events: plain files give
/// both (the last line is read backwards from the end); gzip files give the first line, and the
/// modification time bounds the last.
enum InputSelection {
  /// The reason to skip `input` unread, or nil to read it.
  static func skipReason(
    _ input: InputFile, probe: ProbeResult?, clock: LineClock, window: TimeWindow, zone: LocalZone
  ) -> String? {
    guard !window.isUnbounded, let (first, newest) = span(input, probe: probe, clock: clock)
    else { return nil }
    if window.overlaps(first: first, last: newest) { return nil }
    let span = "\(zone.timestamp(first)) .. \(zone.timestamp(newest))"
    if let since = window.since, newest < since {
      return "outside the time window: its events (\(span)) end before it starts"
    }
    return "outside the time window: its events (\(span)) start after it ends"
  }

  /// The first and (at most) last event times of a file from its probe: the last line of a
  /// plain file, the modification time of a gzip one; nil for standard input or no stamp.
  static func span(_ input: InputFile, probe: ProbeResult?, clock: LineClock) -> (Int64, Int64)? {
    guard !input.isStandardInput, let probe,
      let first = clock.epoch(ofProbedLine: probe.firstLine, yearHint: clock.years.firstLineYear)
    else { return nil }
    var last: Int64?
    if !probe.isGzip {
      last = clock.epoch(ofProbedLine: probe.lastLine, yearHint: clock.years.lastLineYear)
    }
    // The newest line is written no later than the file's modification time.
    return (first, last ?? probe.modificationTime)
  }
}
