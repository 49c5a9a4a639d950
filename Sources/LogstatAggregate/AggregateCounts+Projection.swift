import LogstatClassify
import LogstatKinds

/// Hour cells and kept reply texts by domain ID, for the domains' entries.
///
/// The cells are one sorted array of `domain << 36 | hour << 8 | status << 6 | reason + 1`
/// words with their counts beside: 16 bytes a cell, each domain's cells found by binary
/// search, instead of an array of cells per domain (a million cells are common).
struct DomainCellIndex: Sendable {
  var keys: [UInt64] = []
  var counts: [Int] = []
  /// Per domain, its (domain << 8 | reason) keys with their shape counts. The texts are made
  /// from `texts` as each domain's entry is written, so they are not all held twice.
  var exampleKeys: [Int32: [(key: UInt64, shapes: [ReplyExamples.ShapeCount])]] = [:]
  var texts = ExampleTexts()

  /// The kept texts and shape counts of domain `id`, by reason.
  func examples(_ id: Int32) -> [ReplyExamples] {
    (exampleKeys[id] ?? []).map { k in
      ReplyExamples(
        reason: Reason.at(Int(k.key & 0xFF)),
        texts: texts.texts(k.key).map { ReplyExamples.Text(shape: $0.shape, text: $0.text) }, shapeCounts: k.shapes)
    }
  }

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
    index.texts = domainHours.examples
    for key in keys {
      let counted = (shapes[key] ?? []).sorted { $0.shape < $1.shape }
      index.exampleKeys[Int32(truncatingIfNeeded: key >> 8), default: []].append((key, counted))
    }
    return index
  }

  func domainEntry(_ id: Int32, _ index: DomainCellIndex) -> DomainEntry {
    DomainEntry(
      name: domains.string(id), provider: domainProviders[Int(id)], providerResolved: providerResolved[Int(id)],
      counters: domainCounters[Int(id)], hourCells: index.cells(id), replyExamples: index.examples(id),
      hourCellsFolded: domainHours.isFolded(id) ? true : nil,
      replyExamplesDropped: domainHours.isExampleDropped(id) ? true : nil)
  }

  func senderEntry(_ id: Int32) -> SenderEntry {
    SenderEntry(name: senders.string(id), counters: senderCounters[Int(id)], hardBounces: senderHardBounces[id] ?? 0)
  }

  /// The names of domain IDs, sorted.
  func names(_ ids: Set<Int32>) -> [String] { ids.map { domains.string($0) }.sorted() }

  /// The inbound block as parts, keys sorted, so its client lists (up to the bound of the
  /// client table) are written one entry at a time: encoded whole, each entry cost about 400
  /// bytes of encoder tree.
  func inboundPart() -> CountsPart {
    var pairs: [(key: UInt64, name: Int32)] = []
    pairs.reserveCapacity(clientReasonCounts.count)
    clientReasonCounts.forEach { key, _ in pairs.append((key, Int32(truncatingIfNeeded: key >> 8))) }
    let table = clients
    let reasonCounts = clientReasonCounts
    // By client name, then reason ordinal.
    pairs.sort { $0.name != $1.name ? table.names.less($0.name, $1.name) : ($0.key & 0xFF) < ($1.key & 0xFF) }
    let pairKeys = pairs.map(\.key)
    let ids = clients.encodedIDs
    let exact = clients.isExact
    var fields: [(key: String, part: CountsPart)] = [
      ("by_client", .list(count: ids.count) {
        InboundEntry.ClientCount(
          client: table.names.string(ids[$0]), count: table.counts[Int(ids[$0])],
          countError: exact ? nil : table.countError(ids[$0]))
      }),
      ("by_code", .value(inbound.byCode.sorted { $0.key < $1.key }.map { [$0.key, UInt64($0.value)] })),
      ("client_reasons", .list(count: pairKeys.count) {
        let key = pairKeys[$0]
        return InboundEntry.ClientReasonCount(
          client: table.names.string(Int32(truncatingIfNeeded: key >> 8)), reason: Reason.at(Int(key & 0xFF)),
          count: reasonCounts[key])
      }),
      ("reasons", .value(inboundReasons)),
      ("total", .value(inbound.total)),
    ]
    if let b = clients.bound { fields.insert(("by_client_bound", .value(b)), at: 1) }
    return .object(fields)
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
    if d.hourCellsFolded == true { domainHours.markFolded(id, provider: domainProviders[m]) }
    for cell in d.hourCells {
      domainHours.add(DomainHourKey(hour: cell.hour, domain: id, status: cell.status, reason: cell.reason), count: cell.count)
    }
    if d.replyExamplesDropped == true { domainHours.dropExamples(of: [id]) }
    for r in d.replyExamples where !domainHours.isExampleDropped(id) {
      let key = UInt64(UInt32(bitPattern: id)) << 8 | UInt64(r.reason.ordinal)
      for t in r.texts {
        let kept = domainHours.examples.status(key, shape: t.shape)
        if kept.count < DomainHours.examplesKept, !kept.hasShape { domainHours.examples.append(key, shape: t.shape, text: t.text) }
      }
      for s in r.shapeCounts { domainHours.exampleCounts[ShapeKey(key, s.shape), default: 0] += s.count }
    }
  }

  /// Adds a decoded inbound entry: clients with their counts (and error bounds) from
  /// `by_client`, their reasons from `client_reasons`; a report without `by_client` gets the
  /// clients' counts from their reasons.
  mutating func add(_ i: InboundEntry) {
    inbound.total += i.total
    for pair in i.byCode { inbound.byCode[pair[0], default: 0] += Int(pair[1]) }
    inboundReasons.merge(i.reasons)
    var decoded = NamedCounts(capacity: NamedCounts.defaultCapacity, prunedByOwner: true)
    var reasons = CountTable()
    if let byClient = i.byClient {
      for c in byClient where !c.client.isEmpty {
        let id = decoded.add(c.client, c.count)
        if let e = c.countError { decoded.restoreErrors(id, count: e, bytes: 0) }
      }
    }
    for p in i.clientReasons where !p.client.isEmpty {
      let id = i.byClient == nil ? decoded.add(p.client, p.count) : decoded.add(p.client, 0)
      reasons.add(UInt64(UInt32(bitPattern: id)) << 8 | UInt64(p.reason.ordinal), p.count)
    }
    if let b = i.byClientBound {
      decoded.restoreBounds(countFloor: b.countFloor, bytesFloor: b.bytesFloor, droppedNames: b.droppedNames)
    }
    var part = AggregateCounts()
    part.clients = decoded
    part.clientReasonCounts = reasons
    mergeClients(part)
  }

  /// The "other domains" hour cells (folded domains, per provider), sorted.
  func otherHourCells() -> [OtherHourCell] {
    var out: [OtherHourCell] = []
    domainHours.forEachOtherCell { key, provider, n in
      out.append(OtherHourCell(hour: key.hour, provider: provider, status: key.status, reason: key.reason, count: n))
    }
    return out.sorted()
  }
}
