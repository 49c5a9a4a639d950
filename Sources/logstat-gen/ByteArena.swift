/// A byte string stored once in the `ByteArena` (domains, reply texts, names).
struct BStr: Sendable {
  /// Offset of the first byte in the arena.
  var offset: Int32
  /// Number of bytes.
  var length: Int32
}

/// One process-wide store for every fixed byte string the generator writes.
///
/// Tables are built into it at start-up, then `freeze()` pins the bytes at a stable address so
/// the formatting code can copy them with one `memcpy` and no reference counting.
enum ByteArena {
  nonisolated(unsafe) private static var building: [UInt8] = []
  /// Stable address of the frozen bytes; valid after `freeze()`.
  // Safe because: this block and every frozen one are never freed, so a pointer taken from
  // `base` never dangles; `freeze` runs once, while the shared tables are built (a `static
  // let` initialiser), before any generator reads `base`.
  nonisolated(unsafe) static var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

  /// Stores `s` and returns its handle.
  static func add(_ s: String) -> BStr {
    add(Array(s.utf8))
  }

  /// Stores `bytes` and returns its handle.
  static func add(_ bytes: [UInt8]) -> BStr {
    let off = building.count
    building.append(contentsOf: bytes)
    return BStr(offset: Int32(off), length: Int32(bytes.count))
  }

  /// Copies what was added to a stable address; call once, after all tables are built.
  static func freeze() {
    // The previous block is kept (not freed): it is tiny, and nothing may ever see it dangle.
    // Safe because: the new block holds `building.count` bytes, exactly what is copied.
    base = .allocate(capacity: max(1, building.count))
    building.withUnsafeBufferPointer { src in
      if let p = src.baseAddress { base.update(from: p, count: src.count) }
    }
  }

  /// The bytes of `s`, for use outside the hot path (truth file, tests).
  static func string(_ s: BStr) -> String {
    // Safe because: `add` made the handle from `offset..<offset + length` of the bytes frozen
    // at `base` (handles are made only before `freeze`).
    let buf = UnsafeBufferPointer(start: base + Int(s.offset), count: Int(s.length))
    return String(decoding: buf, as: UTF8.self)
  }
}
