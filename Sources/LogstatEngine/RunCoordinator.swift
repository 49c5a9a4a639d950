import Foundation
import LogstatAggregate
import LogstatClassify
import LogstatRun
import LogstatSource
import LogstatTime

/// Hands work to the workers in input order and merges their partial aggregates in that same
/// order as soon as they are ready, so at most `window` partials wait in memory.
///
/// A piece of work is a unit (a whole input, or a range of a large plain file) or, with several
/// workers, one segment of a gzip input that a `GzipFanOut` inflates on a thread of its own:
/// every worker then scans segments of that one stream. Pieces get consecutive slots as they are
/// claimed (in input order) and are merged by slot. Whichever worker deposits the piece that is
/// next in line does the merging (outside the lock); the others go on reading. Merging also
/// checks each piece's years (`YearCheck`) and re-reads one whose predicted clock was wrong.
final class RunCoordinator: @unchecked Sendable {
  /// What a worker read: a unit, or one segment of a gzip unit.
  private struct Piece {
    var unit: Int
    var segment: GzipFanOut.Segment?
    var fanOut: GzipFanOut?
  }

  private let plan: RunPlan
  private let units: [WorkUnit]
  private let window: Int
  private let meter: ProgressMeter?
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var nextUnit = 0
  private var nextSlot = 0
  private var nextMerge = 0
  private var ready: [Int: (Piece, FileWorker)] = [:]
  private var merging = false
  /// The gzip input being inflated for all workers, and its unit.
  private var fanOut: GzipFanOut?
  private var fanOutUnit = 0
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
    files = plan.inputs.map { FileSummary(input: $0) }
    years = Array(repeating: nil, count: plan.inputs.count)
    // The total always holds a prefix of the input: it keeps no orphans and no births.
    total.startsInput = true
  }

  /// The worker loop: claims pieces until none is left. Run it on `plan.jobs` threads.
  func work() {
    // One classifier per thread for all its pieces: the reply cache outlives a range.
    let classifier = ReplyClassifier()
    while let (slot, piece) = claim() {
      let unit = units[piece.unit]
      let worker = FileWorker(
        input: unit.input, clock: piece.segment?.clock ?? unit.clock, window: plan.window,
        classifier: classifier)
      worker.rejectLog = unit.rejectLog
      worker.panicLog = unit.panicLog
      worker.aggregate.startsInput = slot == 0
      if let segment = piece.segment, let fanOut = piece.fanOut {
        worker.runSegment(fanOut.bytes(of: segment), segment, plan: plan)
        fanOut.release(segment)
      } else if let reason = unit.skipReason {
        worker.summary.skipReason = reason
        worker.summary.firstEvent = unit.skippedSpan?.0
        worker.summary.lastEvent = unit.skippedSpan?.1
      } else {
        worker.run(plan: plan, range: unit.range, pipelined: plan.jobs > 1, meter: meter)
      }
      deposit(slot, Piece(unit: piece.unit, segment: piece.segment), worker)
    }
  }

  /// The next piece to read and its slot, waiting while the merge lags `window` slots behind
  /// or the gzip input being inflated has no segment ready; nil when everything is claimed.
  private func claim() -> (Int, Piece)? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let current = fanOut {
        if nextSlot < nextMerge + window, let segment = current.takeSegment() {
          nextSlot += 1
          return (nextSlot - 1, Piece(unit: fanOutUnit, segment: segment, fanOut: current))
        }
        if current.isExhausted {
          fanOut = nil
          continue
        }
        condition.wait()
        continue
      }
      guard nextUnit < units.count else { return nil }
      if nextSlot >= nextMerge + window {
        condition.wait()
        continue
      }
      let index = nextUnit
      nextUnit += 1
      if fansOut(units[index]),
        let inflating = GzipFanOut(
          units[index].input, plan: plan, clock: units[index].clock, condition: condition, meter: meter)
      {
        inflating.start()
        fanOut = inflating
        fanOutUnit = index
        continue
      }
      nextSlot += 1
      return (nextSlot - 1, Piece(unit: index))
    }
  }

  /// True for a unit read as segments by all workers: a whole gzip file, with enough workers.
  private func fansOut(_ unit: WorkUnit) -> Bool { GzipFanOut.applies(to: unit, plan: plan) }

  /// Stores a finished piece and, unless another thread is merging, merges every ready piece.
  private func deposit(_ slot: Int, _ piece: Piece, _ worker: FileWorker) {
    condition.lock()
    ready[slot] = (piece, worker)
    guard !merging else {
      condition.unlock()
      return
    }
    merging = true
    while let (next, nextWorker) = ready.removeValue(forKey: nextMerge) {
      let position = nextMerge
      condition.unlock()
      merge(position, next, nextWorker)
      condition.lock()
      nextMerge += 1
      condition.broadcast()
    }
    merging = false
    condition.unlock()
  }

  /// Merges the piece in `slot` into the total, after checking (or fixing) its years.
  private func merge(_ slot: Int, _ piece: Piece, _ first: FileWorker) {
    let unit = units[piece.unit]
    let isFirstOfFile = unit.isFirstOfFile && (piece.segment?.index ?? 0) == 0
    let predicted = piece.segment?.clock ?? unit.clock
    var worker = first
    if unit.skipReason == nil {
      if isFirstOfFile {
        years[unit.file] = worker.clock.years
      } else if var truth = years[unit.file] {
        let entry = truth
        if worker.daysOverflowed
          || !YearCheck.matches(days: worker.days, predicted: predicted.years, truth: &truth)
        {
          // The prediction was wrong: read the piece again from the true clock.
          rereads += 1
          var clock = predicted
          clock.years = entry
          worker = FileWorker(input: unit.input, clock: clock, window: plan.window)
          worker.rejectLog = unit.rejectLog
          worker.panicLog = unit.panicLog
          if let segment = piece.segment {
            worker.rereadSegment(segment, plan: plan)
          } else {
            worker.run(plan: plan, range: unit.range)
          }
          truth = worker.clock.years
        }
        years[unit.file] = truth
      }
    }
    if slot == 0 {
      // The first partial starts the input, as the total does: take it as it is instead of
      // copying every table into an empty total.
      total = worker.aggregate
      total.startsInput = true
    } else {
      total.merge(worker.aggregate)
    }
    worker.aggregate = Aggregate()  // the total owns the tables now; free this copy
    files[unit.file].absorb(worker.summary, first: isFirstOfFile)
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
