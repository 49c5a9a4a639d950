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
  mutating func noteListing(_ list: Blocklist, _ line: LineEvent, domain: Int32, epoch: Int64?) {
    let key = ListingKey(blocklist: list, address: line.listedAddress.string)
    listings[key, default: BlocklistStats()].note(epoch, domain: domain)
  }

  /// Records an inbound reject of `client` for `reason`.
  @inline(__always)
  mutating func noteInboundClient(_ client: EventName, _ reason: Reason) {
    noteInboundClient(clients.intern(client), reason)
  }

  /// A client given as the bytes of a `String`: restoring saved reports only
  /// (Aggregate+Restore, which goes when the counts are `Codable`); never a log line.
  mutating func noteInboundClient(_ client: UnsafeRawBufferPointer, _ reason: Reason, count: Int) {
    noteInboundClient(clients.intern(client), reason, count: count)
  }

  /// Records `count` inbound rejects of interned client `id` for `reason`.
  @inline(__always)
  mutating func noteInboundClient(_ id: Int32, _ reason: Reason, count: Int = 1) {
    clientReasonCounts.add(UInt64(UInt32(bitPattern: id)) << 8 | UInt64(reason.ordinal), count)
  }

  /// Inbound rejects by client and reason.
  public var inboundClientReasons: [ClientReason: Int] {
    var out: [ClientReason: Int] = [:]
    out.reserveCapacity(clientReasonCounts.count)
    clientReasonCounts.forEach { key, n in
      let client = clients.string(Int32(truncatingIfNeeded: key >> 8))
      out[ClientReason(client: client, reason: Reason.at(Int(key & 0xFF))), default: 0] += n
    }
    return out
  }

  /// Every refused client with its rejects and most frequent reason (ties: declaration
  /// order), in no particular order; counted by client ID, so only the names are made.
  public var inboundClientTotals: [(client: String, count: Int, topReason: Reason)] {
    var totals = [Int](repeating: 0, count: clients.count)
    var best = [UInt64](repeating: 0, count: clients.count)  // count << 8 | (255 - ordinal)
    clientReasonCounts.forEach { key, n in
      let id = Int(key >> 8)
      totals[id] += n
      let score = UInt64(n) << 8 | (255 - (key & 0xFF))
      if score > best[id] { best[id] = score }
    }
    var out: [(client: String, count: Int, topReason: Reason)] = []
    out.reserveCapacity(clients.count)
    for id in totals.indices where totals[id] > 0 {
      out.append((clients.string(Int32(id)), totals[id], Reason.at(Int(255 - (best[id] & 0xFF)))))
    }
    return out
  }

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
