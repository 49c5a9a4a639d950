import LogstatAggregate
import LogstatClassify
import LogstatKinds
import LogstatScan
import LogstatTime

/// A name with a count (and bytes where it has a size): a client, user, address or relay.
public struct NamedRow: Sendable, Equatable {
  public var name: String
  /// The count: exact when `countError` is nil, else an upper bound.
  public var count: Int
  public var bytes: Int
  /// Set when the table overflowed its bound (`NamedCounts.capacity`): the true count is
  /// between `count - countError` and `count`, the true bytes between `bytes - bytesError`
  /// and `bytes`.
  public var countError: Int?
  public var bytesError: Int?

  public init(name: String, count: Int, bytes: Int, countError: Int? = nil, bytesError: Int? = nil) {
    self.name = name
    self.count = count
    self.bytes = bytes
    self.countError = countError
    self.bytesError = bytesError
  }
}

/// warning/error/fatal/panic lines of one kind: `severity daemon: message` with numbers,
/// addresses and IDs blanked, how many, and the first such line as written.
public struct LogGroupRow: Sendable, Equatable {
  public var group: String
  public var count: Int
  public var example: String
}

/// Exim deliveries to a pipe, a file, `:blackhole:` ...: attempts by outcome.
public struct SpecialRow: Sendable, Equatable {
  public var kind: String
  public var delivered: Int
  public var deferred: Int
  public var failed: Int

  public init(kind: String, delivered: Int, deferred: Int, failed: Int) {
    self.kind = kind
    self.delivered = delivered
    self.deferred = deferred
    self.failed = failed
  }
}

/// Delivered recipients of a domain or provider, and how many of those deliveries went over
/// TLS (Exim `X=`; Postfix logs TLS per session, see `tlsByRelay`).
public struct TLSShareRow: Sendable, Equatable {
  public var name: String
  public var delivered: Int
  public var overTLS: Int

  public init(name: String, delivered: Int, overTLS: Int) {
    self.name = name
    self.delivered = delivered
    self.overTLS = overTLS
  }

  /// Percent of deliveries over TLS, one decimal, as text ("-" when nothing was delivered).
  public var share: String {
    guard delivered > 0 else { return "-" }
    let tenths = (Swift.min(overTLS, delivered) * 1000 + delivered / 2) / delivered
    return "\(tenths / 10).\(tenths % 10)%"
  }
}

/// Security and health: password guessing, the servers' own complaints, TLS, postscreen,
/// connections, and what the admin did to the queue. Lists are complete and sorted (most
/// first); writers cut them with `--top`.
public struct HealthSection: Sendable, Equatable {
  public var authFailures = 0
  public var authByClient: [NamedRow] = []
  public var authByUser: [NamedRow] = []
  public var warnings = 0
  public var errors = 0
  public var fatals = 0
  public var panics = 0
  public var logGroups: [LogGroupRow] = []
  public var tlsOutbound = 0
  public var tlsInbound = 0
  public var tlsFailures = 0
  public var tlsByRelay: [NamedRow] = []
  /// Share of deliveries over TLS per recipient domain and per provider; empty when no
  /// delivery line said it went over TLS (Postfix logs, or no TLS at all).
  public var tlsByDomain: [TLSShareRow] = []
  public var tlsByProvider: [TLSShareRow] = []
  public var pregreet = 0
  public var dnsblRank = 0
  public var hangup = 0
  public var commandLimit = 0
  public var connections = 0
  public var connectionsByClient: [NamedRow] = []
  public var adminRemovedMessages = 0
  public var removedRecipients = 0
  public var frozen = 0
  public var frozenSkipped = 0
  public var unfrozen = 0
  public var special: [SpecialRow] = []

  public init() {}
}

/// One day of traffic, local time.
public struct DayRow: Sendable, Equatable {
  public var day: String
  public var received: Int
  public var delivered: Int
  public var deferred: Int
  public var bounced: Int
  public var expired: Int
  public var rejected: Int
}

