import LogstatClassify
import LogstatKinds

/// A value in the counts encoding: `Encodable`, and comparable with another of its kind, so
/// `AggregateCounts ==` compares exactly what is encoded.
public protocol CountsValue: Encodable, Sendable {
  func isEqual(to other: any CountsValue) -> Bool
}

extension CountsValue where Self: Equatable {
  public func isEqual(to other: any CountsValue) -> Bool { (other as? Self) == self }
}

extension Int: CountsValue {}
extension Int64: CountsValue {}
extension UInt64: CountsValue {}
extension ReasonCounts: CountsValue {}
extension InboundEntry.ClientCount: CountsValue {}
extension InboundEntry.ClientReasonCount: CountsValue {}
extension NamedCounts.Entry: CountsValue {}
extension String: CountsValue {}
extension Optional: CountsValue where Wrapped: CountsValue & Equatable {}
extension Array: CountsValue where Element: CountsValue & Equatable {}

/// One top-level value of the counts encoding: a value, or a list whose elements are made one
/// at a time (a streaming writer never holds the whole list: one entry per domain or address).
public enum CountsPart: Sendable {
  case value(any CountsValue)
  case list(count: Int, element: @Sendable (Int) -> any CountsValue)
  /// An object whose values are parts in turn, keys sorted (the inbound block: its client lists
  /// are long).
  case object([(key: String, part: CountsPart)])

  /// Writes the part into `encoder` as `encode(to:)` of the whole would.
  func encode(to encoder: any Encoder) throws {
    switch self {
    case .value(let v):
      try v.encode(to: encoder)
    case .list(let n, let element):
      var list = encoder.unkeyedContainer()
      for k in 0..<n { try list.encode(PartBox(part: .value(element(k)))) }
    case .object(let fields):
      var c = encoder.container(keyedBy: CountsNameKey.self)
      for (key, part) in fields { try c.encode(PartBox(part: part), forKey: CountsNameKey(key)) }
    }
  }

  /// True when both parts encode equally.
  func isEqual(to other: CountsPart) -> Bool {
    switch (self, other) {
    case (.value(let u), .value(let v)):
      return u.isEqual(to: v)
    case (.list(let m, let e), .list(let n, let f)):
      guard m == n else { return false }
      for k in 0..<m where !e(k).isEqual(to: f(k)) { return false }
      return true
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      for (p, q) in zip(x, y) where p.key != q.key || !p.part.isEqual(to: q.part) { return false }
      return true
    default:
      return false
    }
  }
}

/// A part as an `Encodable` value (nested parts encode through their containers).
public struct PartBox: Encodable {
  public var part: CountsPart
  public init(part: CountsPart) { self.part = part }
  public func encode(to encoder: any Encoder) throws { try part.encode(to: encoder) }
}

/// The counts encode as one JSON object (docs/json-schema.md, "counts"): every list sorted by
/// its key, names written out (never IDs), object keys sorted, so equal counts give equal
/// text whatever the order they were counted or merged in.
///
/// `encodingParts()` is the one description of that object: `encode(to:)` writes it whole,
/// and the JSON report's writer streams the same parts. `init(from:)` reads version 2 and
/// version 1 (which lacks `hard_bounced_addresses`, `code_hours`, `blocklist_hours` and the
/// domains' `provider_resolved`, `hour_cells` and `reply_examples`: they read as empty), and
/// checks every value, throwing `DecodingError`s whose coding path names it.
extension AggregateCounts: Codable, Equatable {
  /// The version written; `init(from:)` reads `1...version`.
  public static let version = 2

  public enum CodingKeys: String, CodingKey, CaseIterable, Sendable {
    case version, lines, messagesReceived = "messages_received", notificationsSent = "notifications_sent"
    case bytesReceived = "bytes_received", firstEpoch = "first_epoch", lastEpoch = "last_epoch"
    case domains, senders, dsnCodes = "dsn_codes", replyCodes = "reply_codes", inbound, hours
    case blocklists, listings, events, bytesDelivered = "bytes_delivered"
    case senderAddresses = "sender_addresses", recipientAddresses = "recipient_addresses", examples
    case hardBouncedAddresses = "hard_bounced_addresses", codeHours = "code_hours"
    case blocklistHours = "blocklist_hours"
    case senderAddressesBound = "sender_addresses_bound", recipientAddressesBound = "recipient_addresses_bound"
    case otherHourCells = "other_hour_cells"
  }

