import Testing

@testable import LogstatTables

/// The core against `Set` and `Dictionary`: random inserts, removals and lookups, with every
/// invariant checked after each step (`_checkInvariants` walks the whole index).
@Suite struct HashIndexPropertyTests {
  /// Runs `steps` random operations on keys drawn by `key`, comparing with a `Set`.
  func run<K: HashTableKeys>(
    _ table: inout TestSet<K>, seed: UInt64, steps: Int, key: (inout Xorshift) -> UInt64
  ) {
    var model: Set<UInt64> = []
    var rng = Xorshift(seed: seed)
    for step in 0..<steps {
      let k = key(&rng)
      switch rng.below(10) {
      case 0..<5:
        let inserted = table.insert(k)
        #expect(inserted == model.insert(k).inserted, "step \(step): insert \(k)")
      case 5..<8:
        let removed = table.remove(k)
        #expect(removed == (model.remove(k) != nil), "step \(step): remove \(k)")
      default:
        #expect(table.contains(k) == model.contains(k), "step \(step): find \(k)")
      }
      table.index._checkInvariants()
      #expect(table.index.count == model.count)
      if step % 64 == 0 {
        for m in model { #expect(table.contains(m), "step \(step): lost \(m)") }
      }
    }
    #expect(table.keys == model)
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func longCollidingRunsMatchASet(seed: UInt64) {
    // Eight raw hashes, 32 keys each: runs of dozens of slots that overlap and wrap.
    var table = TestSet<CollidingKeys>(hash: CollidingKeys.rawHash)
    var pick = Xorshift(seed: seed &+ 100)
    let raws = (0..<8).map { _ in pick.next() >> 12 }
    run(&table, seed: seed, steps: 4_000) { rng in raws[rng.below(raws.count)] << 8 | UInt64(rng.below(32)) }
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func spreadKeysMatchASetThroughGrowth(seed: UInt64) {
    var table = TestSet<PlainKeys>(hash: { $0 })
    run(&table, seed: seed, steps: 4_000) { rng in UInt64(rng.below(2_000)) }
    #expect(table.index.capacity >= 1_024)
  }

  @Test func keysDifferingOnlyInHighOrLowBitsMatchASet() {
    // Packed keys vary in their top bits (an hour << 40) or their low bits (a reason ordinal).
    var high = TestSet<PlainKeys>(maxLoad: .half, hash: { $0 })
    run(&high, seed: 21, steps: 4_000) { rng in UInt64(rng.below(500)) << 40 }
    var low = TestSet<PlainKeys>(maxLoad: .half, hash: { $0 })
    run(&low, seed: 22, steps: 4_000) { rng in 0xABCD_0000_0000 | UInt64(rng.below(500)) }
  }

  @Test func keysDifferingOnlyInHighOrLowBitsSpreadOverHomes() {
    // 1,024 keys in 2,048 slots: at random about 806 distinct homes.
    let index = HashIndex<PlainKeys>(capacity: 2_048)
    var high: Set<Int> = []
    var low: Set<Int> = []
    for i in 0..<1_024 as Range<UInt64> {
      high.insert(index.home(i << 54))
      low.insert(index.home(0x7700_0000_0000 | i))
    }
    #expect(high.count > 700)
    #expect(low.count > 700)
  }

  /// A raw hash whose home is slot `target` in an index of `capacity` slots.
  func rawHash(homeAt target: Int, capacity: Int) -> UInt64 {
    let index = HashIndex<CollidingKeys>(capacity: capacity)
    var r: UInt64 = 1
    while index.home(r) != target { r &+= 1 }
    return r
  }

  @Test func aRunWrapsAroundTheEndAndSurvivesRemovalsInItsMiddle() {
    var table = TestSet<CollidingKeys>(capacity: 64, hash: CollidingKeys.rawHash)
    let last = rawHash(homeAt: 63, capacity: 64)
    let keys = (0..<10).map { last << 8 | UInt64($0) }
    for k in keys { do { let done = table.insert(k); #expect(done) } }
    // One home, ten keys: slots 63, 0, 1, ..., 8.
    #expect(table.index.capacity == 64)
    #expect(keys.map { table.position($0) } == [63, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    // A key homed at slot 2 goes after the wrapped run.
    let two = rawHash(homeAt: 2, capacity: 64) << 8
    do { let done = table.insert(two); #expect(done) }
    #expect(table.position(two) == 9)
    // Removing from the middle shifts the rest of the run back, across the end, and the key
    // homed at 2 moves back too (its home stays before the hole).
    do { let done = table.remove(keys[0]); #expect(done) }
    table.index._checkInvariants()
    #expect(keys.dropFirst().map { table.position($0) } == [63, 0, 1, 2, 3, 4, 5, 6, 7])
    #expect(table.position(two) == 8)
    do { let done = table.remove(keys[4]); #expect(done) }
    table.index._checkInvariants()
    #expect(table.position(keys[5]) == 2)
    #expect(table.position(two) == 7)
    do { let done = table.remove(keys[9]); #expect(done) }
    do { let done = table.remove(keys[8]); #expect(done) }
    table.index._checkInvariants()
    #expect(table.position(two) == 5)
    // A key homed at 2 cannot move before its home: with slot 2 freed it sits exactly there.
    for k in keys[1...7] where k != keys[4] { do { let done = table.remove(k); #expect(done) } }
    #expect(table.position(two) == 2)
    #expect(table.index.count == 1)
    table.index._checkInvariants()
  }

  @Test func slabSlotsMatchADictionary() {
    // Slots that point into a slab, freed entries reused, as the open-message table does.
    var index = HashIndex<SlabKeys>(capacity: 16, maxLoad: .half)
    var slab: [UInt64] = []
    var free: [Int] = []
    var model: [UInt64: Int] = [:]
    var rng = Xorshift(seed: 31)
    let raws = (0..<6).map { _ in rng.next() >> 12 }
    for step in 0..<5_000 {
      let k = raws[rng.below(raws.count)] << 8 | UInt64(rng.below(40))
      let (p, found) = index.find(k, hash: CollidingKeys.rawHash(k), in: slab)
      #expect(found == (model[k] != nil), "step \(step)")
      if found {
        let entry = Int(index[p]) - 1
        #expect(model[k] == entry)
        if rng.below(2) == 0 {
          index.remove(at: p, in: slab)
          free.append(entry)
          model[k] = nil
        }
      } else {
        let entry: Int
        if let reused = free.popLast() {
          entry = reused
          slab[entry] = k
        } else {
          entry = slab.count
          slab.append(k)
        }
        index.insert(Int32(entry + 1), at: p, in: slab)
        model[k] = entry
      }
      index._checkInvariants(in: slab)
      #expect(index.count == model.count)
    }
    for (k, entry) in model {
      let (p, found) = index.find(k, hash: CollidingKeys.rawHash(k), in: slab)
      #expect(found && Int(index[p]) - 1 == entry)
    }
  }

  @Test func reserveAndRemoveAllKeepTheInvariants() {
    var table = TestSet<PlainKeys>(hash: { $0 })
    for k in 0..<100 as Range<UInt64> { table.insert(k * 7) }
    table.index.reserveCapacity(1_000)
    #expect(table.index.capacity == 2_048)
    table.index._checkInvariants()
    for k in 0..<100 as Range<UInt64> { #expect(table.contains(k * 7)) }
    table.index.removeAll()
    #expect(table.index.capacity == 2_048 && table.index.isEmpty && !table.contains(7))
    table.index._checkInvariants()
    table.index.removeAll(keepingCapacity: false)
    #expect(table.index.capacity == HashIndex<PlainKeys>.minimumCapacity)
  }
}
