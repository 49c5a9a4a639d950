import LogstatSource

/// One piece of work: a whole input, or one newline-aligned byte range of a large plain file.
///
/// Units are numbered in input order and merged in that order, so a run gives the same
/// answer whatever the number of workers.
struct WorkUnit {
  /// Index of the file in `RunPlan.inputs`.
  var file: Int
  var input: InputFile
  /// The byte range to read, or nil for the whole input.
  var range: Range<Int64>?
  /// The clock at the start of the unit: exact for a file's first unit, predicted for the
  /// others (checked when merging, see `YearCheck`).
  var clock: LineClock
  /// True for the first unit of its file (its clock is exact).
  var isFirstOfFile: Bool
  /// Why the file is skipped unread, or nil to read it.
  var skipReason: String?
  /// A skipped file's first and last event times, from its probe.
  var skippedSpan: (Int64, Int64)?
  /// Bytes this unit reads from disk (for progress), 0 when unknown.
  var diskBytes: Int64
  /// The file is an Exim reject log: its rejects are already in the main log (`EximRejectLog`).
  var rejectLog = false
  /// The file is an Exim panic log: every line is a `panic` event (`EximPanicLog`).
  var panicLog = false
  /// The probe found gzip data: with several workers, a `GzipFanOut` inflates it for all of them.
  var isGzip = false
}
