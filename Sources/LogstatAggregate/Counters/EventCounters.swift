import LogstatKinds

/// Counts of the events that are neither deliveries nor rejects: the admin's and policy
/// actions, security (failed SMTP AUTH, TLS) and health (warning/error/fatal/panic lines),
/// Exim's special deliveries, and pflogsumm's extra totals. Every count merges by addition.
public struct EventCounters: Sendable, Equatable {
  /// Lines per `MailEvent.rawValue`.
  public var byEvent = [Int](repeating: 0, count: MailEvent.allCases.count)
  /// Exim special deliveries: index `SpecialRecipient.rawValue * 3 + outcome` with outcome
  /// 0 delivered, 1 deferred, 2 failed (attempt lines).
  public var special = [Int](repeating: 0, count: SpecialRecipient.allCases.count * 3)
  /// Failed SMTP AUTH per client IP (or host name when no IP is given).
  public var authByClient = NamedCounts(capacity: NamedCounts.defaultCapacity)
  /// Failed SMTP AUTH per attempted user name, when the log gives it.
  public var authByUser = NamedCounts(capacity: NamedCounts.defaultCapacity)
  /// smtpd connections per client host name (pflogsumm `--smtpd-stats`).
  public var connectsByClient = NamedCounts(capacity: NamedCounts.defaultCapacity)
  /// warning/error/fatal/panic lines grouped by `severity daemon: message` with numbers,
  /// addresses, hosts and IDs blanked; each group keeps its first line as the example.
  public var logGroups = NamedCounts()
  /// Outbound TLS sessions per relay host (Postfix `... TLS connection established to`).
  public var tlsByRelay = NamedCounts(capacity: NamedCounts.defaultCapacity)
  /// Delivered (sent) lines that went over TLS, per recipient domain (Exim `=>`/`->` with
  /// ` X=`). Postfix logs TLS per session, not per delivery: see `tlsByRelay`.
  public var tlsDeliveredByDomain = NamedCounts()
  /// Delivered (sent) Exim lines per recipient domain: the lines `tlsDeliveredByDomain` is a
  /// share of (Postfix deliveries, which say nothing of TLS, are not in it).
  public var eximDeliveredByDomain = NamedCounts()
  /// Delivered (sent) lines whose text says `forwarded as` (pflogsumm's "forwarded").
  public var forwarded = 0

  public init() {}

  public subscript(_ e: MailEvent) -> Int {
    get { byEvent[Int(e.rawValue)] }
    set { byEvent[Int(e.rawValue)] = newValue }
  }

  /// Special deliveries of `kind` with outcome 0 delivered, 1 deferred, 2 failed.
  public func special(_ kind: SpecialRecipient, _ outcome: Int) -> Int {
    special[Int(kind.rawValue) * 3 + outcome]
  }

  public var specialTotal: Int { special.reduce(0, +) }

  public mutating func merge(_ o: EventCounters) {
    for k in byEvent.indices { byEvent[k] += o.byEvent[k] }
    for k in special.indices { special[k] += o.special[k] }
    authByClient.merge(o.authByClient)
    authByUser.merge(o.authByUser)
    connectsByClient.merge(o.connectsByClient)
    logGroups.merge(o.logGroups)
    tlsByRelay.merge(o.tlsByRelay)
    tlsDeliveredByDomain.merge(o.tlsDeliveredByDomain)
    eximDeliveredByDomain.merge(o.eximDeliveredByDomain)
    forwarded += o.forwarded
  }
}
