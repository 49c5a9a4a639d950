import LogstatAggregate
import LogstatSource

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
