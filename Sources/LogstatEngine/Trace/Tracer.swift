import LogstatClassify
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime

/// `logstat trace`: finds every message a key names, across all inputs, and collects its lines.
///
/// Two passes over the inputs, both skipping lines by searching their bytes before parsing:
/// the first searches for the key itself and keeps the queue IDs of the lines that name it (a
/// queue ID key needs no first pass); the second searches for those IDs and scans only their
/// lines, in the files from one before the first match to one after the last (a message's life
/// spans a rotation at most on each side of the lines that name it).
public enum Tracer {
  /// Runs a trace of `key` over `plan.inputs` (oldest first), honouring `plan.window`.
  public static func run(_ key: TraceKey, plan: RunPlan) -> TraceResult {
    let state = TraceState(key: key, plan: plan)
    var ids = QueueIDFilter()
    var range = 0..<plan.inputs.count
    if key.isQueueID {
      ids.insert(key.bytes)
    } else {
      var first: Int?
      var last = 0
      for file in plan.inputs.indices {
        state.read(file) { chunk, clock in
          key.forEachCandidate(in: chunk) { span in
            guard let hit = state.scan(chunk.slice(span), clock: &clock) else { return }
            guard key.matches(hit.line, details: hit.details, in: hit.bytes) else { return }
            if hit.line.queueID.isEmpty {
              // A reject before queueing: a message of its own, with no other lines.
              state.standalone(hit, file: file)
            } else {
              ids.insert(Array(hit.bytes.slice(hit.line.queueID)))
              first = first ?? file
              last = file
            }
          }
        }
      }
      guard let first else { return state.result(searched: range) }
      range = max(0, first - 1)..<min(plan.inputs.count, last + 2)
    }
    if !ids.isEmpty {
      for file in range {
        state.read(file) { chunk, clock in
          ids.forEachCandidate(in: chunk) { span in
            guard let hit = state.scan(chunk.slice(span), clock: &clock),
              ids.contains(hit.bytes, hit.line.queueID)
            else { return }
            state.add(hit, file: file, matched: key.matches(hit.line, details: hit.details, in: hit.bytes))
          }
        }
      }
    }
    return state.result(searched: range)
  }
}
