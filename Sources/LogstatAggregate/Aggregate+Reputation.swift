import LogstatClassify
import LogstatScan

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
  /// Records an outbound reply naming `list`, with the IP address its text names (if any).
  /// Runs only for blocklisted replies, so the `String` it makes is rare.
  mutating func noteListing(
    _ list: Blocklist, _ line: ScannedLine, _ b: UnsafeRawBufferPointer, domain: Int32,
    epoch: Int64?
  ) {
    let address = ListedAddress.find(in: b.slice(line.replyText), except: b.slice(line.relayIP))
    let key = ListingKey(blocklist: list, address: address ?? "")
    listings[key, default: BlocklistStats()].note(epoch, domain: domain)
  }

  /// Records an inbound reject of `client` for `reason`.
  @inline(__always)
  mutating func noteInboundClient(_ client: UnsafeRawBufferPointer, _ reason: Reason, count: Int = 1) {
    let id = clients.intern(client)
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

/// Finds the IP address a blocklist reply names (`Client host [192.0.2.25] blocked using ...`).
public enum ListedAddress {
  /// The first IPv4 address, or bracketed IPv6 address, in `text` that is not the receiving
  /// server's: not `except` (the relay IP) and not written as `host[ip]` (how Postfix names
  /// the server it talked to). Nil when there is none.
  public static func find(
    // Safe because: an empty buffer (nil base, count 0) is never read.
    in text: UnsafeRawBufferPointer, except relay: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
  ) -> String? {
    var i = 0
    while i < text.count {
      let c = text[i]
      var found: Range<Int>?
      if isDigit(c), i == 0 || !isAddressByte(text[i - 1]) {
        if let end = ipv4End(text, from: i) { found = i..<end }
      } else if c == UInt8(ascii: "["), let end = ipv6End(text, from: i + 1) {
        found = (i + 1)..<end
      }
      if let r = found {
        // Safe because: `r` was found inside `text`, and the slice is bounds-checked.
        let bytes = UnsafeRawBufferPointer(rebasing: text[r])
        let afterHost = r.lowerBound >= 2 && text[r.lowerBound - 1] == UInt8(ascii: "[")
          && text[r.lowerBound - 2] != UInt8(ascii: " ")
        if !afterHost, !bytes.elementsEqual(relay) {
          return String(decoding: bytes, as: UTF8.self)
        }
        i = r.upperBound
        continue
      }
      i += 1
    }
    return nil
  }

  /// End of a dotted quad starting at `i` (four numbers 0...255, not followed by more address).
  static func ipv4End(_ t: UnsafeRawBufferPointer, from i: Int) -> Int? {
    var p = i
    for part in 0..<4 {
      var value = 0
      var digits = 0
      while p < t.count, isDigit(t[p]), digits < 3 {
        value = value * 10 + Int(t[p] &- UInt8(ascii: "0"))
        digits += 1
        p += 1
      }
      guard digits > 0, value <= 255 else { return nil }
      if part < 3 {
        guard p < t.count, t[p] == UInt8(ascii: ".") else { return nil }
        p += 1
      }
    }
    if p < t.count, isDigit(t[p]) || (t[p] == UInt8(ascii: ".") && p + 1 < t.count && isDigit(t[p + 1])) {
      return nil
    }
    return p
  }

  /// End of an IPv6 address inside brackets starting at `i` (the `]`), or nil.
  static func ipv6End(_ t: UnsafeRawBufferPointer, from i: Int) -> Int? {
    var p = i
    var colons = 0
    while p < t.count, p - i <= 45 {
      let c = t[p]
      if c == UInt8(ascii: "]") { return colons >= 2 && p > i ? p : nil }
      if c == UInt8(ascii: ":") {
        colons += 1
      } else if !isHex(c) && c != UInt8(ascii: ".") {
        return nil
      }
      p += 1
    }
    return nil
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
  @inline(__always) static func isHex(_ c: UInt8) -> Bool {
    isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6
  }
  @inline(__always) static func isAddressByte(_ c: UInt8) -> Bool {
    isDigit(c) || c == UInt8(ascii: ".") || (c | 0x20) &- UInt8(ascii: "a") < 26
  }
}
