import LogstatClassify
import LogstatKinds

/// Every count read from the logs, as a plain value: counters only, no message state, no
/// caches. `merge(_:)` adds another's counts (ripgrep's `Stats` shape); the value is
/// `Codable` (AggregateCounts+Codable), and that one encoding is the JSON report's `counts`
/// block, what `logstat merge` reads and any saved state.
///
/// Names (domains, senders, clients, addresses) are interned per value; encoding writes them
/// as names, so two values compare and merge by name, never by ID.
public struct AggregateCounts: Sendable {
  public internal(set) var lines = LineCounters()
  /// Recipient domain names; an ID indexes `domainCounters`, `domainProviders`.
  public internal(set) var domains = Interner()
  public internal(set) var domainCounters: [DomainCounters] = []
  /// The mailbox provider of each recipient domain (parallel to `domainCounters`), from the
  /// relay host names seen, else from the domain name; `.none` when unknown.
  public internal(set) var domainProviders: [Provider] = []
  /// True for a domain whose provider was decided from a relay host (it wins on merge over
  /// one guessed from the name).
  var providerResolved: [Bool] = []
  /// Sender domain names; an ID indexes `senderCounters`.
  public internal(set) var senders = Interner()
  public internal(set) var senderCounters: [SenderCounters] = []
  /// Hard-bounced recipients per sender-domain ID (list hygiene).
  public internal(set) var senderHardBounces: [Int32: Int] = [:]
  /// By packed enhanced code (`DSNCode`).
  public internal(set) var dsnCounters = DSNCodeCounts()
  /// By basic reply code (`550`).
  public internal(set) var replyCodeCounters = ReplyCodeCounts()
  public internal(set) var inbound = InboundCounters()
  /// Inbound rejects by reason.
  public internal(set) var inboundReasons = ReasonCounts()
  /// Refused clients (IP address, else host name) with their rejects: a bounded table
  /// (`NamedCounts`, 8,192 names), exact while the clients fit; no `String` per reject line.
  var clients = NamedCounts(capacity: NamedCounts.defaultCapacity, prunedByOwner: true)
  /// Inbound rejects per client and reason, keyed `client ID << 8 | reason ordinal`: only for
  /// the clients `clients` lists, counted since it last listed them (see `boundClients()`).
  var clientReasonCounts = CountTable()
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
  /// Blocklists named in reply texts (outbound and inbound).
  public internal(set) var blocklists: [Blocklist: BlocklistStats] = [:]
  /// Outbound blocklist replies by list and the address they name (Aggregate+Reputation).
  public internal(set) var listings: [ListingKey: BlocklistStats] = [:]
  /// One example reply per reason (by `Reason.ordinal`), the first seen.
  public internal(set) var examples = [ReasonExample?](repeating: nil, count: Reason.allCases.count)
  /// Addresses that hard-bounced, lower-cased (only with `Aggregate.collectSuppression`).
  public internal(set) var hardBouncedAddresses: Set<String> = []
  /// Admin, policy, security and health events, and Exim special deliveries.
  public internal(set) var events = EventCounters()
  /// Sizes of delivered messages, once per delivered (sent) recipient line, like pflogsumm.
  public internal(set) var bytesDelivered = 0
  /// Envelope senders (full addresses): messages and bytes, once per message.
  public internal(set) var senderAddresses = NamedCounts(
    capacity: NamedCounts.defaultCapacity, prunedByOwner: true)
  /// Delivered recipients (full addresses): sent lines, and the bytes of their messages.
  public internal(set) var recipientAddresses = NamedCounts(
    capacity: NamedCounts.defaultCapacity, prunedByOwner: true)

  public init() {}

  /// Final outcomes `removed` (the admin deleted the message), over all domains.
  public var removedRecipients: Int { domainCounters.reduce(0) { $0 + $1.removed } }

  /// Adds counters for a newly interned domain.
  mutating func appendDomain() {
    domainCounters.append(DomainCounters())
    domainProviders.append(.none)
    providerResolved.append(false)
  }

  /// The ID of recipient domain `name`, added with empty counters when new.
  mutating func domainID(_ name: String) -> Int32 {
    let id = domains.intern(name)
    if Int(id) == domainCounters.count { appendDomain() }
    return id
  }

  /// The ID of sender domain `name`, added with empty counters when new.
  mutating func senderID(_ name: String) -> Int32 {
    let id = senders.intern(name)
    if Int(id) == senderCounters.count { senderCounters.append(SenderCounters()) }
    return id
  }
}

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
