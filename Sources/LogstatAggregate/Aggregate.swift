import LogstatScan

/// Counts of lines by what the scanner made of them.
public struct LineCounters: Sendable, Equatable {
  public var total = 0
  /// Per `LineKind.rawValue`.
  public var byKind = [Int](repeating: 0, count: LineKind.allCases.count)
  /// Address-verification probe results (`status=deliverable/undeliverable`), not counted as mail.
  public var probes = 0

  public init() {}

  public var notMail: Int { byKind[Int(LineKind.notMail.rawValue)] }
  public var skipped: Int { byKind[Int(LineKind.skipped.rawValue)] }
  /// Lines that fed a count.
  public var recognised: Int { total - notMail - skipped }

  public mutating func merge(_ o: LineCounters) {
    total += o.total
    for k in byKind.indices { byKind[k] += o.byKind[k] }
    probes += o.probes
  }
}

/// Inbound rejects by our own server, by code and client.
public struct InboundCounters: Sendable, Equatable {
  public var total = 0
  /// Key: reply code * 1_000_000_000 + packed DSN (either may be 0).
  public var byCode: [UInt64: Int] = [:]
  public var byClient: [String: Int] = [:]

  public init() {}

  public mutating func merge(_ o: InboundCounters) {
    total += o.total
    byCode.merge(o.byCode, uniquingKeysWith: +)
    byClient.merge(o.byClient, uniquingKeysWith: +)
  }
}

/// The mergeable result of reading logs: one per worker, merged in input order.
///
/// Line-level counts (attempts, codes, hours) are added as lines arrive. Per-recipient
/// outcomes wait until a message's whole life is known (created and removed), which may
/// span partials; `merge(_:)` joins the pieces and `finish()` closes what stays open.
public struct Aggregate: Sendable {
  public internal(set) var lines = LineCounters()
  public internal(set) var domains = Interner()
  public internal(set) var domainCounters: [DomainCounters] = []
  public internal(set) var senders = Interner()
  public internal(set) var senderCounters: [SenderCounters] = []
  /// By packed enhanced code (`DSNCode`).
  public internal(set) var dsnCounters: [UInt32: CodeCounters] = [:]
  /// By basic reply code (`550`).
  public internal(set) var replyCodeCounters: [Int: CodeCounters] = [:]
  public internal(set) var inbound = InboundCounters()
  /// By hour (epoch seconds / 3600).
  public internal(set) var hours: [Int64: HourCounters] = [:]
  /// Messages created (Postfix cleanup, Exim `<=`), normal and notifications.
  public internal(set) var messagesReceived = 0
  public internal(set) var notificationsSent = 0
  public internal(set) var bytesReceived = 0
  /// Earliest and latest event time seen (epoch seconds), or nil.
  public internal(set) var firstTime: Int64?
  public internal(set) var lastTime: Int64?

  /// Open messages that had no line for `staleAfter` seconds of log time and were closed
  /// early (counted as the logs ending for them) to keep memory bounded.
  public internal(set) var staleMessagesClosed = 0
  /// Log-time seconds after a message's last line when it can no longer be continued: longer
  /// than any queue lifetime (Postfix 5 days, Exim's retry limits), so normally nothing is lost.
  public var staleAfter: Int64 = 10 * 86_400

  var open = OpenMessages()
  /// Messages that ended here but began in an earlier partial, in order.
  var orphans: [(QueueKey, MessageState)] = []
  public internal(set) var finished = false
  /// Table size at which the next sweep for stale messages runs.
  var sweepAt = Aggregate.minimumSweep
  static let minimumSweep = 32_768
  /// Index of hour `hourCursorKey` in `hours`; any insert into `hours` must reset the key.
  var hourCursor: Dictionary<Int64, HourCounters>.Index?
  var hourCursorKey = Int64.min
  /// Slots of recently counted codes in `dsnCounters` / `replyCodeCounters`.
  var codeSlots = CodeSlotCache()

  public init() {}

  /// Messages whose life is still open (not yet removed from the queue).
  public var openMessages: Int { open.count + orphans.count }
}
