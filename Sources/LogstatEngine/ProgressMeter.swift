import Foundation

/// Bytes done out of the total, shared by the workers (one lock, touched once per chunk),
/// and a ticker that reports them periodically to a callback.
public final class ProgressMeter: @unchecked Sendable {
  /// One reading of the meter.
  public struct Snapshot: Sendable {
    /// Bytes read from disk so far (compressed bytes for gzip).
    public var done: Int64
    /// Bytes to read in all (0 when unknown, e.g. standard input).
    public var total: Int64
    /// Seconds since the run started.
    public var elapsed: Double

    /// `1.2 GB / 4.0 GB  30%  850 MB/s  ETA 3s`, for a terminal's status line.
    public var line: String {
      let rate = elapsed > 0 ? Double(done) / elapsed : 0
      var text = "\(Snapshot.megabytes(done))"
      if total > 0 {
        let percent = min(100, Int(Double(done) * 100 / Double(total)))
        text += " / \(Snapshot.megabytes(total))  \(percent)%"
      }
      text += "  \(Int(rate / 1_000_000)) MB/s"
      if total > done, rate > 0 {
        text += "  ETA \(Int((Double(total - done) / rate).rounded(.up)))s"
      }
      return text
    }

    static func megabytes(_ n: Int64) -> String {
      n >= 1_000_000_000
        ? String(format: "%.1f GB", Double(n) / 1e9) : "\(n / 1_000_000) MB"
    }
  }

  private let lock = NSLock()
  private var done: Int64 = 0
  private let total: Int64
  private let start = DispatchTime.now().uptimeNanoseconds
  private let wake = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private var ticking = false

  init(total: Int64) { self.total = total }

  /// Adds bytes read.
  func add(_ bytes: Int64) {
    lock.lock()
    done += bytes
    lock.unlock()
  }

  /// The current reading.
  public func snapshot() -> Snapshot {
    lock.lock()
    defer { lock.unlock() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Snapshot(done: done, total: total, elapsed: elapsed)
  }

  /// Calls `report` every `interval` seconds on a thread of its own, starting after `delay`
  /// seconds, until `stop()`; then once more with `final: true` if it reported anything.
  func startTicking(
    delay: Double, interval: Double, report: @escaping @Sendable (Snapshot, _ final: Bool) -> Void
  ) {
    ticking = true
    let thread = Thread { [self] in
      var reported = false
      var wait = delay
      while wake.wait(timeout: .now() + wait) == .timedOut {
        report(snapshot(), false)
        reported = true
        wait = interval
      }
      if reported { report(snapshot(), true) }
      finished.signal()
    }
    thread.name = "logstat-progress"
    thread.start()
  }

  /// Stops the ticker (waiting for its last report).
  func stop() {
    guard ticking else { return }
    wake.signal()
    finished.wait()
  }
}
