import LogstatScan
import LogstatSource
import LogstatTime

/// Decides, before reading, whether a file can hold events inside the time window.
///
/// Rotations are ordered, so a file's first and last stamps bound its events: plain files give
/// both (the last line is read backwards from the end); gzip files give the first line, and the
/// modification time bounds the last.
enum InputSelection {
  /// How the reason of a file skipped as not a log starts.
  static let notALogPrefix = "not a log ("

  /// Why a file found in a directory is not read: its first and last lines (the first only,
  /// for gzip) are neither a mail line nor any log line with a time stamp. Nil for logs,
  /// empty files, inputs named by the user and files that could not be probed (reading them
  /// reports why).
  static func notALogReason(_ input: InputFile, probe: ProbeResult?) -> String? {
    guard input.foundInDirectory, let probe, let first = probe.firstLine else { return nil }
    var line = ScannedLine()
    for bytes in [first, probe.lastLine ?? []] where !bytes.isEmpty {
      // Safe because: the scanner reads only the array's bytes, inside the closure.
      let isLog = bytes.withUnsafeBytes { b -> Bool in
        LineScanner.scan(b, into: &line)
        return line.kind != .notMail || !line.time.isUnset
      }
      if isLog { return nil }
    }
    let what: String
    if first.prefix(512).contains(0) || first.count == InputProbe.lineLimit {
      what = "binary data"
    } else if let c = first.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }),
      c == UInt8(ascii: "{") || c == UInt8(ascii: "[")
    {
      what = "JSON data"
    } else {
      what = "text without log time stamps"
    }
    return "\(notALogPrefix)\(what) in its first line\(probe.lastLine == nil ? "" : " and its last")); found in a directory, so left out. Name it to read it anyway."
  }

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
