import LogstatClassify

/// Rebuilding an aggregate from finished counts (a saved report), so reports from several
/// hosts merge with `merge(_:)` and are built exactly as one run over all their logs.
/// A restored aggregate holds no open messages: call it finished.
extension Aggregate {
  /// Sets the line counts, totals and first/last event times.
  public mutating func restoreTotals(
    lines: LineCounters, messagesReceived: Int, notificationsSent: Int, bytesReceived: Int,
    firstTime: Int64?, lastTime: Int64?
  ) {
    self.lines = lines
    self.messagesReceived = messagesReceived
    self.notificationsSent = notificationsSent
    self.bytesReceived = bytesReceived
    self.firstTime = firstTime
    self.lastTime = lastTime
    finished = true
  }

  /// Adds events, bytes delivered and the sender and recipient address tables.
  public mutating func restoreEvents(
    _ e: EventCounters, bytesDelivered: Int, senderAddresses: NamedCounts, recipientAddresses: NamedCounts
  ) {
    events.merge(e)
    self.bytesDelivered += bytesDelivered
    self.senderAddresses.merge(senderAddresses)
    self.recipientAddresses.merge(recipientAddresses)
  }

  /// Adds one recipient domain's counters (reasons, delays and hard bounces included).
  public mutating func restoreDomain(_ name: String, provider: Provider, counters: DomainCounters) {
    let id = Int(domainID(name))
    domainCounters[id].merge(counters)
    if provider != .none { domainProviders[id] = provider }
    providerResolved[id] = true
  }

  /// Adds one sender domain's counters and its hard-bounced recipients.
  public mutating func restoreSender(_ name: String, counters: SenderCounters, hardBounces: Int) {
    let id = senders.intern(name)
    if Int(id) == senderCounters.count { senderCounters.append(SenderCounters()) }
    senderCounters[Int(id)].merge(counters)
    if hardBounces > 0 { senderHardBounces[id, default: 0] += hardBounces }
  }

  /// Adds the counters of an enhanced status code (packed as `DSNCode` does).
  public mutating func restoreDSN(_ code: UInt32, _ c: CodeCounters) {
    dsnCounters[code, default: CodeCounters()].merge(c)
  }

  /// Adds the counters of a basic reply code.
  public mutating func restoreReplyCode(_ code: Int, _ c: CodeCounters) {
    replyCodeCounters[code, default: CodeCounters()].merge(c)
  }

  /// Adds inbound rejects: totals by code and client, by reason, and per client and reason.
  public mutating func restoreInbound(
    _ counters: InboundCounters, reasons: ReasonCounts, clientReasons: [ClientReason: Int]
  ) {
    inbound.merge(counters)
    inboundReasons.merge(reasons)
    for (key, n) in clientReasons {
      var client = key.client
      // Safe because: the bytes are interned (copied) inside the closure.
      client.withUTF8 { noteInboundClient(UnsafeRawBufferPointer($0), key.reason, count: n) }
    }
  }

  /// Adds the counts of hour `hour` (hours since the epoch).
  public mutating func restoreHour(_ hour: Int64, _ c: HourCounters) {
    hours[hour, default: HourCounters()].merge(c)
  }

  /// Adds a blocklist named in replies: how often, first and last time, for which domains.
  public mutating func restoreBlocklist(
    _ list: Blocklist, count: Int, first: Int64?, last: Int64?, domains names: [String]
  ) {
    let ids = names.map { domainID($0) }
    blocklists[list, default: BlocklistStats()].add(count, first, last, ids)
  }

  /// Adds a listing of one of our addresses on a blocklist.
  public mutating func restoreListing(
    _ key: ListingKey, count: Int, first: Int64?, last: Int64?, domains names: [String]
  ) {
    let ids = names.map { domainID($0) }
    listings[key, default: BlocklistStats()].add(count, first, last, ids)
  }

  /// Sets the example reply of `reason` unless one is kept already.
  public mutating func restoreExample(_ reason: Reason, _ example: ReasonExample) {
    if examples[reason.ordinal] == nil { examples[reason.ordinal] = example }
  }

  /// The ID of recipient domain `name`, added with empty counters when new.
  mutating func domainID(_ name: String) -> Int32 {
    let id = domains.intern(name)
    if Int(id) == domainCounters.count { appendDomain() }
    return id
  }
}

extension BlocklistStats {
  /// Adds saved stats whose domains are already IDs of the owning aggregate.
  mutating func add(_ n: Int, _ first: Int64?, _ last: Int64?, _ ids: [Int32]) {
    count += n
    if let t = first, self.first == nil || t < self.first! { self.first = t }
    if let t = last, self.last == nil || t > self.last! { self.last = t }
    domainIDs.formUnion(ids)
  }
}
