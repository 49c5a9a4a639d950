import LogstatClassify
import LogstatEvents

/// One outbound blocklist listing: the list a reply named and the address it named (our
/// sending IP), or "" when the reply named none.
public struct ListingKey: Hashable, Sendable {
  public var blocklist: Blocklist
  public var address: String

  public init(blocklist: Blocklist, address: String) {
    self.blocklist = blocklist
    self.address = address
  }
}

/// One inbound client refused for one reason.
public struct ClientReason: Hashable, Sendable {
  public var client: String
  public var reason: Reason

  public init(client: String, reason: Reason) {
    self.client = client
    self.reason = reason
  }
}

extension Aggregate {
  /// Records an outbound reply naming `list`, with the IP address its text names (if any,
  /// found by `ListedAddress` when the event was built). Runs only for blocklisted replies, so
  /// the `String` it makes is rare.
  mutating func noteListing(_ list: Blocklist, _ line: inout LineEvent, domain: Int32, epoch: Int64?) {
    let key = ListingKey(blocklist: list, address: line.listedAddress.string)
    listings[key, default: BlocklistStats()].note(epoch, domain: domain)
  }

  /// Records an inbound reject of `client` for `reason`.
  @inline(__always)
  mutating func noteInboundClient(_ client: EventName, _ reason: Reason) {
    let id = counts.clients.add(client)
    counts.noteInboundClient(id, reason)
  }
  /// Inbound rejects by client and reason.
  public var inboundClientReasons: [ClientReason: Int] {
    var out: [ClientReason: Int] = [:]
    out.reserveCapacity(clientReasonCounts.count)
    clientReasonCounts.forEach { key, n in
      let client = clients.names.string(Int32(truncatingIfNeeded: key >> 8))
      out[ClientReason(client: client, reason: Reason.at(Int(key & 0xFF))), default: 0] += n
    }
    return out
  }

  /// Every refused client listed with its rejects (an upper bound once the table overflowed:
  /// see `inboundClientsBound`), how far below that the true count may be, and its most
  /// frequent reason (ties: declaration order), in no particular order; counted by client ID,
  /// so only the names are made.
  public var inboundClientTotals: [(client: String, count: Int, countError: Int, topReason: Reason)] {
    var best = [UInt64](repeating: 0, count: clients.count)  // count << 8 | (255 - ordinal)
    clientReasonCounts.forEach { key, n in
      let id = Int(key >> 8)
      let score = UInt64(n) << 8 | (255 - (key & 0xFF))
      if score > best[id] { best[id] = score }
    }
    var out: [(client: String, count: Int, countError: Int, topReason: Reason)] = []
    out.reserveCapacity(clients.count)
    for id in 0..<clients.count where clients.counts[id] > 0 {
      let top = best[id] == 0 ? Reason.other : Reason.at(Int(255 - (best[id] & 0xFF)))
      out.append((clients.names.string(Int32(id)), clients.counts[id], clients.countError(Int32(id)), top))
    }
    return out
  }

  /// What the refused-client table says of the clients it no longer lists, or nil while it is
  /// exact (every client listed, every count exact).
  public var inboundClientsBound: NamedCounts.Bound? { clients.bound }

  /// Inbound rejects by client (IP address, else host name).
  public var inboundByClient: [String: Int] {
    Dictionary(uniqueKeysWithValues: inboundClientTotals.map { ($0.client, $0.count) })
  }

  /// Counts the hard bounces of a finished message under its sender domain (the same
  /// recipients `finalize` counts as bounced), for list hygiene per sender domain.
  mutating func noteSenderHardBounces(_ state: MessageState) {
    var hard = 0
    for r in state.recipients where r.lastCounted && r.last == .bounced {
      if r.reason.isHard { hard += 1 }
    }
    if hard > 0 { senderHardBounces[state.sender, default: 0] += hard }
  }
}