/// The totals pflogsumm users read every morning, counted the same way where logstat can
/// (see README "Compared with pflogsumm").
public struct TrafficSection: Sendable, Equatable {
  public var received = 0
  public var delivered = 0
  public var forwarded = 0
  public var deferred = 0
  public var bounced = 0
  public var rejected = 0
  public var rejectWarnings = 0
  public var held = 0
  public var discarded = 0
  public var bytesReceived = 0
  public var bytesDelivered = 0
  public var senders = 0
  public var sendingDomains = 0
  public var recipients = 0
  public var recipientDomains = 0
  /// False when an address table overflowed its bound: `senders`, `recipients` and their
  /// domains then count the addresses listed (a lower bound), and rows carry error bounds.
  public var addressesExact = true
  public var sendersByCount: ReportRows<NamedRow> = []
  public var sendersBySize: ReportRows<NamedRow> = []
  public var recipientsByCount: ReportRows<NamedRow> = []
  public var recipientsBySize: ReportRows<NamedRow> = []
  public var days: [DayRow] = []

  public init() {}
}

extension ReportModel {
  /// Fills `health` and `traffic` from `a`.
  mutating func addHealthAndTraffic(_ a: Aggregate, zone: LocalZone) {
    let e = a.events
    var h = HealthSection()
    h.authFailures = e[.authFailure]
    h.authByClient = Self.rows(e.authByClient)
    h.authByUser = Self.rows(e.authByUser)
    h.warnings = e[.warning]
    h.errors = e[.error]
    h.fatals = e[.fatal]
    h.panics = e[.panic]
    h.logGroups = e.logGroups.entries.filter { $0.count > 0 }
      .map { LogGroupRow(group: $0.name, count: $0.count, example: $0.example ?? "") }
      .sorted { ($0.count, $1.group) > ($1.count, $0.group) }
    h.tlsOutbound = e[.tlsOutbound]
    h.tlsInbound = e[.tlsInbound]
    h.tlsFailures = e[.tlsFailure]
    h.tlsByRelay = Self.rows(e.tlsByRelay)
    (h.tlsByDomain, h.tlsByProvider) = Self.tlsShares(a)
    h.pregreet = e[.pregreet]
    h.dnsblRank = e[.dnsblRank]
    h.hangup = e[.hangup]
    h.commandLimit = e[.commandLimit]
    h.connections = e[.connect]
    h.connectionsByClient = Self.rows(e.connectsByClient)
    h.adminRemovedMessages = e[.adminRemoved]
    h.removedRecipients = a.removedRecipients
    h.frozen = e[.frozen]
    h.frozenSkipped = e[.frozenSkipped]
    h.unfrozen = e[.unfrozen]
    h.special = SpecialRecipient.allCases.dropFirst().compactMap { kind in
      let row = SpecialRow(
        kind: Self.name(kind), delivered: e.special(kind, 0), deferred: e.special(kind, 1), failed: e.special(kind, 2))
      return row.delivered + row.deferred + row.failed > 0 ? row : nil
    }
    health = h

    var t = TrafficSection()
    t.received = a.messagesReceived
    t.delivered = a.recipientAddresses.totalCount
    t.forwarded = e.forwarded
    t.deferred = summary.deferred
    t.bounced = summary.bounced
    t.rejected = summary.rejected
    t.rejectWarnings = e[.rejectWarning]
    t.held = e[.held]
    t.discarded = e[.discarded]
    t.bytesReceived = a.bytesReceived
    t.bytesDelivered = a.bytesDelivered
    t.addressesExact = a.senderAddresses.isExact && a.recipientAddresses.isExact
    (t.senders, t.sendingDomains) = a.senderAddresses.distinctNamesAndDomains
    (t.recipients, t.recipientDomains) = a.recipientAddresses.distinctNamesAndDomains
    t.sendersByCount = Self.rankedRows(a.senderAddresses)
    t.sendersBySize = Self.rankedRows(a.senderAddresses, bySize: true)
    t.recipientsByCount = Self.rankedRows(a.recipientAddresses)
    t.recipientsBySize = Self.rankedRows(a.recipientAddresses, bySize: true)
    var days: [String: DayRow] = [:]
    for (hour, c) in a.hours {
      let day = String(zone.timestamp(hour * 3600).prefix(10))
      var d = days[day] ?? DayRow(day: day, received: 0, delivered: 0, deferred: 0, bounced: 0, expired: 0, rejected: 0)
      d.received += c.received
      d.delivered += c.delivered
      d.deferred += c.deferred
      d.bounced += c.bounced
      d.expired += c.expired
      d.rejected += c.rejected
      days[day] = d
    }
    t.days = days.values.sorted { $0.day < $1.day }
    traffic = t
  }

