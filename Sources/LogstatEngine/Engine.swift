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
      let worker = FileWorker(input: input, clock: LineClock.forInput(input, plan: plan))
      worker.run(plan: plan)
      total.merge(worker.aggregate)
      files.append(worker.summary)
    }
    total.finish()
    return RunResult(aggregate: total, files: files, inputErrors: inputErrors)
  }
}
