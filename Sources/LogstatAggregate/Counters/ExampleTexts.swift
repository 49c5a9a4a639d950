/// The reply texts `DomainHours` keeps per (domain << 8 | reason ordinal): at most
/// `DomainHours.examplesKept` per key, in the order first kept, each with its reply shape.
///
/// Why not `[UInt64: [ExampleText]]`: a `String` and an array per key cost about 200 bytes of
/// headers and allocator rounding beside texts of 250 bytes on average (11 MB for the 29,000
/// texts of the 1 GB benchmark log, in the total and again in every partial). Here the bytes
/// sit in pages of `pageSize` bytes that never move (growing copies nothing held), and each
/// key's entries are a chain in one flat array.
struct ExampleTexts: Sendable {
  /// One kept text: its shape, where its bytes are, and the next entry of its key (-1: none).
  struct Entry: Sendable {
    var shape: UInt64
    var page: Int32
    var offset: Int32
    var length: Int32
    var next: Int32
  }

  /// Bytes per page; a longer text gets a page of its own.
  static let pageSize = 1 << 16

  /// The first entry of each key.
  private var heads: [UInt64: Int32] = [:]
  private var entries: [Entry] = []
  /// Invariant: every page but the last is never written again; entries point inside pages.
  private var pages: [[UInt8]] = []
  /// Bytes of every kept text (what `DomainHours.exampleByteBudget` bounds).
  private(set) var byteCount = 0

  init() {}

  /// Keys with at least one text.
  var keys: Dictionary<UInt64, Int32>.Keys { heads.keys }
  var isEmpty: Bool { heads.isEmpty }

  /// How many texts `key` has, and whether one of them has `shape`.
  @inline(__always)
  func status(_ key: UInt64, shape: UInt64) -> (count: Int, hasShape: Bool) {
    var k = heads[key] ?? -1
    var n = 0
    var has = false
    while k >= 0 {
      let e = entries[Int(k)]
      if e.shape == shape { has = true }
      n += 1
      k = e.next
    }
    return (n, has)
  }

  /// True when `key` keeps a text of `shape`.
  func contains(_ key: UInt64, shape: UInt64) -> Bool { status(key, shape: shape).hasShape }

  /// The texts of `key` in the order kept.
  func texts(_ key: UInt64) -> [ExampleText] {
    var out: [ExampleText] = []
    forEachEntry(of: key) { e in out.append(ExampleText(shape: e.shape, text: string(e))) }
    return out
  }

  /// Calls `body` with every key and the shape of each of its texts.
  func forEachShape(_ body: (UInt64, UInt64) -> Void) {
    for (key, _) in heads { forEachEntry(of: key) { body(key, $0.shape) } }
  }

  /// Keeps `text` under `key` (the caller checked the count and the shape).
  mutating func append(_ key: UInt64, shape: UInt64, text: String) {
    var t = text
    // Safe because: the bytes are copied into a page before `withUTF8` returns.
    t.withUTF8 { append(key, shape: shape, bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Keeps under `key` the texts of `otherKey` in `other`, in their order, while fewer than
  /// `limit` are kept and none has the same shape: the bytes are copied page to page.
  mutating func append(from other: ExampleTexts, _ otherKey: UInt64, as key: UInt64, limit: Int) {
    other.forEachEntry(of: otherKey) { e in
      let (n, has) = status(key, shape: e.shape)
      guard n < limit, !has else { return }
      // Safe because: an entry's `offset..<offset + length` lies inside its page (appended
      // so), and the bytes are copied into our page before the closure returns.
      other.pages[Int(e.page)].withUnsafeBytes { p in
        append(key, shape: e.shape, bytes: UnsafeRawBufferPointer(rebasing: p[Int(e.offset)..<Int(e.offset + e.length)]))
      }
    }
  }

  /// The texts of the keys `keep` accepts, in their order, repacked into fresh pages (the
  /// pages of dropped texts are freed).
  func filtered(keepingKey keep: (UInt64) -> Bool) -> ExampleTexts {
    var out = ExampleTexts()
    for key in heads.keys where keep(key) {
      out.append(from: self, key, as: key, limit: Int.max)
    }
    return out
  }

  /// Calls `body` with every key and the bytes of its texts.
  func forEachKeyBytes(_ body: (UInt64, Int) -> Void) {
    for key in heads.keys {
      var n = 0
      forEachEntry(of: key) { n += Int($0.length) }
      body(key, n)
    }
  }

  private mutating func append(_ key: UInt64, shape: UInt64, bytes: UnsafeRawBufferPointer) {
    byteCount += bytes.count
    if pages.isEmpty || pages[pages.count - 1].count + bytes.count > ExampleTexts.pageSize {
      var page: [UInt8] = []
      page.reserveCapacity(Swift.max(ExampleTexts.pageSize, bytes.count))
      pages.append(page)
    }
    let p = pages.count - 1
    let offset = pages[p].count
    pages[p].append(contentsOf: bytes)
    let id = Int32(entries.count)
    entries.append(Entry(shape: shape, page: Int32(p), offset: Int32(offset), length: Int32(bytes.count), next: -1))
    guard var k = heads[key] else {
      heads[key] = id
      return
    }
    while entries[Int(k)].next >= 0 { k = entries[Int(k)].next }
    entries[Int(k)].next = id
  }

  private func forEachEntry(of key: UInt64, _ body: (Entry) -> Void) {
    var k = heads[key] ?? -1
    while k >= 0 {
      let e = entries[Int(k)]
      body(e)
      k = e.next
    }
  }

  private func string(_ e: Entry) -> String {
    String(decoding: pages[Int(e.page)][Int(e.offset)..<Int(e.offset + e.length)], as: UTF8.self)
  }
}

extension ExampleTexts: Equatable {
  /// Equal when every key keeps the same texts in the same order (layout aside).
  static func == (a: ExampleTexts, b: ExampleTexts) -> Bool {
    guard a.heads.count == b.heads.count else { return false }
    for key in a.heads.keys where a.texts(key) != b.texts(key) { return false }
    return true
  }
}