  /// Every top-level key with its value, in key order.
  public func encodingParts() -> [(key: CodingKeys, part: CountsPart)] {
    let me = self
    let domainIDs = domainEntryIDs()
    let cells = domainCells()
    let senderIDs = senders.sortedIDs.filter {
      senderCounters[Int($0)] != SenderCounters() || (senderHardBounces[$0] ?? 0) > 0
    }
    let dsn = dsnCounters.sorted { $0.key < $1.key }.map { CodeEntry(key: Int($0.key), counters: $0.value) }
    let reply = replyCodeCounters.sorted { $0.key < $1.key }.map { CodeEntry(key: $0.key, counters: $0.value) }
    let hourList = hours.sorted { $0.key < $1.key }.map { HourEntry(hour: $0.key, counters: $0.value) }
    var parts: [(key: CodingKeys, part: CountsPart)] = [
      (.version, .value(Self.version)),
      (.lines, .value(lines)),
      (.messagesReceived, .value(messagesReceived)),
      (.notificationsSent, .value(notificationsSent)),
      (.bytesReceived, .value(bytesReceived)),
      (.firstEpoch, .value(firstTime)),
      (.lastEpoch, .value(lastTime)),
      (.domains, .list(count: domainIDs.count) { me.domainEntry(domainIDs[$0], cells) }),
      (.senders, .list(count: senderIDs.count) { me.senderEntry(senderIDs[$0]) }),
      (.dsnCodes, .value(dsn)),
      (.replyCodes, .value(reply)),
      (.inbound, inboundPart()),
      (.hours, .list(count: hourList.count) { hourList[$0] }),
      (.blocklists, .value(blocklists.sorted { $0.key.rawValue < $1.key.rawValue }.map {
        StatsEntry(blocklist: $0.key, address: nil, stats: $0.value, domains: me.names($0.value.domainIDs))
      })),
      (.listings, .value(listings.sorted {
        ($0.key.blocklist.rawValue, $0.key.address) < ($1.key.blocklist.rawValue, $1.key.address)
      }.map {
        StatsEntry(blocklist: $0.key.blocklist, address: $0.key.address, stats: $0.value, domains: me.names($0.value.domainIDs))
      })),
      (.events, .value(EventsEntry(events))),
      (.bytesDelivered, .value(bytesDelivered)),
      (.senderAddresses, senderAddresses.countsPart),
      (.recipientAddresses, recipientAddresses.countsPart),
      (.examples, .value(Reason.allCases.compactMap { r in
        me.examples[r.ordinal].map { ExampleEntry(reason: r, text: $0.text, domain: $0.domain) }
      })),
      (.hardBouncedAddresses, .value(hardBouncedAddresses.sorted())),
      (.codeHours, .value(domainHours.codeCells.map {
        CodeHourCell(hour: $0.key.hour, status: $0.key.status, code: $0.key.code, count: $0.count)
      }.sorted())),
      (.blocklistHours, .value(domainHours.blocklistCells.map {
        BlocklistHourCell(hour: $0.hour, blocklist: $0.blocklist, count: $0.count)
      }.sorted())),
    ]
    // Only for a table that overflowed its bound: exact tables encode as before.
    if let b = senderAddresses.bound { parts.append((.senderAddressesBound, .value(b))) }
    if let b = recipientAddresses.bound { parts.append((.recipientAddressesBound, .value(b))) }
    // Only once the hour cells overflowed their bound (DomainHours+Bound).
    if !domainHours.other.isEmpty { parts.append((.otherHourCells, .value(otherHourCells()))) }
    return parts.sorted { $0.key.rawValue < $1.key.rawValue }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    for (key, part) in encodingParts() {
      switch part {
      case .value(let v):
        try c.encode(v, forKey: key)
      case .list(let n, let element):
        var list = c.nestedUnkeyedContainer(forKey: key)
        for k in 0..<n { try list.encode(element(k)) }
      case .object:
        try c.encode(PartBox(part: part), forKey: key)
      }
    }
  }

