import LogstatClassify
import LogstatScan

/// Counts of lines by what the scanner made of them.
public struct LineCounters: Sendable, Equatable {
  public var total = 0
  /// Per `LineKind.rawValue`.
  public var byKind = [Int](repeating: 0, count: LineKind.allCases.count)
  /// Address-verification probe results (`status=deliverable/undeliverable`), not counted as mail.
  public var probes = 0

  public init() {}

  /// Lines that held a number out of any real range (`ScannedLine.damaged`): counted by kind
  /// as usual, without that number.
  public var damaged = 0

  public var notMail: Int { byKind[Int(LineKind.notMail.rawValue)] }
  public var skipped: Int { byKind[Int(LineKind.skipped.rawValue)] }
  /// Lines that fed a count.
  public var recognised: Int { total - notMail - skipped }

  public mutating func merge(_ o: LineCounters) {
    total += o.total
    for k in byKind.indices { byKind[k] += o.byKind[k] }
    probes += o.probes
    damaged += o.damaged
  }
}

extension Int {
  /// `self + other`, stopping at `Int.max` / `Int.min` instead of trapping: for sums of values
  /// read from logs or files (sizes, bytes), where one bad value must not stop the run.
  @inlinable public func addingSaturated(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? Int.max : Int.min) : sum
  }
}

/// Inbound rejects by our own server, by code (per client: `Aggregate.inboundByClient`).
public struct InboundCounters: Sendable, Equatable {
  public var total = 0
  /// Key: reply code * 1_000_000_000 + packed DSN (either may be 0).
  public var byCode: [UInt64: Int] = [:]

  public init() {}

  public mutating func merge(_ o: InboundCounters) {
    total += o.total
    byCode.merge(o.byCode, uniquingKeysWith: +)
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
  /// Delivery lines per (hour, domain, status, reason), per code and per blocklist (history, alerts).
  public internal(set) var domainHours = DomainHours()
  /// Messages that entered from outside: Postfix `smtpd client=` and `pickup uid=` lines,
  /// Exim `<=` lines except the bounces Exim generated (`<= <> R=`). Our own notifications
  /// are `notificationsSent`, never in here.
  public internal(set) var messagesReceived = 0
  /// Messages from the null sender `<>`, counted once per message when its outcome is counted.
  public internal(set) var notificationsSent = 0
  /// Sizes of the messages whose outcome is counted, once per message.
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

  /// The mailbox provider of each recipient domain (parallel to `domainCounters`), from the
  /// relay host names seen, else from the domain name; `.none` when unknown.
  public internal(set) var domainProviders: [Provider] = []
  var providerResolved: [Bool] = []
  /// Inbound rejects by reason.
  public internal(set) var inboundReasons = ReasonCounts()
  /// Blocklists named in reply texts (outbound and inbound).
  public internal(set) var blocklists: [Blocklist: BlocklistStats] = [:]
  /// One example reply per reason (by `Reason.ordinal`), the first seen.
  public internal(set) var examples = [ReasonExample?](repeating: nil, count: Reason.allCases.count)
  /// Collect the addresses that hard-bounced (for `--suppression-list`).
  public var collectSuppression = false
  public internal(set) var hardBouncedAddresses: Set<String> = []

  /// True when nothing comes before this aggregate's input (the first range of the first
  /// input, or the running total of a run): messages that end here without having begun are
  /// final at once, and births need not be remembered for an earlier piece, so neither
  /// `orphans` nor `bornFirst` grows with the input.
  public var startsInput = false

  var open = OpenMessages()
  /// Messages that ended here but began in an earlier partial, in order.
  var orphans: [(QueueKey, MessageState)] = []
  /// The queue IDs in `orphans`.
  var orphanKeys = QueueIDSet()
  /// Queue IDs whose first line in this partial created a message; `merge` closes an
  /// earlier partial's open piece under such an ID instead of joining a later piece to it.
  var bornFirst = QueueIDSet()
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

  /// Outbound blocklist replies by list and the address they name (Aggregate+Reputation).
  public internal(set) var listings: [ListingKey: BlocklistStats] = [:]
  /// Refused clients (IP address, else host name), interned: no `String` per reject line.
  var clients = Interner()
  /// Inbound rejects per client and reason, keyed `client ID << 8 | reason ordinal`.
  var clientReasonCounts = CountTable()
  /// Hard-bounced recipients per sender-domain ID (list hygiene).
  public internal(set) var senderHardBounces: [Int32: Int] = [:]

  /// Admin, policy, security and health events, and Exim special deliveries.
  public internal(set) var events = EventCounters()
  /// Sizes of delivered messages, once per delivered (sent) recipient line, like pflogsumm.
  public internal(set) var bytesDelivered = 0
  /// Envelope senders (full addresses): messages and bytes, once per message. Bounded
  /// (`NamedCounts.defaultCapacity`, see Aggregate+AddressBound).
  public internal(set) var senderAddresses = NamedCounts(capacity: NamedCounts.defaultCapacity, prunedByOwner: true)
  /// Delivered recipients (full addresses): sent lines, and the bytes of their messages. Bounded.
  public internal(set) var recipientAddresses = NamedCounts(
    capacity: NamedCounts.defaultCapacity, prunedByOwner: true)
  /// Final outcomes `removed` (the admin deleted the message), over all domains.
  public var removedRecipients: Int { domainCounters.reduce(0) { $0 + $1.removed } }
}
