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
  /// About how large each range is (nil: 64 MiB); a test knob, like `chunkSize`.
  public var rangeSize: Int64?
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

/// What happened to one input file.
public struct FileSummary: Sendable {
  public var input: InputFile
  public var isGzip = false
  /// Bytes of the file read (compressed size for gzip).
  public var bytesRead: Int64 = 0
  /// Uncompressed bytes scanned.
  public var bytesScanned: Int64 = 0
  public var lines = 0
  public var notMailLines = 0
  public var skippedLines = 0
  /// Lines longer than the cap, cut and counted.
  public var truncatedLines = 0
  /// Lines with a number out of any real range (`ScannedLine.damaged`), counted without it.
  public var damagedLines = 0
  /// The error that stopped reading this file, if any (lines before it were counted).
  public var error: InputError?
  /// Why the file was not read at all (outside the time window), or nil.
  public var skipReason: String?
  /// Lines read but outside the time window, so not counted.
  public var outsideWindowLines = 0
  /// Earliest and latest time of any stamped line read, inside the window or not (for a file
  /// skipped unread: its probed first and last times); nil when none.
  public var firstEvent: Int64?
  public var lastEvent: Int64?

  public init(input: InputFile) { self.input = input }
}

/// The outcome of a run: the merged aggregate (finished) and what happened per file.
public struct RunResult: Sendable {
  public var aggregate: Aggregate
  public var files: [FileSummary]
  /// Problems found while expanding arguments (missing files, empty directories).
  public var inputErrors: [InputError]

  public init(aggregate: Aggregate, files: [FileSummary], inputErrors: [InputError]) {
    self.aggregate = aggregate
    self.files = files
    self.inputErrors = inputErrors
  }

  /// Earliest and latest stamped line of all inputs (read or probed), whatever the window.
  public var inputSpan: (first: Int64, last: Int64)? {
    let firsts = files.compactMap(\.firstEvent)
    let lasts = files.compactMap(\.lastEvent)
    guard let first = firsts.min(), let last = lasts.max() else { return nil }
    return (first, last)
  }

  /// True when some input could not be read whole.
  public var isPartial: Bool { !inputErrors.isEmpty || files.contains { $0.error != nil } }
}
