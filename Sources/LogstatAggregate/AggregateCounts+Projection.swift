import LogstatClassify
import LogstatScan

/// Inbound rejects: totals by code, by reason, and per client and reason.
struct InboundEntry: CountsValue, Codable, Equatable {
  var total: Int
  /// `[key, count]`, key = reply code * 1_000_000_000 + packed DSN; sorted.
  var byCode: [[UInt64]]
  /// Per client: the sum of its `clientReasons` (written for readers; rebuilt on reading).
  var byClient: [ClientCount]
  var reasons: ReasonCounts
  var clientReasons: [ClientReasonCount]

  struct ClientCount: Codable, Equatable, Sendable {
    var client: String
    var count: Int
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
  }

  init(total: Int, byCode: [[UInt64]], byClient: [ClientCount], reasons: ReasonCounts, clientReasons: [ClientReasonCount]) {
    self.total = total
    self.byCode = byCode
    self.byClient = byClient
    self.reasons = reasons
    self.clientReasons = clientReasons
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(total, forKey: .total)
    try c.encode(byCode, forKey: .byCode)
    try c.encode(byClient, forKey: .byClient)
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
    byClient = []
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
    counters = e
  }
}

/// Hour cells and kept reply texts by domain ID, for the domains' entries.
///
/// The cells are one sorted array of `domain << 36 | hour << 8 | status << 6 | reason + 1`
/// words with their counts beside: 16 bytes a cell, each domain's cells found by binary
/// search, instead of an array of cells per domain (a million cells are common).
struct DomainCellIndex: Sendable {
  var keys: [UInt64] = []
  var counts: [Int] = []
  var examples: [Int32: [ReplyExamples]] = [:]

  /// The cells of domain `id`, sorted by hour, status and reason.
  func cells(_ id: Int32) -> [HourCell] {
    let first = UInt64(UInt32(bitPattern: id)) << 36
    var low = 0
    var high = keys.count
    while low < high {
      let mid = (low + high) / 2
      if keys[mid] < first { low = mid + 1 } else { high = mid }
    }
    var out: [HourCell] = []
    var k = low
    while k < keys.count, keys[k] >> 36 == first >> 36 {
      let key = keys[k]
      let r = Int(key & 63)
      out.append(
        HourCell(
          hour: Int64((key >> 8) & 0x0FFF_FFFF), status: AttemptStatus(rawValue: UInt8((key >> 6) & 3)) ?? .sent,
          reason: r == 0 ? nil : Reason.at(r - 1), count: counts[k]))
      k += 1
    }
    return out
  }
}

extension AggregateCounts {
  /// The recipient domains encoded, in name order: those with a count, a cell or a text.
  func domainEntryIDs() -> [Int32] {
    var withCells = Set<Int32>()
    domainHours.forEachDomainCell { key, _ in withCells.insert(key.domain) }
    for key in domainHours.examples.keys { withCells.insert(Int32(truncatingIfNeeded: key >> 8)) }
    return domains.sortedIDs.filter { domainCounters[Int($0)] != DomainCounters() || withCells.contains($0) }
  }

  /// `domainHours` indexed by domain, each domain's cells sorted.
  func domainCells() -> DomainCellIndex {
    var index = DomainCellIndex()
    var cells: [(UInt64, Int)] = []
    domainHours.forEachCell { k, n in
      // packed: hour << 36 | domain << 8 | status << 6 | reason; re-keyed domain first.
      let domain = (k >> 8) & 0x0FFF_FFFF
      cells.append((domain << 36 | (k >> 36) << 8 | (k & 0xFF), n))
    }
    cells.sort { $0.0 < $1.0 }
    index.keys = cells.map(\.0)
    index.counts = cells.map(\.1)
    cells = []
    var shapes: [UInt64: [ReplyExamples.ShapeCount]] = [:]
    for (k, n) in domainHours.exampleCounts {
      shapes[k.key, default: []].append(ReplyExamples.ShapeCount(shape: k.shape, count: n))
    }
    let keys = Set(domainHours.examples.keys).union(shapes.keys).sorted()
    for key in keys {
      let texts = (domainHours.examples[key] ?? []).map { ReplyExamples.Text(shape: $0.shape, text: $0.text) }
      let counted = (shapes[key] ?? []).sorted { $0.shape < $1.shape }
      let entry = ReplyExamples(reason: Reason.at(Int(key & 0xFF)), texts: texts, shapeCounts: counted)
      index.examples[Int32(truncatingIfNeeded: key >> 8), default: []].append(entry)
    }
    return index
  }

