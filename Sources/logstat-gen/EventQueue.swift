/// A scheduled step: at `time`, run `target` (a message slot, or a negative process id).
struct Event: Sendable {
  /// Microseconds since the epoch.
  var time: Int64
  /// Insertion order, so equal times run in a fixed, seed-determined order.
  var seq: UInt64
  /// Message slot (>= 0) or one of the `Process` ids (< 0).
  var target: Int32

  @inline(__always)
  func runsBefore(_ other: Event) -> Bool {
    time != other.time ? time < other.time : seq < other.seq
  }
}

/// A binary min-heap of events ordered by (time, seq); the simulation's clock.
struct EventQueue {
  private var heap: [Event] = []
  private var nextSeq: UInt64 = 0

  /// Number of scheduled events.
  var count: Int { heap.count }

  /// Schedules `target` at `time`.
  mutating func schedule(_ target: Int32, at time: Int64) {
    heap.append(Event(time: time, seq: nextSeq, target: target))
    nextSeq &+= 1
    var i = heap.count - 1
    let e = heap[i]
    while i > 0 {
      let parent = (i - 1) >> 1
      guard e.runsBefore(heap[parent]) else { break }
      heap[i] = heap[parent]
      i = parent
    }
    heap[i] = e
  }

  /// Removes and returns the earliest event, or nil when nothing is scheduled.
  mutating func pop() -> Event? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if heap.isEmpty { return top }
    var i = 0
    let n = heap.count
    while true {
      let l = 2 * i + 1
      if l >= n { break }
      let r = l + 1
      let c = r < n && heap[r].runsBefore(heap[l]) ? r : l
      guard heap[c].runsBefore(last) else { break }
      heap[i] = heap[c]
      i = c
    }
    heap[i] = last
    return top
  }
}
