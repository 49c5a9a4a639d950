import LogstatClassify
import LogstatScan

extension Aggregate {
  /// Adds counters for a newly interned domain.
  mutating func appendDomain() {
    domainCounters.append(DomainCounters())
    domainProviders.append(.none)
    providerResolved.append(false)
  }

  /// Finds the mailbox provider of `domain` from the relay host (once per domain), falling back
  /// to the domain name, so hosted domains group under their provider.
  mutating func resolveProvider(
    _ domain: Int32, _ line: ScannedLine, _ b: UnsafeRawBufferPointer,
    _ address: UnsafeRawBufferPointer
  ) {
    let id = Int(domain)
    guard !providerResolved[id] else { return }
    let relay = b.slice(line.relayHost)
    let hasRelay = !relay.isEmpty && !isPseudoRelay(relay)
    if hasRelay {
      let byRelay = Provider.forRelayHost(relay)
      providerResolved[id] = true
      if byRelay != .none {
        domainProviders[id] = byRelay
        return
      }
    }
    if domainProviders[id] == .none { domainProviders[id] = Provider.forDomain(domainPart(address)) }
  }

  /// Counts what a classified delivery line says: reason, blocklist, example, hard bounce.
  mutating func noteVerdict(
    _ v: Classification, _ line: ScannedLine, _ b: UnsafeRawBufferPointer,
    address: UnsafeRawBufferPointer, domain: Int32, epoch: Int64?
  ) {
    if line.status == .deferred { domainCounters[Int(domain)].deferredReasons[v.reason] += 1 }
    if let list = v.blocklist {
      blocklists[list, default: BlocklistStats()].note(epoch, domain: domain)
    }
    if examples[v.reason.ordinal] == nil, !line.replyText.isEmpty {
      examples[v.reason.ordinal] = ReasonExample(
        text: ReasonExample.capped(b.slice(line.replyText)), domain: domains.string(domain))
    }
    if collectSuppression, line.status == .bounced, v.reason.isHard {
      hardBouncedAddresses.insert(String(decoding: address, as: UTF8.self).lowercased())
    }
  }

  /// `none`, `local`, and transport names (`private/dovecot-lmtp`) name no provider.
  func isPseudoRelay(_ relay: UnsafeRawBufferPointer) -> Bool {
    if relay.count == 4, relay.elementsEqual("none".utf8) { return true }
    if relay.count == 5, relay.elementsEqual("local".utf8) { return true }
    return !relay.contains(UInt8(ascii: "."))
  }

  /// Joins the classification state of `later` (the following input) onto this one.
  mutating func mergeReasons(_ later: Aggregate, domainMap: [Int32]) {
    for (id, mine) in domainMap.enumerated() {
      let m = Int(mine)
      if domainProviders[m] == .none || (!providerResolved[m] && later.providerResolved[id]) {
        domainProviders[m] = later.domainProviders[id]
      }
      providerResolved[m] = providerResolved[m] || later.providerResolved[id]
    }
    inboundReasons.merge(later.inboundReasons)
    for (list, stats) in later.blocklists {
      blocklists[list, default: BlocklistStats()].merge(stats, domainMap: domainMap)
    }
    for k in examples.indices where examples[k] == nil { examples[k] = later.examples[k] }
    hardBouncedAddresses.formUnion(later.hardBouncedAddresses)
  }
}
