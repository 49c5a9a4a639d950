import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatRun
import LogstatSource
import LogstatTime

/// Hands work units to the workers in input order and merges their partial aggregates in
/// that same order as soon as they are ready, so at most `window` partials wait in memory.
///
/// Whichever worker deposits the partial that is next in line does the merging (outside the
/// lock); the others go on reading. Merging also checks each range's years (`YearCheck`) and
/// re-reads a range whose predicted clock was wrong.
final class RunCoordinator: @unchecked Sendable {
  private let plan: RunPlan
  private let units: [WorkUnit]
  private let window: Int
  private let meter: ProgressMeter?
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var nextUnit = 0
  private var nextMerge = 0
  private var ready: [FileWorker?]
  private var merging = false
  // Touched only by the thread that is merging (one at a time):
  private(set) var total = Aggregate()
  private(set) var files: [FileSummary]
  private var years: [YearResolver?]
  /// Ranges re-read because their predicted clock gave a wrong year.
  private(set) var rereads = 0

  init(plan: RunPlan, units: [WorkUnit], meter: ProgressMeter?) {
    self.plan = plan
    self.units = units
    self.meter = meter
    window = max(2, plan.jobs + 1)
    ready = Array(repeating: nil, count: units.count)
    files = plan.inputs.map { FileSummary(input: $0) }
    years = Array(repeating: nil, count: plan.inputs.count)
    // The total always holds a prefix of the input: it keeps no orphans and no births.
    total.startsInput = true
  }

  /// The worker loop: claims units until none is left. Run it on `plan.jobs` threads.
  func work() {
    // One classifier per thread for all its units: the reply cache outlives a 64 MB range.
    let classifier = ReplyClassifier()
    while let index = claim() {
      let unit = units[index]
      let worker = FileWorker(
        input: unit.input, clock: unit.clock, window: plan.window, classifier: classifier)
      worker.rejectLog = unit.rejectLog
      worker.panicLog = unit.panicLog
      worker.aggregate.startsInput = index == 0
      if let reason = unit.skipReason {
        worker.summary.skipReason = reason
        worker.summary.firstEvent = unit.skippedSpan?.0
        worker.summary.lastEvent = unit.skippedSpan?.1
      } else {
        worker.run(plan: plan, range: unit.range, pipelined: plan.jobs > 1, meter: meter)
      }
      deposit(index, worker)
    }
  }

  /// The next unit to read, waiting while the merge lags `window` units behind; nil when done.
  private func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while nextUnit < units.count && nextUnit >= nextMerge + window { condition.wait() }
    guard nextUnit < units.count else { return nil }
    nextUnit += 1
    return nextUnit - 1
  }

  /// Stores a finished unit and, unless another thread is merging, merges every ready unit.
  private func deposit(_ index: Int, _ worker: FileWorker) {
    condition.lock()
    ready[index] = worker
    guard !merging else {
      condition.unlock()
      return
    }
    merging = true
    while nextMerge < units.count, let next = ready[nextMerge] {
      ready[nextMerge] = nil
      let position = nextMerge
      condition.unlock()
      merge(position, next)
      condition.lock()
      nextMerge += 1
      condition.broadcast()
    }
    merging = false
    condition.unlock()
  }

  /// Merges unit `index` into the total, after checking (or fixing) its years.
  private func merge(_ index: Int, _ first: FileWorker) {
    let unit = units[index]
    var worker = first
    if unit.skipReason == nil {
      if unit.isFirstOfFile {
        years[unit.file] = worker.clock.years
      } else if var truth = years[unit.file] {
        let entry = truth
        if worker.daysOverflowed
          || !YearCheck.matches(days: worker.days, predicted: unit.clock.years, truth: &truth)
        {
          // The prediction was wrong: read the range again from the true clock.
          rereads += 1
          var clock = unit.clock
          clock.years = entry
          worker = FileWorker(input: unit.input, clock: clock, window: plan.window)
          worker.rejectLog = unit.rejectLog
          worker.panicLog = unit.panicLog
          worker.run(plan: plan, range: unit.range)
          truth = worker.clock.years
        }
        years[unit.file] = truth
      }
    }
    if index == 0 {
      // The first partial starts the input, as the total does: take it as it is instead of
      // copying every table into an empty total.
      total = worker.aggregate
      total.startsInput = true
    } else {
      total.merge(worker.aggregate)
    }
    worker.aggregate = Aggregate()  // the total owns the tables now; free this copy
    files[unit.file].absorb(worker.summary, first: unit.isFirstOfFile)
  }
}

extension FileSummary {
  /// Adds the summary of one more range of the same file.
  mutating func absorb(_ part: FileSummary, first: Bool) {
    if first {
      self = part
      return
    }
    isGzip = isGzip || part.isGzip
    bytesRead += part.bytesRead
    bytesScanned += part.bytesScanned
    lines += part.lines
    notMailLines += part.notMailLines
    skippedLines += part.skippedLines
    truncatedLines += part.truncatedLines
    damagedLines += part.damagedLines
    outsideWindowLines += part.outsideWindowLines
    if let t = part.firstEvent, firstEvent.map({ t < $0 }) ?? true { firstEvent = t }
    if let t = part.lastEvent, lastEvent.map({ t > $0 }) ?? true { lastEvent = t }
    if error == nil { error = part.error }
  }
}
