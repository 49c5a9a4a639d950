/// The state that joins a message's lines into one life: open messages, pieces that began in
/// an earlier partial (`orphans`), births remembered for an earlier piece (`bornFirst`), the
/// stale sweep, and the hot-path slots into the counts. None of it is a count: it is never
/// encoded, and a finished aggregate holds none of it.
///
/// It lives apart from `AggregateCounts` so the counts stay a plain mergeable value; the
/// `Aggregate` extensions (+Add, +Events, +Merge) drive it and write outcomes into the counts.
struct Correlator: Sendable {
  var open = OpenMessages()
  /// Messages that ended here but began in an earlier partial, in order.
  var orphans: [(QueueKey, MessageState)] = []
  /// The queue IDs in `orphans`.
  var orphanKeys = QueueIDSet()
  /// Queue IDs whose first line in this partial created a message; `merge` closes an
  /// earlier partial's open piece under such an ID instead of joining a later piece to it.
  var bornFirst = QueueIDSet()
  /// True when nothing comes before this aggregate's input (see `Aggregate.startsInput`).
  var startsInput = false
  var finished = false
  /// Open messages closed early by the stale sweep (see `Aggregate.staleMessagesClosed`).
  var staleMessagesClosed = 0
  /// Log-time seconds after a message's last line when it can no longer be continued.
  var staleAfter: Int64 = 10 * 86_400
  /// Table size at which the next sweep for stale messages runs.
  var sweepAt = Aggregate.minimumSweep
  /// Slots into the counts' dictionaries remembered between lines (see `CountCursors`).
  var cursors = CountCursors()
}

/// The remembered dictionary slot into `AggregateCounts.hours`, so consecutive lines of one
/// hour hash nothing. It stays valid until the dictionary gets a new key: whoever inserts must
/// reset (`clear()`).
struct CountCursors: Sendable {
  /// Index of hour `hourKey` in `hours`.
  var hour: Dictionary<Int64, HourCounters>.Index?
  var hourKey = Int64.min

  /// Forgets every slot (after inserts or a merge moved them).
  mutating func clear() {
    hour = nil
    hourKey = Int64.min
  }
}
