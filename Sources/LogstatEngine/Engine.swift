import LogstatAggregate
import LogstatSource
import LogstatTime

/// Runs a plan: reads every input, scans and aggregates, merges in input order, finishes.
public enum Engine {
  /// Reads all inputs of `plan` and returns the finished aggregate and per-file summaries.
  public static func run(_ plan: RunPlan, inputErrors: [InputError] = []) -> RunResult {
    var total = Aggregate()
    var files: [FileSummary] = []
    for input in plan.inputs {
      let probe = input.isStandardInput ? nil : try? InputProbe.probe(input)
      let clock = LineClock.forInput(input, probe: probe, plan: plan)
      let worker = FileWorker(input: input, clock: clock, window: plan.window)
      if let reason = InputSelection.skipReason(
        input, probe: probe, clock: clock, window: plan.window, zone: plan.zone)
      {
        worker.summary.skipReason = reason
        files.append(worker.summary)
        continue
      }
      worker.run(plan: plan)
      total.merge(worker.aggregate)
      files.append(worker.summary)
    }
    total.finish()
    return RunResult(aggregate: total, files: files, inputErrors: inputErrors)
  }
}
