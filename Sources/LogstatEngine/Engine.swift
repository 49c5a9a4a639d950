import Foundation
import LogstatAggregate
import LogstatRun
import LogstatSource
import LogstatTime

/// Runs a plan: reads every input, scans and aggregates, merges in input order, finishes.
public enum Engine {
  /// Reads all inputs of `plan` with `plan.jobs` workers and returns the finished aggregate and
  /// per-file summaries. Large plain files are read in ranges at once, gzip files are inflated
  /// on a thread of their own, and the partials are merged in input order: any number of jobs
  /// gives the same result.
  /// - Parameter progress: called about every quarter second on another thread once the run
  ///   has taken `progressDelay` seconds, and once more (`final: true`) at the end if it was
  ///   called at all.
  public static func run(
    _ plan: RunPlan, inputErrors: [InputError] = [],
    progressDelay: Double = 1,
    progress: (@Sendable (ProgressMeter.Snapshot, _ final: Bool) -> Void)? = nil
  ) -> RunResult {
    let units = WorkPlanner.units(plan)
    let inputErrors = inputErrors + WorkPlanner.directoriesWithoutLogs(units)
    var meter: ProgressMeter?
    if let progress {
      let total = units.reduce(Int64(0)) { $0 + ($1.skipReason == nil ? $1.diskBytes : 0) }
      let m = ProgressMeter(total: total)
      m.startTicking(delay: progressDelay, interval: 0.25, report: progress)
      meter = m
    }
    let coordinator = RunCoordinator(plan: plan, units: units, meter: meter)
    // A gzip input keeps every worker busy on its segments (`GzipFanOut`).
    let busy = units.contains { GzipFanOut.applies(to: $0, plan: plan) } ? plan.jobs : units.count
    let helpers = max(0, min(plan.jobs, busy) - 1)
    let group = DispatchGroup()
    for k in 0..<helpers {
      group.enter()
      let thread = Thread {
        coordinator.work()
        group.leave()
      }
      thread.name = "logstat-worker-\(k + 1)"
      thread.stackSize = 1 << 20
      thread.start()
    }
    coordinator.work()
    group.wait()
    meter?.stop()
    var total = coordinator.total
    total.finish()
    return RunResult(aggregate: total, files: coordinator.files, inputErrors: inputErrors)
  }
}
