/// Remembered dictionary slots of recently counted status codes, so counting a code seen
/// before costs a multiply and a compare instead of two hashed dictionary lookups.
///
/// Direct-mapped, 64 entries per dictionary. A slot stays valid until the dictionary gets a
/// new key: whoever inserts into `dsnCounters` or `replyCodeCounters` must call `clear()`.
struct CodeSlotCache: Sendable {
  static let size = 64
  var dsnKeys = [UInt32](repeating: 0, count: size)
  var dsnSlots = [Dictionary<UInt32, CodeCounters>.Index?](repeating: nil, count: size)
  var codeKeys = [Int](repeating: 0, count: size)
  var codeSlots = [Dictionary<Int, CodeCounters>.Index?](repeating: nil, count: size)

  /// Forgets every slot (after an insert moved them).
  mutating func clear() {
    for k in 0..<CodeSlotCache.size {
      dsnSlots[k] = nil
      codeSlots[k] = nil
    }
  }

  @inline(__always) static func bucket(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
  }
}

extension Aggregate {
  /// Adds to the counters of `dsn` and of the basic `code`, where present.
  @inline(__always)
  mutating func countCode(_ dsn: UInt32, _ code: Int, _ body: (inout CodeCounters) -> Void) {
    if dsn != 0 {
      let c = CodeSlotCache.bucket(UInt64(dsn))
      if codeSlots.dsnKeys[c] != dsn || codeSlots.dsnSlots[c] == nil {
        if dsnCounters[dsn] == nil {
          dsnCounters[dsn] = CodeCounters()
          codeSlots.clear()
        }
        codeSlots.dsnKeys[c] = dsn
        codeSlots.dsnSlots[c] = dsnCounters.index(forKey: dsn)
      }
      body(&dsnCounters.values[codeSlots.dsnSlots[c]!])
    }
    if code != 0 {
      let c = CodeSlotCache.bucket(UInt64(bitPattern: Int64(code)))
      if codeSlots.codeKeys[c] != code || codeSlots.codeSlots[c] == nil {
        if replyCodeCounters[code] == nil {
          replyCodeCounters[code] = CodeCounters()
          codeSlots.clear()
        }
        codeSlots.codeKeys[c] = code
        codeSlots.codeSlots[c] = replyCodeCounters.index(forKey: code)
      }
      body(&replyCodeCounters.values[codeSlots.codeSlots[c]!])
    }
  }
}
