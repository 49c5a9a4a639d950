#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LogstatAggregate
import LogstatClassify
import LogstatEvents
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime

/// Reads one work unit (an input, or one byte range of it) into its own aggregate.
///
/// Owns its reader, scanner state and clock; never shared between threads while it runs.
final class FileWorker {
  /// Most distinct dates a unit records for the year check; more means "check by re-reading".
  static let dayLimit = 4096

  /// The worker thread's classifier, shared by the units it reads one after another, so its
  /// reply cache classifies each distinct reply once per worker, not once per unit.
  private let classifier: ReplyClassifier
  /// The clock; after `run`, its state at the end of the unit.
  private(set) var clock: LineClock
  private let window: TimeWindow
  var aggregate = Aggregate()
  var summary: FileSummary
  /// Classic-stamp dates (month << 5 | day) in line order, consecutive repeats dropped: all the
  /// year inference saw, so the merge can check the years this unit used (see `YearCheck`).
  private(set) var days: [Int32] = []
  /// True when the unit saw more than `dayLimit` distinct consecutive dates.
  private(set) var daysOverflowed = false
  private var lastDay: Int32 = -1
  /// The last stamp `epoch` converted and its result (month 0: none yet).
  private var lastTime = LineTime()
  private var lastEpoch: Int64 = 0
  /// An Exim reject log: its rejects repeat the main log's and count as other mail lines.
  var rejectLog = false
  /// Exim panic log: each stamped line is a `panic` event.
  var panicLog = false

  init(
    input: InputFile, clock: LineClock, window: TimeWindow,
    classifier: ReplyClassifier = ReplyClassifier()
  ) {
    self.classifier = classifier
    self.clock = clock
    self.window = window
    self.summary = FileSummary(input: input)
  }

  /// Reads the whole input (or `range` of it) chunk by chunk; with `pipelined`, gzip input is
  /// inflated on a thread of its own while this one scans.
  func run(plan: RunPlan, range: Range<Int64>? = nil, pipelined: Bool = false, meter: ProgressMeter? = nil) {
    // Every work unit's aggregate collects suppression addresses when asked, so the merge has them all.
    aggregate.collectSuppression = plan.collectSuppression
    let source: any ChunkSource
    do {
      source = try openSource(summary.input, plan: plan, range: range, pipelined: pipelined)
    } catch {
      summary.error = error
      return
    }
    var reported: Int64 = 0
    do {
      while let chunk = try source.next() {
        scan(chunk)
        if let meter {
          let read = source.compressedBytesRead
          meter.add(read - reported)
          reported = read
        }
      }
    } catch {
      summary.error = error
    }
    summary.isGzip = source.isGzip
    summary.bytesRead = source.compressedBytesRead
    summary.bytesScanned = source.bytesProduced
    summary.truncatedLines = source.truncatedLines
    summary.lines = aggregate.lines.total + summary.outsideWindowLines
    summary.notMailLines = aggregate.lines.notMail
    summary.skippedLines = aggregate.lines.skipped
    summary.damagedLines = aggregate.lines.damaged
  }

