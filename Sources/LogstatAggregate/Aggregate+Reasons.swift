import LogstatClassify
import LogstatScan

extension Aggregate {
  /// Adds counters for a newly interned domain.
  mutating func appendDomain() { counts.appendDomain() }

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
    // The logged recipient itself, not the `orig_to`/parent it may fall back to: a pipe or file
    // recipient under an alias must not list the alias. Postfix `relay=local` is our own box.
    if collectSuppression, line.status == .bounced, v.isHard,
      Aggregate.isRemoteMailbox(b.slice(line.recipient)), !isLocalRelay(b.slice(line.relayHost))
    {
      hardBouncedAddresses.insert(String(decoding: address, as: UTF8.self).lowercased())
    }
  }

  /// True for an address that can be a remote person's mailbox: `local@domain.tld`, with a
  /// dotted domain. Pipes (`|cmd`), files (`/path`), Exim pseudo-recipients (`:blackhole:`,
  /// `:fail:`), bare local names and anything with spaces or control bytes are not, so they
  /// never reach `--suppression-list` whatever the scanner made of the line.
  static func isRemoteMailbox(_ a: UnsafeRawBufferPointer) -> Bool {
    guard a.count >= 5, a.count <= 320, let at = a.lastIndex(of: UInt8(ascii: "@")), at > 0 else {
      return false
    }
    var first = a[0]
    if first == UInt8(ascii: "\""), a.count > 1 { first = a[1] }
    switch first {
    case UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "<"), UInt8(ascii: "\\"),
      UInt8(ascii: "@"):
      return false
    default: break
    }
    for b in a where b <= 0x20 || b == 0x7F || b == UInt8(ascii: "|") { return false }
    var dots = 0
    var previous = UInt8(ascii: "@")
    for k in (at + 1)..<a.count {
      let b = a[k]
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x80...0xFF:
        break
      case UInt8(ascii: "."):
        if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "@") { return false }
        dots += 1
      default: return false
      }
      previous = b
    }
    return dots > 0 && previous != UInt8(ascii: ".") && previous != UInt8(ascii: "-")
  }

  /// Postfix's `relay=local`: delivered (or not) by our own local delivery agent.
  func isLocalRelay(_ relay: UnsafeRawBufferPointer) -> Bool {
    relay.count == 5 && relay.elementsEqual("local".utf8)
  }

  /// `none`, `local`, and transport names (`private/dovecot-lmtp`) name no provider.
  func isPseudoRelay(_ relay: UnsafeRawBufferPointer) -> Bool {
    if relay.count == 4, relay.elementsEqual("none".utf8) { return true }
    if relay.count == 5, relay.elementsEqual("local".utf8) { return true }
    return !relay.contains(UInt8(ascii: "."))
  }
}
