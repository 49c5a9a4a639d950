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
    guard !window.isUnbounded, !input.isStandardInput, let probe else { return nil }
    let first = clock.epoch(ofProbedLine: probe.firstLine, yearHint: clock.years.firstLineYear)
    var last: Int64?
    if !probe.isGzip {
      last = clock.epoch(ofProbedLine: probe.lastLine, yearHint: clock.years.lastLineYear)
    }
    // The newest line is written no later than the file's modification time.
    let newest = last ?? probe.modificationTime
    guard let first else { return nil }
    if window.overlaps(first: first, last: newest) { return nil }
    let span = "\(zone.timestamp(first)) .. \(zone.timestamp(newest))"
    if let since = window.since, newest < since {
      return "outside the time window: its events (\(span)) end before it starts"
    }
    return "outside the time window: its events (\(span)) start after it ends"
  }
}
