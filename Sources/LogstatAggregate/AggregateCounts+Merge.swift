import LogstatClassify

extension AggregateCounts {
  /// Adds the counts of `later`, the counts of the input that follows.
  ///
  /// Every count adds, so merging is associative with `AggregateCounts()` as identity, and
  /// commutative for every count; the few things kept as "the first seen" (one example reply
  /// per reason, a name's example, a domain's provider when neither piece saw a relay) take
  /// this side's, which is why the engine merges in input order.
  public mutating func merge(_ later: AggregateCounts) {
    _ = join(later)
  }

  /// `merge(_:)`, returning how `later`'s IDs translate into ours (for the correlator, whose
  /// open messages hold domain, sender and address IDs).
  mutating func join(_ later: AggregateCounts) -> CountsIDMaps {
    lines.merge(later.lines)
    let domainMap = (0..<later.domains.count).map { id -> Int32 in
      let mine = domains.intern(Int32(id), of: later.domains)
      if Int(mine) == domainCounters.count { appendDomain() }
      let m = Int(mine)
      domainCounters[m].merge(later.domainCounters[id])
      if domainProviders[m] == .none || (!providerResolved[m] && later.providerResolved[id]) {
        domainProviders[m] = later.domainProviders[id]
      }
      providerResolved[m] = providerResolved[m] || later.providerResolved[id]
      return mine
    }
    let addresses = AddressMaps(
      senders: senderAddresses.merge(later.senderAddresses),
      recipients: recipientAddresses.merge(later.recipientAddresses))
    events.merge(later.events)
    bytesDelivered += later.bytesDelivered
    let senderMap = (0..<later.senders.count).map { id -> Int32 in
      let mine = senders.intern(Int32(id), of: later.senders)
      if Int(mine) == senderCounters.count { senderCounters.append(SenderCounters()) }
      senderCounters[Int(mine)].merge(later.senderCounters[id])
      return mine
    }
    for (sender, n) in later.senderHardBounces {
      senderHardBounces[senderMap[Int(sender)], default: 0] += n
    }
    for (code, c) in later.dsnCounters { dsnCounters[code, default: CodeCounters()].merge(c) }
    for (code, c) in later.replyCodeCounters {
      replyCodeCounters[code, default: CodeCounters()].merge(c)
    }
    inbound.merge(later.inbound)
    inboundReasons.merge(later.inboundReasons)
    mergeClients(later)
    for (list, stats) in later.blocklists {
      blocklists[list, default: BlocklistStats()].merge(stats, domainMap: domainMap)
    }
    for (key, stats) in later.listings {
      listings[key, default: BlocklistStats()].merge(stats, domainMap: domainMap)
    }
    for k in examples.indices where examples[k] == nil { examples[k] = later.examples[k] }
    hardBouncedAddresses.formUnion(later.hardBouncedAddresses)
    for (h, c) in later.hours { hours[h, default: HourCounters()].merge(c) }
    domainHours.merge(later.domainHours, domainMap: domainMap)
    boundHourCells()
    boundExamples()
    messagesReceived += later.messagesReceived
    notificationsSent += later.notificationsSent
    bytesReceived = bytesReceived.addingSaturated(later.bytesReceived)
    if let t = later.firstTime, firstTime == nil || t < firstTime! { firstTime = t }
    if let t = later.lastTime, lastTime == nil || t > lastTime! { lastTime = t }
    return CountsIDMaps(domains: domainMap, senders: senderMap, addresses: addresses)
  }
}

/// How a later piece's domain, sender and address IDs translate into the merged counts'.
struct CountsIDMaps {
  var domains: [Int32]
  var senders: [Int32]
  var addresses: AddressMaps
}