  /// Delivered and delivered-over-TLS Exim lines per domain (domains with deliveries) and per
  /// provider: both count lines of the MTA that says whether a delivery used TLS.
  static func tlsShares(_ a: Aggregate) -> ([TLSShareRow], [TLSShareRow]) {
    let tls = a.events.tlsDeliveredByDomain.entries.filter { $0.count > 0 }
    guard !tls.isEmpty else { return ([], []) }
    var overTLS: [String: Int] = [:]
    for t in tls { overTLS[t.name, default: 0] += t.count }
    var eximDelivered: [String: Int] = [:]
    for t in a.events.eximDeliveredByDomain.entries { eximDelivered[t.name, default: 0] += t.count }
    var domains: [TLSShareRow] = []
    var providers: [Provider: (Int, Int)] = [:]
    for id in 0..<a.domains.count {
      let name = a.domains.string(Int32(id))
      let delivered = eximDelivered[name] ?? 0
      let over = overTLS[name] ?? 0
      guard delivered > 0 || over > 0 else { continue }
      domains.append(TLSShareRow(name: name, delivered: delivered, overTLS: over))
      let p = a.domainProviders[id]
      providers[p, default: (0, 0)].0 += delivered
      providers[p, default: (0, 0)].1 += over
    }
    let order: (TLSShareRow, TLSShareRow) -> Bool = {
      $0.delivered != $1.delivered ? $0.delivered > $1.delivered : $0.name < $1.name
    }
    let byProvider = providers.map { p, n in
      TLSShareRow(name: p == .none ? "other / self-hosted" : p.displayName, delivered: n.0, overTLS: n.1)
    }
    return (domains.sorted(by: order), byProvider.sorted(by: order))
  }

  static func rows(_ n: NamedCounts, bySize: Bool = false) -> [NamedRow] {
    Array(rankedRows(n, bySize: bySize))
  }

  /// Names with a count or bytes, most first (ties by name), each row made when read: one
  /// per address can be millions, and text shows 20.
  static func rankedRows(_ n: NamedCounts, bySize: Bool = false) -> ReportRows<NamedRow> {
    let ids = n.ranked(bySize: bySize)
    let exact = n.isExact
    return ReportRows(count: ids.count) { k in
      let id = Int(ids[k])
      return NamedRow(
        name: n.names.string(ids[k]), count: n.counts[id], bytes: n.bytes[id],
        countError: exact ? nil : n.countError(ids[k]), bytesError: exact ? nil : n.bytesError(ids[k]))
    }
  }

  static func name(_ kind: SpecialRecipient) -> String {
    switch kind {
    case .none: "none"
    case .blackhole: ":blackhole:"
    case .pipe: "pipe"
    case .file: "file"
    case .filter: "system filter"
    case .forcedDefer: ":defer:"
    case .forcedFail: ":fail:"
    case .other: "other :item:"
    case .autoreply: "autoreply"
    }
  }
}