  /// Splits a chunk of whole lines at newlines and feeds each line through scan, classify,
  /// its event and the aggregate.
  /// - Complexity: O(n) in the chunk size; no allocation per line.
  func scan(_ chunk: UnsafeRawBufferPointer) {
    guard let base = chunk.baseAddress else { return }
    // A local value: scanning into a class property would copy it in and out per line.
    var line = ScannedLine()
    // The line's event, rebuilt in place for every line (`LineEvent.read`) and lent to the
    // aggregate by address (`add(&event)`: by value, the 345 bytes were copied, a `memcpy` a
    // line). Building a fresh one per line in a returned value instead cost more (measured),
    // as the return was copied too and the fresh value written whole.
    var event = LineEvent()
    var start = 0
    let end = chunk.count
    // Read once per chunk, not once per line (the calls in the loop could change a `var`).
    let rejectLog = self.rejectLog
    let panicLog = self.panicLog
    let window = self.window
    let classifier = self.classifier
    var earliest = Int64.max
    var latest = Int64.min
    defer {
      if earliest <= latest {
        summary.firstEvent = Swift.min(summary.firstEvent ?? earliest, earliest)
        summary.lastEvent = Swift.max(summary.lastEvent ?? latest, latest)
      }
    }
    while start < end {
      let stop: Int
      // Safe because: `start < end == chunk.count`, so memchr reads only inside the chunk,
      // and a line's bytes (`start..<stop`, with `stop <= end`) are used only in this turn
      // of the loop, while the reader keeps the chunk.
      if let p = memchr(base + start, 0x0A, end - start) {
        stop = base.distance(to: UnsafeRawPointer(p))
      } else {
        stop = end
      }
      // Safe because: `start..<stop` lies inside the chunk (see above).
      let bytes = UnsafeRawBufferPointer(start: base + start, count: stop - start)
      LineScanner.scan(bytes, into: &line)
      if rejectLog, line.kind == .inboundReject { line.kind = .skipped }
      if panicLog { EximPanicLog.mark(bytes, &line) }
      let epoch = line.time.isUnset ? nil : epoch(line.time)
      if let t = epoch, line.kind != .notMail {
        if t < earliest { earliest = t }
        if t > latest { latest = t }
      }
      if let t = epoch, !window.contains(t) {
        // Before the window: context for the messages it holds; after it: nothing.
        summary.outsideWindowLines += 1
        if let since = window.since, t < since {
          event.read(&line, bytes: bytes, epoch: epoch, counted: false)
          aggregate.add(&event)
        }
      } else {
        let verdict = LineEvent.classify(line, bytes, with: classifier)
        event.read(&line, bytes: bytes, epoch: epoch, verdict: verdict)
        aggregate.add(&event)
      }
      start = stop + 1
    }
  }

  /// The epoch of a stamp, noting the dates that needed year inference.
  ///
  /// A stamp equal to the previous line's gets the previous epoch: the clock's year inference
  /// answers a repeated date with the same year and is left as it was, and a repeated day is
  /// not recorded again, so skipping the call changes nothing (most lines repeat the second).
  @inline(__always) private func epoch(_ t: LineTime) -> Int64 {
    if t == lastTime { return lastEpoch }
    let e = freshEpoch(t)
    lastTime = t
    lastEpoch = e
    return e
  }

  private func freshEpoch(_ t: LineTime) -> Int64 {
    if t.year == 0 {
      let day = Int32(truncatingIfNeeded: t.month << 5 | t.day)
      if day != lastDay {
        lastDay = day
        if days.count < FileWorker.dayLimit { days.append(day) } else { daysOverflowed = true }
      }
    }
    return clock.epoch(t)
  }
}

/// Where a worker gets chunks of whole lines from: a `ChunkReader`, or a `PipelinedReader`.
protocol ChunkSource: AnyObject {
  func next() throws(InputError) -> UnsafeRawBufferPointer?
  var isGzip: Bool { get }
  var compressedBytesRead: Int64 { get }
  var bytesProduced: Int64 { get }
  var truncatedLines: Int { get }
}

extension ChunkReader: ChunkSource {}
extension JournalReader: ChunkSource {}

/// The reader for `input`: a journal reader for a journal file or directory (told by content),
/// else a chunk reader (plain or gzip), inflating on a thread of its own when `pipelined`.
func openSource(
  _ input: InputFile, plan: RunPlan, range: Range<Int64>? = nil, pipelined: Bool = false
) throws(InputError) -> any ChunkSource {
  if range == nil, Journal.isJournal(input) {
    return try JournalReader(
      input, identifiers: plan.journalIdentifiers, since: plan.window.since, until: plan.window.until,
      chunkSize: plan.chunkSize, maxLineLength: plan.maxLineLength)
  }
  let reader = try ChunkReader(
    input, chunkSize: plan.chunkSize, maxLineLength: plan.maxLineLength, byteRange: range)
  return pipelined && reader.isGzip ? PipelinedReader(reader) : reader
}
