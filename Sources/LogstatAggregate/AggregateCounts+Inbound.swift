import LogstatClassify
import LogstatKinds

// The inbound and events entries of the counts encoding (see AggregateCounts+Codable).

/// Inbound rejects: totals by code, by reason, and per client and reason.
struct InboundEntry: CountsValue, Codable, Equatable {
  var total: Int
  /// `[key, count]`, key = reply code * 1_000_000_000 + packed DSN; sorted.
  var byCode: [[UInt64]]
  /// Per client: its rejects (the sum of its `clientReasons` while the table is exact; with
  /// `count_error` once it overflowed). Nil when a report older than the bound left it out.
  var byClient: [ClientCount]?
  /// The client table's bound (`by_client_bound`), only once it overflowed.
  var byClientBound: NamedCounts.Bound?
  var reasons: ReasonCounts
  var clientReasons: [ClientReasonCount]

  struct ClientCount: Codable, Equatable, Sendable {
    var client: String
    var count: Int
    /// How far below `count` the true count may be: only once the table overflowed.
    var countError: Int?

    enum CodingKeys: String, CodingKey { case client, count, countError = "count_error" }

    init(client: String, count: Int, countError: Int? = nil) {
      self.client = client
      self.count = count
      self.countError = countError
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(client, forKey: .client)
      try c.encode(count, forKey: .count)
      try c.encodeIfPresent(countError, forKey: .countError)
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      client = try c.decode(String.self, forKey: .client)
      count = try c.count(.count)
      countError = c.contains(.countError) ? try c.count(.countError) : nil
    }
  }

  struct ClientReasonCount: Codable, Equatable, Sendable {
    var client: String
    var reason: Reason
    var count: Int

    enum CodingKeys: String, CodingKey { case client, reason, count }

    init(client: String, reason: Reason, count: Int) {
      self.client = client
      self.reason = reason
      self.count = count
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(client, forKey: .client)
      try c.encode(reason.rawValue, forKey: .reason)
      try c.encode(count, forKey: .count)
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      client = try c.decode(String.self, forKey: .client)
      reason = try c.named(.reason, "reason")
      count = try c.count(.count)
    }
  }

  enum CodingKeys: String, CodingKey {
    case total, byCode = "by_code", byClient = "by_client", reasons, clientReasons = "client_reasons"
    case byClientBound = "by_client_bound"
  }

  init(
    total: Int, byCode: [[UInt64]], byClient: [ClientCount], byClientBound: NamedCounts.Bound?,
    reasons: ReasonCounts, clientReasons: [ClientReasonCount]
  ) {
    self.total = total
    self.byCode = byCode
    self.byClient = byClient
    self.byClientBound = byClientBound
    self.reasons = reasons
    self.clientReasons = clientReasons
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(total, forKey: .total)
    try c.encode(byCode, forKey: .byCode)
    try c.encode(byClient ?? [], forKey: .byClient)
    // Only for a table that overflowed its bound: exact tables encode as before.
    try c.encodeIfPresent(byClientBound, forKey: .byClientBound)
    try c.encode(reasons, forKey: .reasons)
    try c.encode(clientReasons, forKey: .clientReasons)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    total = try c.count(.total)
    var pairs = try c.nestedUnkeyedContainer(forKey: .byCode)
    byCode = []
    while !pairs.isAtEnd {
      var pair = try pairs.nestedUnkeyedContainer()
      let key = try pair.number(in: 0...UInt64(Int.max), "a code key")
      let n = try pair.count()
      try pair.expectEnd(2, "[key, count]")
      byCode.append([key, UInt64(n)])
    }
    byClient = try c.decodeIfPresent([ClientCount].self, forKey: .byClient)
    byClientBound = try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .byClientBound)
    reasons = try c.decodeIfPresent(ReasonCounts.self, forKey: .reasons) ?? ReasonCounts()
    clientReasons = try c.decode([ClientReasonCount].self, forKey: .clientReasons)
  }
}

/// The events block: counts by event name, Exim special deliveries, the name tables.
struct EventsEntry: CountsValue, Codable, Equatable {
  var counters: EventCounters

  enum CodingKeys: String, CodingKey {
    case byEvent = "by_event", special, authByClient = "auth_by_client", authByUser = "auth_by_user"
    case connectsByClient = "connects_by_client", logGroups = "log_groups", tlsByRelay = "tls_by_relay"
    case tlsDeliveredByDomain = "tls_delivered_by_domain", eximDeliveredByDomain = "exim_delivered_by_domain"
    case forwarded
    case authByClientBound = "auth_by_client_bound", authByUserBound = "auth_by_user_bound"
    case connectsByClientBound = "connects_by_client_bound", tlsByRelayBound = "tls_by_relay_bound"
  }

