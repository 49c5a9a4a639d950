/// What the phrase pass found in recently classified reply texts, so a text seen again (the
/// same throttling or block reply to many messages) is hashed and compared, not scanned.
///
/// Direct-mapped: `slots` entries of at most `maxText` bytes each; a text longer than that is
/// never cached. Exact: a hit compares every byte. Fixed size (about 0.5 MB), one per worker.
struct ReplyCache {
  static let slots = 1024
  static let maxText = 480

  private let texts: UnsafeMutablePointer<UInt8>
  private var hashes = [UInt64](repeating: 0, count: ReplyCache.slots)
  /// Text length + 1 per slot, 0 = empty.
  private var lengths = [Int32](repeating: 0, count: ReplyCache.slots)
  private var results = [(Reply, PhraseHits)](
    repeating: (Reply(), PhraseHits()), count: ReplyCache.slots)

  init() {
    texts = .allocate(capacity: ReplyCache.slots * ReplyCache.maxText)
  }

  func deallocate() { texts.deallocate() }

  /// A hash of the raw bytes, eight at a time.
  @inline(__always)
  static func hash(_ text: UnsafeRawBufferPointer) -> UInt64 {
    let n = text.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    var k = 0
    while k &+ 8 <= n {
      h = (h ^ text.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xD6E8_FEB8_6659_FD93
      h ^= h >> 32
      k &+= 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while k < n {
      tail |= UInt64(text[k]) << shift
      shift &+= 8
      k &+= 1
    }
    h = (h ^ tail) &* 0xD6E8_FEB8_6659_FD93
    return h ^ (h >> 29)
  }

  /// Byte equality of two buffers of the same length, eight bytes at a time.
  @inline(__always)
  static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    let n = a.count
    var k = 0
    while k &+ 8 <= n {
      if a.loadUnaligned(fromByteOffset: k, as: UInt64.self)
        != b.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      {
        return false
      }
      k &+= 8
    }
    while k < n {
      if a[k] != b[k] { return false }
      k &+= 1
    }
    return true
  }

  /// The slot of a text with hash `h`.
  @inline(__always)
  static func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 54) }

  /// The result stored for `text`, or nil.
  @inline(__always)
  func find(_ text: UnsafeRawBufferPointer, hash h: UInt64) -> (Reply, PhraseHits)? {
    let s = ReplyCache.slot(h)
    guard hashes[s] == h, Int(lengths[s]) == text.count &+ 1 else { return nil }
    let stored = UnsafeRawBufferPointer(start: texts + s * ReplyCache.maxText, count: text.count)
    return ReplyCache.same(stored, text) ? results[s] : nil
  }

  /// Stores the result for `text` (replacing what the slot held) when the text is short enough.
  @inline(__always)
  mutating func store(_ text: UnsafeRawBufferPointer, hash h: UInt64, _ result: (Reply, PhraseHits)) {
    guard text.count <= ReplyCache.maxText else { return }
    let s = ReplyCache.slot(h)
    if let base = text.baseAddress { (texts + s * ReplyCache.maxText).update(from: base.assumingMemoryBound(to: UInt8.self), count: text.count) }
    hashes[s] = h
    lengths[s] = Int32(text.count &+ 1)
    results[s] = result
  }
}
