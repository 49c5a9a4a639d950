/// Simulates a mail server's queue and writes its log: messages arrive, are delivered,
/// deferred and retried, bounce or expire, and notifications go back to senders, all
/// interleaved in time. Also counts, per recipient domain, what really happened (`truth`).
///
/// Memory stays flat: only messages in flight are kept, and their number is bounded by the
/// arrival rate times the queue lifetime.
final class LogGenerator {
  static let maxRecipients = 8
  /// Above this many messages in flight, new recipients are not given long deferrals.
  static let liveCap = 200_000

  let config: GeneratorConfig
  let domains: DomainTable
  let replies: ReplyPool
  let out: LineBuffer
  let sink: OutputSink
  var rng: Xoshiro256
  var stamp: StampWriter
  var queue = EventQueue()
  var messages: [Message] = []
  var recipients: [Recipient] = []
  var freeSlots: [Int32] = []
  var liveCount = 0
  var now: Int64
  var serial: UInt64 = 0
  var stopping = false
  /// Per domain index.
  var truth: [DomainTruth]
  /// The syslog host field, and the host part of message-ids we create.
  let hostname: [UInt8]
  let isExim: Bool
  /// Mean seconds between new messages.
  let meanInterarrival: Double
  var pids = ProcessIDs()

  /// Ids of the non-message processes in the event queue.
  enum ProcessID: Int32 {
    case arrivals = -1, rejects = -2, noise = -3
  }

  /// Creates a generator writing to `sink`.
  init(config: GeneratorConfig, sink: OutputSink) {
    replies = ReplyPool.shared  // builds and freezes the shared tables first
    domains = DomainTable.shared
    self.config = config
    self.sink = sink
    isExim = config.format == .exim
    out = LineBuffer(capacity: 4 << 20)
    rng = Xoshiro256(seed: config.seed)
    stamp = StampWriter(style: config.stamps, exim: isExim, utcOffset: config.utcOffset)
    now = config.start * 1_000_000
    truth = Array(repeating: DomainTruth(), count: domains.domains.count)
    hostname = Array(config.hostname.utf8)
    // Lines are written without bounds checks into `out` (see LineBuffer): a longer host name
    // could overrun its headroom.
    precondition(
      (1...GeneratorConfig.maxHostnameLength).contains(hostname.count), "host name must be 1 to 255 bytes")
    meanInterarrival = (isExim ? 4.2 : 7.5) / max(config.rate, 0.001)
  }

  /// Our outbound IP address, as receiving servers quote it.
  static let ourIP: StaticString = "203.0.113.25"

  /// Writes the whole log and returns the truth table.
  func run() throws {
    seedBacklog()
    queue.schedule(ProcessID.arrivals.rawValue, at: now)
    queue.schedule(ProcessID.rejects.rawValue, at: now + 2_000_000)
    queue.schedule(ProcessID.noise.rawValue, at: now + 60_000_000)
    let target = config.targetBytes
    while let event = queue.pop() {
      if event.time > now { now = event.time }
      if event.target >= 0 {
        step(Int(event.target))
      } else if !stopping {
        runProcess(event.target)
      }
      if out.isFull {
        // Safe because: `out` holds `count` bytes written by this event loop; the sink copies
        // (or writes) them before returning, and only then is the buffer reused.
        try sink.write(UnsafeBufferPointer(start: out.base, count: out.count))
        out.count = 0
      }
      if !stopping && sink.written + Int64(out.count) >= target { stopping = true }
    }
    // Safe because: as above, the sink is done with the bytes before the buffer is reused.
    try sink.write(UnsafeBufferPointer(start: out.base, count: out.count))
    out.count = 0
    countStillDeferred()
    try sink.finish()
  }

  /// Recipients still waiting for a retry when the log ends, seen deferred in it.
  private func countStillDeferred() {
    for slot in messages.indices where messages[slot].live {
      let base = slot * LogGenerator.maxRecipients
      for i in 0..<Int(messages[slot].nrcpt) where recipients[base + i].pending {
        let r = recipients[base + i]
        // Backlog messages whose first retry falls after the end never appear in the log.
        // Every other pending recipient was attempted: the drain finishes all rounds.
        guard r.deferredInLog else { continue }
        truth[Int(r.domain)].recipients += 1
        truth[Int(r.domain)].stillDeferred += 1
      }
    }
  }

  // MARK: Slots

  /// Takes a free message slot (growing the tables when none is free).
  func allocateSlot() -> Int {
    liveCount += 1
    if let s = freeSlots.popLast() {
      messages[Int(s)] = Message()
      messages[Int(s)].live = true
      return Int(s)
    }
    messages.append(Message())
    messages[messages.count - 1].live = true
    recipients.append(
      contentsOf: repeatElement(Recipient(), count: LogGenerator.maxRecipients))
    return messages.count - 1
  }

  /// Returns a slot whose message has left the queue.
  func freeSlot(_ slot: Int) {
    messages[slot].live = false
    freeSlots.append(Int32(slot))
    liveCount -= 1
  }

  /// Schedules the message in `slot` to run its next phase after `delay` microseconds.
  @inline(__always)
  func schedule(_ slot: Int, _ phase: Phase, after delay: Int64) {
    messages[slot].phase = phase
    queue.schedule(Int32(slot), at: now + max(0, delay))
  }

  /// A random delay of `lo...hi` milliseconds, in microseconds.
  @inline(__always)
  func millis(_ lo: Int, _ hi: Int) -> Int64 {
    Int64(rng.inRange(lo...hi)) * 1000 + Int64(rng.below(1000))
  }
}

/// The process ids the log shows, changing now and then as daemons are restarted by master.
struct ProcessIDs {
  var qmgr: Int = 1187
  var pickup: Int = 1186
  var cleanup: [Int] = [20_115, 20_117]
  var smtp: [Int] = [20_131, 20_132, 20_140, 20_141, 20_157, 20_163, 20_164, 20_170]
  var smtpd: [Int] = [20_101, 20_109, 20_112]
  var bounce: Int = 20_190
  var local: Int = 20_201
  var error: Int = 20_205
  var next: Int = 20_300

  /// Replaces one short-lived daemon's pid with a new one (max_use / idle timeout reached).
  mutating func recycle(_ rng: inout Xoshiro256) {
    next += 1 + rng.below(40)
    if next > 4_190_000 { next = 2000 }
    switch rng.below(5) {
    case 0: cleanup[rng.below(cleanup.count)] = next
    case 1: smtpd[rng.below(smtpd.count)] = next
    case 2: bounce = next
    case 3:
      if rng.chance(0.5) { local = next } else { error = next }
    default: smtp[rng.below(smtp.count)] = next
    }
  }
}