  func domainEntry(_ id: Int32, _ index: DomainCellIndex) -> DomainEntry {
    DomainEntry(
      name: domains.string(id), provider: domainProviders[Int(id)], providerResolved: providerResolved[Int(id)],
      counters: domainCounters[Int(id)], hourCells: index.cells(id), replyExamples: index.examples[id] ?? [])
  }

  func senderEntry(_ id: Int32) -> SenderEntry {
    SenderEntry(name: senders.string(id), counters: senderCounters[Int(id)], hardBounces: senderHardBounces[id] ?? 0)
  }

  /// The names of domain IDs, sorted.
  func names(_ ids: Set<Int32>) -> [String] { ids.map { domains.string($0) }.sorted() }

  func inboundEntry() -> InboundEntry {
    var totals: [String: Int] = [:]
    var pairs: [InboundEntry.ClientReasonCount] = []
    clientReasonCounts.forEach { key, n in
      let client = clients.string(Int32(truncatingIfNeeded: key >> 8))
      totals[client, default: 0] += n
      pairs.append(.init(client: client, reason: Reason.at(Int(key & 0xFF)), count: n))
    }
    pairs.sort { ($0.client, $0.reason.ordinal) < ($1.client, $1.reason.ordinal) }
    return InboundEntry(
      total: inbound.total,
      byCode: inbound.byCode.sorted { $0.key < $1.key }.map { [$0.key, UInt64($0.value)] },
      byClient: totals.sorted { $0.key < $1.key }.map { .init(client: $0.key, count: $0.value) },
      reasons: inboundReasons, clientReasons: pairs)
  }

  /// Adds a decoded domain entry.
  mutating func add(_ d: DomainEntry) {
    let id = domainID(d.name)
    let m = Int(id)
    domainCounters[m].merge(d.counters)
    if d.provider != .none, domainProviders[m] == .none || (!providerResolved[m] && d.providerResolved) {
      domainProviders[m] = d.provider
    }
    providerResolved[m] = providerResolved[m] || d.providerResolved
    for cell in d.hourCells {
      domainHours.add(DomainHourKey(hour: cell.hour, domain: id, status: cell.status, reason: cell.reason), count: cell.count)
    }
    for r in d.replyExamples {
      let key = UInt64(UInt32(bitPattern: id)) << 8 | UInt64(r.reason.ordinal)
      var kept = domainHours.examples[key] ?? []
      for t in r.texts where kept.count < DomainHours.examplesKept && !kept.contains(where: { $0.shape == t.shape }) {
        kept.append(ExampleText(shape: t.shape, text: t.text))
      }
      if !kept.isEmpty { domainHours.examples[key] = kept }
      for s in r.shapeCounts { domainHours.exampleCounts[ShapeKey(key, s.shape), default: 0] += s.count }
    }
  }

  /// Adds a decoded inbound entry (`by_client` is rebuilt from `client_reasons`).
  mutating func add(_ i: InboundEntry) {
    inbound.total += i.total
    for pair in i.byCode { inbound.byCode[pair[0], default: 0] += Int(pair[1]) }
    inboundReasons.merge(i.reasons)
    for p in i.clientReasons where !p.client.isEmpty {
      let id = clients.intern(p.client)
      clientReasonCounts.add(UInt64(UInt32(bitPattern: id)) << 8 | UInt64(p.reason.ordinal), p.count)
    }
  }
}