  init(_ counters: EventCounters) { self.counters = counters }

  func encode(to encoder: any Encoder) throws {
    let e = counters
    var c = encoder.container(keyedBy: CodingKeys.self)
    var byEvent = c.nestedContainer(keyedBy: CountsNameKey.self, forKey: .byEvent)
    for kind in MailEvent.allCases where e[kind] > 0 {
      try byEvent.encode(e[kind], forKey: CountsNameKey(String(describing: kind)))
    }
    var special = c.nestedUnkeyedContainer(forKey: .special)
    for kind in SpecialRecipient.allCases {
      for outcome in 0..<3 where e.special(kind, outcome) > 0 {
        var triple = special.nestedUnkeyedContainer()
        try triple.encode(String(describing: kind))
        try triple.encode(outcome)
        try triple.encode(e.special(kind, outcome))
      }
    }
    try c.encode(e.authByClient, forKey: .authByClient)
    try c.encode(e.authByUser, forKey: .authByUser)
    try c.encode(e.connectsByClient, forKey: .connectsByClient)
    try c.encode(e.logGroups, forKey: .logGroups)
    try c.encode(e.tlsByRelay, forKey: .tlsByRelay)
    try c.encode(e.tlsDeliveredByDomain, forKey: .tlsDeliveredByDomain)
    try c.encode(e.eximDeliveredByDomain, forKey: .eximDeliveredByDomain)
    try c.encode(e.forwarded, forKey: .forwarded)
    // Only for a table that overflowed its bound.
    try c.encodeIfPresent(e.authByClient.bound, forKey: .authByClientBound)
    try c.encodeIfPresent(e.authByUser.bound, forKey: .authByUserBound)
    try c.encodeIfPresent(e.connectsByClient.bound, forKey: .connectsByClientBound)
    try c.encodeIfPresent(e.tlsByRelay.bound, forKey: .tlsByRelayBound)
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var e = EventCounters()
    if c.contains(.byEvent) {
      let byEvent = try c.nestedContainer(keyedBy: CountsNameKey.self, forKey: .byEvent)
      for key in byEvent.allKeys {
        guard let kind = MailEvent.allCases.first(where: { String(describing: $0) == key.stringValue }) else {
          throw DecodingError.dataCorruptedError(
            forKey: key, in: byEvent, debugDescription: "unknown event `\(key.stringValue)`")
        }
        e[kind] += try byEvent.count(key)
      }
    }
    if c.contains(.special) {
      var special = try c.nestedUnkeyedContainer(forKey: .special)
      while !special.isAtEnd {
        var triple = try special.nestedUnkeyedContainer()
        let path = triple.codingPath + [CountsIndexKey(triple.currentIndex)]
        let name = try triple.decode(String.self)
        guard let kind = SpecialRecipient.allCases.first(where: { String(describing: $0) == name }) else {
          throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "unknown special delivery `\(name)`"))
        }
        let outcome = try triple.number(in: 0...2, "an outcome: 0 delivered, 1 deferred, 2 failed")
        e.special[Int(kind.rawValue) * 3 + outcome] += try triple.count()
        try triple.expectEnd(3, "[kind, outcome, count]")
      }
    }
    e.authByClient = try c.decodeIfPresent(NamedCounts.self, forKey: .authByClient) ?? NamedCounts()
    e.authByUser = try c.decodeIfPresent(NamedCounts.self, forKey: .authByUser) ?? NamedCounts()
    e.connectsByClient = try c.decodeIfPresent(NamedCounts.self, forKey: .connectsByClient) ?? NamedCounts()
    e.logGroups = try c.decodeIfPresent(NamedCounts.self, forKey: .logGroups) ?? NamedCounts()
    e.tlsByRelay = try c.decodeIfPresent(NamedCounts.self, forKey: .tlsByRelay) ?? NamedCounts()
    e.tlsDeliveredByDomain = try c.decodeIfPresent(NamedCounts.self, forKey: .tlsDeliveredByDomain) ?? NamedCounts()
    e.eximDeliveredByDomain = try c.decodeIfPresent(NamedCounts.self, forKey: .eximDeliveredByDomain) ?? NamedCounts()
    e.forwarded = try c.optionalCount(.forwarded)
    e.authByClient.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .authByClientBound))
    e.authByUser.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .authByUserBound))
    e.connectsByClient.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .connectsByClientBound))
    e.tlsByRelay.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .tlsByRelayBound))
    counters = e
  }
}
