import Testing

@testable import LogstatAggregate

/// The flat tables that replace dictionaries on the per-line path, against dictionaries.
@Suite struct CountTableTests {
  @Test func countsLikeADictionaryThroughGrowth() {
    var table = CountTable()
    var model: [UInt64: Int] = [:]
    var rng = Xorshift(seed: 7)
    for _ in 0..<50_000 {
      // Packed-key shapes: hour << 36 | domain << 8 | small fields, and plain small keys.
      let key = rng.next() % 3 == 0 ? rng.next() % 500 : (400_000 + rng.next() % 48) << 36 | (rng.next() % 3000) << 8
      let n = Int(rng.next() % 5) + 1
      table.add(key, n)
      model[key, default: 0] += n
    }
    table.checkInvariants()
    #expect(table.count == model.count)
    for (key, n) in model { #expect(table[key] == n) }
    #expect(table[UInt64.max - 1] == 0)
    #expect(Dictionary(uniqueKeysWithValues: table.entries.map { ($0.key, $0.count) }) == model)
  }

  @Test func mergeAddsAndEqualityIgnoresLayout() {
    var a = CountTable()
    var b = CountTable()
    for k in 0..<10_000 as Range<UInt64> { a.add(k * 7919, 1) }
    // `b` gets the same keys in the reverse order, in a table grown differently.
    b.reserveCapacity(40_000)
    for k in (0..<10_000 as Range<UInt64>).reversed() { b.add(k * 7919, 1) }
    #expect(a == b)
    var merged = CountTable()
    merged.merge(a)
    merged.merge(b)
    merged.checkInvariants()
    #expect(merged.count == 10_000)
    #expect(merged[7919 * 42] == 2)
    b.add(1, 1)
    #expect(a != b)
    #expect(CountTable() == CountTable())
  }

  @Test func zeroIsAKeyLikeAnyOther() {
    var t = CountTable()
    t.add(0, 3)
    #expect(t[0] == 3)
    #expect(t.count == 1)
    #expect(t.entries.first?.key == 0)
  }

  @Test func queueIDSetMatchesASet() {
    var set = QueueIDSet()
    var model: Set<String> = []
    var rng = Xorshift(seed: 11)
    for _ in 0..<20_000 {
      let id = "3F\(rng.next() % 6000)A"
      var s = id
      let key = s.withUTF8 { QueueKey(UnsafeRawBufferPointer($0)) }
      #expect(set.contains(key) == model.contains(id))
      set.insert(key)
      model.insert(id)
    }
    set.checkInvariants()
    #expect(set.count == model.count)
    #expect(set.fingerprints.count == model.count)
    // Long Exim-style IDs that differ only in their last word stay apart.
    var a = "1tXyZa-000Abc-9Q", b = "1tXyZa-000Abc-9R"
    let ka = a.withUTF8 { QueueKey(UnsafeRawBufferPointer($0)) }
    let kb = b.withUTF8 { QueueKey(UnsafeRawBufferPointer($0)) }
    var pair = QueueIDSet()
    pair.insert(ka)
    #expect(pair.contains(ka) && !pair.contains(kb))
    set.removeAll()
    #expect(set.isEmpty)
  }

  @Test func codeCountsReadLikeDictionaries() {
    var reply = ReplyCodeCounts()
    var dsn = DSNCodeCounts()
    var replyModel: [Int: CodeCounters] = [:]
    var dsnModel: [UInt32: CodeCounters] = [:]
    var rng = Xorshift(seed: 5)
    #expect(reply.isEmpty && dsn.isEmpty && reply.map(\.key).isEmpty)
    for _ in 0..<5_000 {
      // Mostly parsed codes (200-599); a few out of range, as a saved report could hold.
      let code = rng.next() % 50 == 0 ? [0, 199, 600, 999][Int(rng.next() % 4)] : 200 + Int(rng.next() % 400)
      let packed = UInt32(2 + rng.next() % 4) * 1_000_000 + UInt32(rng.next() % 8) * 1_000 + UInt32(rng.next() % 30)
      let n = Int(rng.next() % 3)
      reply[code, default: CodeCounters()].rejected += n
      replyModel[code, default: CodeCounters()].rejected += n
      dsn[packed, default: CodeCounters()].sentAttempts += n
      dsnModel[packed, default: CodeCounters()].sentAttempts += n
    }
    #expect(reply.count == replyModel.count)
    #expect(reply.map(\.key) == replyModel.keys.sorted())
    for (code, c) in replyModel { #expect(reply[code] == c) }
    #expect(reply[201] == replyModel[201] && reply[598] == replyModel[598])
    #expect(dsn.count == dsnModel.count)
    #expect(Dictionary(uniqueKeysWithValues: dsn.map { ($0.key, $0.value) }) == dsnModel)
    #expect(dsn[9_009_009] == nil)
    var copy = DSNCodeCounts()
    for (code, c) in dsn.reversed() { copy[code, default: CodeCounters()] = c }
    #expect(copy == dsn)
    copy[2_000_000, default: CodeCounters()].rejected += 1
    #expect(copy != dsn)
    #expect(ReplyCodeCounts() == ReplyCodeCounts())
  }
}

/// A small deterministic generator, so a failure repeats.
struct Xorshift {
  var state: UInt64
  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
  mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }
}
