import LogstatClassify
import LogstatEvents

extension Aggregate {
  /// Adds counters for a newly interned domain.
  mutating func appendDomain() {
    domainCounters.append(DomainCounters())
    domainProviders.append(.none)
    providerResolved.append(false)
  }

  /// Finds the mailbox provider of `domain` from the relay host (once per domain), falling back
  /// to the domain name, so hosted domains group under their provider.
  mutating func resolveProvider(_ domain: Int32, _ line: inout LineEvent) {
    let id = Int(domain)
    guard !providerResolved[id] else { return }
    if let byRelay = line.relayProvider {
      providerResolved[id] = true
      if byRelay != .none {
        domainProviders[id] = byRelay
        return
      }
    }
    if domainProviders[id] == .none { domainProviders[id] = line.domainProvider }
  }

  /// Counts what a classified delivery line says: reason, blocklist, example, hard bounce.
  mutating func noteVerdict(_ v: LineEvent.Verdict, _ line: inout LineEvent, domain: Int32, epoch: Int64?) {
    if line.status == .deferred { domainCounters[Int(domain)].deferredReasons[v.reason] += 1 }
    if let list = v.blocklist {
      blocklists[list, default: BlocklistStats()].note(epoch, domain: domain)
    }
    if examples[v.reason.ordinal] == nil, !line.reply.isEmpty {
      examples[v.reason.ordinal] = ReasonExample(
        text: line.reply.string(cappedAt: ReasonExample.maximumBytes), domain: domains.string(domain))
    }
    // `suppressible`: a remote mailbox, not our own `relay=local` (decided when the event was built).
    if collectSuppression, line.status == .bounced, v.isHard, line.suppressible {
      hardBouncedAddresses.insert(line.recipient.string.lowercased())
    }
  }
}
