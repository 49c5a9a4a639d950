import LogstatScan
import LogstatSource
import LogstatTime

/// Turns a plan's inputs into work units: probes each file once, skips files outside the time
/// window, and cuts large plain files into newline-aligned ranges when there are several workers.
enum WorkPlanner {
  /// A plain file is cut into ranges of about this size (more ranges than workers, so the
  /// workers stay busy; few enough that merging the partials costs little). Each range's
  /// partial aggregate waits in memory until merged: 1 GB log, 2 jobs, JSON, peak RSS 77 MB
  /// with 64 MiB ranges, 68 MB with 16 MiB, 64 MB with 8 MiB (docs/limits.md).
  static let rangeTarget: Int64 = 8 << 20
  /// Files smaller than this are never cut.
  static let splitMinimum: Int64 = 8 << 20

  /// The units of `plan`, in input order.
  static func units(_ plan: RunPlan) -> [WorkUnit] {
    var units: [WorkUnit] = []
    for (index, input) in plan.inputs.enumerated() {
      let probe = input.isStandardInput ? nil : try? InputProbe.probe(input)
      let clock = LineClock.forInput(input, probe: probe, plan: plan)
      let size = probe?.size ?? 0
      var unit = WorkUnit(
        file: index, input: input, range: nil, clock: clock, isFirstOfFile: true,
        skipReason: nil, diskBytes: size)
      unit.isGzip = probe?.isGzip ?? false
      unit.skipReason =
        InputSelection.notALogReason(input, probe: probe)
        ?? InputSelection.skipReason(input, probe: probe, clock: clock, window: plan.window, zone: plan.zone)
      if unit.skipReason == nil {
        unit.rejectLog = EximRejectLog.detect(input)
        unit.panicLog = !unit.rejectLog && EximPanicLog.detect(input)
      }
      if unit.skipReason != nil { unit.skippedSpan = InputSelection.span(input, probe: probe, clock: clock) }
      let splitCount = rangeCount(plan: plan, probe: probe, minimum: plan.splitMinimum)
      guard unit.skipReason == nil, splitCount > 1,
        let ranges = try? FileSplitter.ranges(
          path: input.path, count: splitCount, minimumSize: plan.splitMinimum),
        ranges.count > 1
      else {
        units.append(unit)
        continue
      }
      let clocks = predictedClocks(input, ranges: ranges, first: clock, plan: plan)
      for (k, range) in ranges.enumerated() {
        unit.range = range
        unit.clock = clocks[k]
        unit.isFirstOfFile = k == 0
        unit.diskBytes = range.upperBound - range.lowerBound
        units.append(unit)
      }
    }
    // A reject log only repeats a main log read beside it; read alone, its rejects count.
    if !units.contains(where: { !$0.rejectLog && $0.skipReason == nil }) {
      for k in units.indices { units[k].rejectLog = false }
    }
    return units
  }

  /// Directory arguments whose every file was found not to be a log (by content): reported
  /// as holding no logs, as one without any file is.
  static func directoriesWithoutLogs(_ units: [WorkUnit]) -> [InputError] {
    var hasLog: [String: Bool] = [:]
    var order: [String] = []
    for unit in units {
      guard let directory = unit.input.foundUnder else { continue }
      if hasLog[directory] == nil { order.append(directory) }
      let isLog = unit.skipReason.map { !$0.hasPrefix(InputSelection.notALogPrefix) } ?? true
      hasLog[directory] = (hasLog[directory] ?? false) || isLog
    }
    return order.filter { hasLog[$0] == false }.map { InputError.directoryWithoutLogs($0) }
  }

  /// How many ranges to cut a file into: 1 for gzip, pipes, small files or a single worker.
  static func rangeCount(plan: RunPlan, probe: ProbeResult?, minimum: Int64) -> Int {
    guard plan.jobs > 1, let probe, !probe.isGzip, !probe.isJournal, probe.size >= minimum else { return 1 }
    let target = plan.rangeSize ?? rangeTarget
    let bySize = Int(min(probe.size / max(target, 1), 1 << 16))
    return max(plan.jobs, bySize)
  }

  /// The clock at the start of each range: the file's clock fed the first stamp of every
  /// range up to and including that one. Feeding a range's own first date twice changes
  /// nothing, so this is exact unless the dates between two range starts jump in a way the
  /// starts do not show; the merge checks every range and redoes one that was wrong.
  static func predictedClocks(
    _ input: InputFile, ranges: [Range<Int64>], first: LineClock, plan: RunPlan
  ) -> [LineClock] {
    var clocks = [first]
    var years = first.years
    var line = ScannedLine()
    for range in ranges.dropFirst() {
      if let head = firstLine(input, at: range, plan: plan) {
        // Safe because: the scanner reads only the array's bytes, inside the closure.
        let time = head.withUnsafeBytes { b -> LineTime in
          LineScanner.scan(b, into: &line)
          return line.time
        }
        if !time.isUnset, time.year == 0 { _ = years.year(month: time.month, day: time.day) }
      }
      clocks.append(LineClock(zone: first.zone, years: years))
    }
    return clocks
  }

  /// The first line of `range` (at most 4 KiB of it), or nil if it cannot be read.
  static func firstLine(_ input: InputFile, at range: Range<Int64>, plan: RunPlan) -> [UInt8]? {
    let end = min(range.upperBound, range.lowerBound + 4096)
    guard
      let reader = try? ChunkReader(
        input, chunkSize: 4096, maxLineLength: 4096, byteRange: range.lowerBound..<end)
    else { return nil }
    // Safe because: the chunk lives in the reader's buffer, and the reader is kept alive until
    // the line has been copied out (without this, ARC may free it right after `next()`).
    return withExtendedLifetime(reader) {
      guard let chunk = try? reader.next() else { return nil }
      let stop = chunk.firstIndex(of: 0x0A) ?? chunk.count
      return Array(chunk[..<stop])
    }
  }
}