  /// Equal when they encode equally: every count, by name, whatever the IDs and storage.
  public static func == (a: AggregateCounts, b: AggregateCounts) -> Bool {
    let x = a.encodingParts()
    let y = b.encodingParts()
    guard x.count == y.count else { return false }
    for (p, q) in zip(x, y) where p.key != q.key || !p.part.isEqual(to: q.part) { return false }
    return true
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let version = try c.number(.version, in: 1...Self.version, "a counts version this logstat reads")
    lines = try c.decode(LineCounters.self, forKey: .lines)
    messagesReceived = try c.count(.messagesReceived)
    notificationsSent = try c.count(.notificationsSent)
    bytesReceived = try c.count(.bytesReceived)
    firstTime = try c.epoch(.firstEpoch)
    lastTime = try c.epoch(.lastEpoch)
    var list = try c.nestedUnkeyedContainer(forKey: .domains)
    while !list.isAtEnd { add(try list.decode(DomainEntry.self)) }
    list = try c.nestedUnkeyedContainer(forKey: .senders)
    while !list.isAtEnd {
      let s = try list.decode(SenderEntry.self)
      let id = senderID(s.name)
      senderCounters[Int(id)].merge(s.counters)
      if s.hardBounces > 0 { senderHardBounces[id, default: 0] += s.hardBounces }
    }
    for e in try c.decode([CodeEntry].self, forKey: .dsnCodes) {
      dsnCounters[UInt32(e.key), default: CodeCounters()].merge(e.counters)
    }
    for e in try c.decode([CodeEntry].self, forKey: .replyCodes) {
      guard (0...999).contains(e.key) else {
        throw DecodingError.dataCorruptedError(
          forKey: .replyCodes, in: c, debugDescription: "reply code \(e.key) is outside 0...999")
      }
      replyCodeCounters[e.key, default: CodeCounters()].merge(e.counters)
    }
    add(try c.decode(InboundEntry.self, forKey: .inbound))
    list = try c.nestedUnkeyedContainer(forKey: .hours)
    while !list.isAtEnd {
      let h = try list.decode(HourEntry.self)
      hours[h.hour, default: HourCounters()].merge(h.counters)
    }
    for b in try c.decode([StatsEntry].self, forKey: .blocklists) {
      blocklists[b.blocklist, default: BlocklistStats()].add(b.stats, b.domains.map { domainID($0) })
    }
    for b in try c.decode([StatsEntry].self, forKey: .listings) {
      let key = ListingKey(blocklist: b.blocklist, address: b.address ?? "")
      listings[key, default: BlocklistStats()].add(b.stats, b.domains.map { domainID($0) })
    }
    if let e = try c.decodeIfPresent(EventsEntry.self, forKey: .events) { events = e.counters }
    bytesDelivered = try c.optionalCount(.bytesDelivered)
    senderAddresses = try c.decodeIfPresent(NamedCounts.self, forKey: .senderAddresses) ?? NamedCounts()
    recipientAddresses = try c.decodeIfPresent(NamedCounts.self, forKey: .recipientAddresses) ?? NamedCounts()
    senderAddresses.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .senderAddressesBound))
    recipientAddresses.restore(try c.decodeIfPresent(NamedCounts.Bound.self, forKey: .recipientAddressesBound))
    for e in try c.decode([ExampleEntry].self, forKey: .examples) where examples[e.reason.ordinal] == nil {
      examples[e.reason.ordinal] = ReasonExample(text: e.text, domain: e.domain)
    }
    if version >= 2 {
      hardBouncedAddresses = Set(try c.decode([String].self, forKey: .hardBouncedAddresses))
      for cell in try c.decode([CodeHourCell].self, forKey: .codeHours) {
        domainHours.add(cell.key, count: cell.count)
      }
      for cell in try c.decode([BlocklistHourCell].self, forKey: .blocklistHours) {
        domainHours.add(blocklist: cell.blocklist, hour: cell.hour, count: cell.count)
      }
      for cell in try c.decodeIfPresent([OtherHourCell].self, forKey: .otherHourCells) ?? [] {
        domainHours.addOther(
          DomainHourKey(hour: cell.hour, domain: 0, status: cell.status, reason: cell.reason),
          provider: cell.provider, count: cell.count)
      }
    }
    domainHours.flush()
    boundHourCells()
    boundExamples()
  }
}

extension BlocklistStats {
  /// Adds decoded stats whose domains are already IDs of the owning counts.
  mutating func add(_ o: BlocklistStats, _ ids: [Int32]) {
    count += o.count
    if let t = o.first, first == nil || t < first! { first = t }
    if let t = o.last, last == nil || t > last! { last = t }
    domainIDs.formUnion(ids)
  }
}
