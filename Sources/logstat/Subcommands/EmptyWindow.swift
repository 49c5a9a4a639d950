import LogstatEngine
import LogstatRun
import LogstatTime

/// The one line on standard error when a run counted no mail event: a nightly job must hear
/// that logging stopped, or that the window and the files do not meet.
enum EmptyWindow {
  /// `logstat: no mail events from A until B; the inputs cover C .. D (N lines in F files)`.
  static func message(_ result: RunResult, window: TimeWindow, zone: LocalZone) -> String {
    let lines = result.files.reduce(0) { $0 + $1.lines }
    let files = result.files.count
    let read = "\(lines) \(lines == 1 ? "line" : "lines") read from \(files) \(files == 1 ? "file" : "files")"
    let what = window.isUnbounded ? "no mail events in the inputs" : "no mail events \(window.description(in: zone))"
    guard let span = result.inputSpan else {
      return "logstat: \(what): the inputs hold no mail line (\(read))."
    }
    return "logstat: \(what); the inputs cover \(zone.timestamp(span.first)) .. \(zone.timestamp(span.last)) (\(read))."
  }
}
