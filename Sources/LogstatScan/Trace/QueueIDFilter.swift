#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CStringSearch

/// The queue IDs of the messages a trace follows, and the cheap search for their lines.
///
/// A trace's second pass needs every line of a few messages. With few IDs, each is searched for
/// with memmem over the whole chunk and only the lines holding one are scanned; with many, every
/// line is scanned and its queue ID looked up by hash (no allocation per line either way).
public struct QueueIDFilter: Sendable {
  /// The IDs, in the order they were added.
  public private(set) var ids: [[UInt8]] = []
  /// Hash of an ID -> indices into `ids`.
  private var byHash: [UInt64: [Int]] = [:]
  /// Up to this many IDs are searched for one by one; beyond, every line is scanned.
  public static let searchLimit = 16

  public init() {}

  public var isEmpty: Bool { ids.isEmpty }
  public var count: Int { ids.count }

  /// Adds `id` (no effect if present, or if empty: an empty ID names no message).
  public mutating func insert(_ id: [UInt8]) {
    guard !id.isEmpty else { return }
    // Safe because: the bytes are read only inside the closure.
    let h = id.withUnsafeBytes { QueueIDFilter.hash($0) }
    if let list = byHash[h], list.contains(where: { ids[$0] == id }) { return }
    byHash[h, default: []].append(ids.count)
    ids.append(id)
  }

  /// True when the bytes of `span` in `b` are one of the IDs.
  public func contains(_ b: UnsafeRawBufferPointer, _ span: Span) -> Bool {
    guard !span.isEmpty else { return false }
    let s = b.slice(span)
    guard let list = byHash[QueueIDFilter.hash(s)] else { return false }
    // Safe because: the bytes are read only inside the closure.
    return list.contains { k in ids[k].withUnsafeBytes { $0.elementsEqual(s) } }
  }

  /// Calls `body` with the bounds of each line of `chunk` that may belong to one of the IDs,
  /// each line once, in order (every line when there are more than `searchLimit` IDs).
  public func forEachCandidate(in chunk: UnsafeRawBufferPointer, _ body: (Span) -> Void) {
    // Safe because: memmem gets `base + from` with `chunk.count - from` bytes left, and the key's
    // own buffer and count; offsets it returns are inside the chunk.
    guard let base = chunk.baseAddress, !ids.isEmpty else { return }
    if ids.count > QueueIDFilter.searchLimit {
      var start = 0
      while start < chunk.count {
        let end = chunk.find(Ch.newline, from: start) ?? chunk.count
        body(Span(start, end))
        start = end + 1
      }
      return
    }
    var lines: [Span] = []
    for id in ids {
      // Safe because: `insert` keeps only non-empty IDs, so the key has a base address; its
      // bytes are used only inside the closure.
      id.withUnsafeBytes { key in
        var from = 0
        while from + key.count <= chunk.count,
          let p = cstringsearch_memmem(base + from, chunk.count - from, key.baseAddress!, key.count)
        {
          // Safe because: memmem searched the `chunk.count - from` bytes left after `base + from`
          // (from <= chunk.count), so the hit `p` lies inside the chunk.
          let line = TraceKey.lineAround(chunk, base.distance(to: UnsafeRawPointer(p)))
          lines.append(line)
          from = line.end + 1
        }
      }
    }
    lines.sort { $0.start < $1.start }
    var last = -1
    for line in lines where line.start != last {
      last = line.start
      body(line)
    }
  }

  /// FNV-1a over the bytes.
  static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return h
  }
}
