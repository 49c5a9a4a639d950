#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CStringSearch

/// What `logstat trace` looks for: an address (recipient or sender), a queue ID (Postfix queue
/// ID or Exim message ID) or a Message-ID, and the byte-level tests that find it.
///
/// Finding is in two steps so that most lines are never parsed: `forEachCandidate` searches a
/// whole chunk for the key's bytes (memchr/memmem) and hands out only the lines that hold them;
/// `matches` then checks the scanned fields, so a key that merely appears in a reply text or
/// inside a longer address does not count.
public struct TraceKey: Sendable, Equatable {
  /// The key as the user gave it.
  public let text: String
  /// The bytes searched for: the key without surrounding angle brackets.
  public let bytes: [UInt8]
  /// The key can be an address (it holds `@`): compared case-insensitively with recipients,
  /// original recipients and senders.
  public let isAddress: Bool
  /// The key has the shape of a Postfix queue ID or an Exim message ID: compared exactly.
  public let isQueueID: Bool
  /// The key can be a Message-ID (anything that is not a bare queue ID): compared exactly.
  public let isMessageID: Bool
  /// The byte the case-insensitive search anchors on (the `@`), and its offset in `bytes`.
  let anchor: Int?

  /// Reads a key; nil when it is empty or holds a space or control character.
  public init?(_ text: String) {
    var bytes = Array(text.utf8)
    if bytes.count >= 2, bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">") {
      bytes = Array(bytes[1..<(bytes.count - 1)])
    }
    guard !bytes.isEmpty, !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
    self.text = text
    self.bytes = bytes
    let at = bytes.firstIndex(of: Ch.at)
    isAddress = at != nil
    isQueueID = at == nil && TraceKey.hasQueueIDShape(bytes)
    isMessageID = !isQueueID
    anchor = at
  }

  /// Postfix short (5–15 hex-ish alphanumerics) or long (up to 20) queue IDs; Exim IDs
  /// `xxxxxx-xxxxxx-xx` and `xxxxxx-xxxxxxxxxxx-xxxx`.
  static func hasQueueIDShape(_ b: [UInt8]) -> Bool {
    func alnum(_ c: UInt8) -> Bool {
      (c >= Ch.zero && c <= Ch.nine) || ((c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z"))
    }
    let parts = b.split(separator: Ch.dash, omittingEmptySubsequences: false).map(\.count)
    guard b.allSatisfy({ alnum($0) || $0 == Ch.dash }) else { return false }
    if parts.count == 1 { return (5...20).contains(b.count) }
    return parts == [6, 6, 2] || parts == [6, 11, 4]
  }

  /// Calls `body` with the bounds (without the newline) of each line of `chunk` that holds the
  /// key's bytes (case-insensitively for an address), each line once, in order.
  /// - Complexity: O(n) in the chunk; only lines holding the key are handed out.
  public func forEachCandidate(
    in chunk: UnsafeRawBufferPointer, _ body: (Span) -> Void
  ) {
    // Safe because: every search below reads `base + from` with `count - from` bytes left.
    guard let base = chunk.baseAddress, chunk.count >= bytes.count else { return }
    let n = bytes.count
    var from = 0
    while from + n <= chunk.count {
      guard let hit = nextHit(base, chunk.count, from: from) else { return }
      let line = TraceKey.lineAround(chunk, hit)
      body(line)
      from = line.end + 1
    }
  }

  /// The offset of the next occurrence of the key at or after `from`, or nil.
  private func nextHit(_ base: UnsafeRawPointer, _ count: Int, from: Int) -> Int? {
    let n = bytes.count
    // Safe because: the key's bytes are used only inside the closure; memmem and memchr get
    // the bytes left from their start, so they never read past the chunk.
    return bytes.withUnsafeBytes { key -> Int? in
      guard let k = key.baseAddress else { return nil }
      guard let anchor else {
        guard let p = cstringsearch_memmem(base + from, count - from, k, n) else { return nil }
        return base.distance(to: UnsafeRawPointer(p))
      }
      // Case-insensitive: jump between anchor bytes (`@`, never a letter) with memchr, then
      // compare the bytes around each one with ASCII case folded.
      var i = from + anchor
      while i < count {
        // Safe because: memchr gets `base + i` with the `count - i` bytes left (i < count); the
        // compare below runs only when `start..<start + n` lies inside the chunk.
        guard let p = memchr(base + i, Int32(Ch.at), count - i) else { return nil }
        let at = base.distance(to: UnsafeRawPointer(p))
        let start = at - anchor
        if start >= from, start + n <= count, TraceKey.foldedEqual(base + start, k, n) {
          return start
        }
        i = at + 1
      }
      return nil
    }
  }

  /// ASCII case-insensitive comparison of `n` bytes.
  @inline(__always)
  static func foldedEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
    var k = 0
    while k < n {
      // Safe because: callers pass `n` bytes valid at both `a` and `b`, and `k < n`.
      let x = a.load(fromByteOffset: k, as: UInt8.self)
      let y = b.load(fromByteOffset: k, as: UInt8.self)
      if x != y {
        let lx = x | 0x20
        guard lx == y | 0x20, lx >= UInt8(ascii: "a"), lx <= UInt8(ascii: "z") else { return false }
      }
      k += 1
    }
    return true
  }

  /// The line holding offset `i`: from after the previous newline to before the next one.
  static func lineAround(_ chunk: UnsafeRawBufferPointer, _ i: Int) -> Span {
    var start = i
    while start > 0, chunk[start - 1] != Ch.newline { start -= 1 }
    let end = chunk.find(Ch.newline, from: i) ?? chunk.count
    return Span(start, end)
  }

  /// True when the scanned `line` (from `b`) names the key in a field of its kind: a recipient,
  /// original recipient or sender for an address, the queue ID, or the Message-ID.
  public func matches(
    _ line: ScannedLine, details: MessageDetails, in b: UnsafeRawBufferPointer
  ) -> Bool {
    if isAddress {
      if equalFolded(b, line.recipient) || equalFolded(b, line.originalRecipient) { return true }
      if line.hasSender, equalFolded(b, line.sender) { return true }
      if details.hasPickupSender, equalFolded(b, details.pickupSender) { return true }
    }
    if isQueueID, equalExact(b, line.queueID) { return true }
    if isMessageID, equalExact(b, details.messageID) { return true }
    return false
  }

  private func equalFolded(_ b: UnsafeRawBufferPointer, _ s: Span) -> Bool {
    guard s.count == bytes.count, let base = b.baseAddress else { return false }
    // Safe because: the span is inside `b` and as long as the key (checked above); the key's
    // bytes are used only inside the closure.
    return bytes.withUnsafeBytes { TraceKey.foldedEqual(base + s.start, $0.baseAddress!, s.count) }
  }

  private func equalExact(_ b: UnsafeRawBufferPointer, _ s: Span) -> Bool {
    guard s.count == bytes.count, let base = b.baseAddress else { return false }
    // Safe because: as above, both sides hold `s.count` bytes.
    return bytes.withUnsafeBytes { memcmp(base + s.start, $0.baseAddress!, s.count) == 0 }
  }
}
