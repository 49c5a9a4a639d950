import LogstatAggregate
import LogstatSource
import LogstatTime

/// Everything a run needs, resolved from the command line before any work starts.
public struct RunPlan: Sendable {
  /// Inputs in reading order (oldest rotation first).
  public var inputs: [InputFile]
  /// Worker count for scanning (files and chunks of large files).
  public var jobs: Int
  /// Bytes per chunk handed to the scanner (test knob: any size gives the same result).
  public var chunkSize: Int
  /// Longer lines are cut here and counted.
  public var maxLineLength: Int
  /// Local time zone for stamps without an offset.
  public var zone: LocalZone
  /// Year for classic syslog stamps, overriding inference.
  public var yearOverride: Int?
  /// "Now", epoch seconds: the anchor for standard input's year.
  public var now: Int64
  /// Only events inside this window are counted; whole files outside it are skipped unread.
  public var window: TimeWindow
  /// Plain files at least this large are read in several ranges at once (with jobs > 1).
  public var splitMinimum: Int64 = 8 << 20
  /// About how large each range is (nil: `WorkPlanner.rangeTarget`, 8 MiB); a test knob, like `chunkSize`.
  public var rangeSize: Int64?
  /// About how many inflated bytes each segment of a gzip input holds when several workers
  /// scan it (nil: `GzipFanOut.segmentTarget`, 2 MiB); a test knob, like `chunkSize`.
  public var segmentSize: Int?
  /// Collect the addresses that hard-bounced (`--suppression-list`); off by default.
  public var collectSuppression = false
  /// Journal inputs: `SYSLOG_IDENTIFIER` values read besides `postfix*` and `exim*`.
  public var journalIdentifiers: [String] = []

  public init(
    inputs: [InputFile], jobs: Int = 1, chunkSize: Int = 1 << 20, maxLineLength: Int = 1 << 20,
    zone: LocalZone = .utc, yearOverride: Int? = nil, now: Int64, window: TimeWindow = .all
  ) {
    self.window = window
    self.inputs = inputs
    self.jobs = jobs
    self.chunkSize = chunkSize
    self.maxLineLength = maxLineLength
    self.zone = zone
    self.yearOverride = yearOverride
    self.now = now
  }
}
