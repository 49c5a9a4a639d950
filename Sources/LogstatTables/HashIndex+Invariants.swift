/// The structural checks of `HashIndex`, in the manner of swift-collections' `_HashTable`:
/// always callable (tests call them after every step), and called by the index itself after
/// each mutation only when the module is built with `LOGSTAT_CHECKS` (debug builds and tests;
/// release builds compile the calls out).
extension HashIndex {
  /// Traps unless every invariant holds: a power-of-two capacity that matches `shift`, `count`
  /// equal to the occupied slots, the load bound, and every occupied slot reachable from its
  /// home without crossing an empty slot. O(capacity + probe lengths).
  @inlinable
  public func _checkInvariants(in storage: Keys.Storage) {
    let size = slots.count
    precondition(size >= HashIndex.minimumCapacity && size & (size &- 1) == 0, "capacity \(size) is not a power of two")
    precondition(shift == 64 &- UInt64(size.trailingZeroBitCount), "shift \(shift) does not match capacity \(size)")
    var n = 0
    for slot in slots where !slot.isEmpty { n &+= 1 }
    precondition(n == occupied, "count \(occupied) but \(n) occupied slots")
    precondition(occupied &* 4 <= size &* quarters, "load \(occupied)/\(size) over \(quarters)/4")
    let mask = size &- 1
    for position in 0..<size where !slots[position].isEmpty {
      checkReachable(position, mask: mask, in: storage)
    }
  }

  /// The cheap check after a mutation on a large index: the probe run holding `position`
  /// (or ending next to it) is intact, and the load bound holds. O(run length).
  @inlinable
  public func _checkRun(around position: Int, in storage: Keys.Storage) {
    let size = slots.count
    precondition(occupied &* 4 <= size &* quarters, "load \(occupied)/\(size) over \(quarters)/4")
    let mask = size &- 1
    // The run starts after the nearest empty slot before `position`; check up to the empty
    // slot after it (a removal leaves `position` empty; the run after it is checked too).
    var start = position
    var steps = 0
    while !slots[(start &- 1) & mask].isEmpty {
      start = (start &- 1) & mask
      steps &+= 1
      precondition(steps < size, "no empty slot: every probe would loop")
    }
    var i = start
    var pastPosition = false
    while true {
      if slots[i].isEmpty {
        if pastPosition || i != position { break }
      } else {
        checkReachable(i, mask: mask, in: storage)
      }
      if i == position { pastPosition = true }
      i = (i &+ 1) & mask
      if i == start { break }
    }
  }

  /// Traps unless the occupied slot `position` lies in its own probe run: no empty slot from
  /// its home up to it.
  @inlinable
  func checkReachable(_ position: Int, mask: Int, in storage: Keys.Storage) {
    let h = home(Keys.hash(slot: slots[position], in: storage))
    var i = h
    while i != position {
      precondition(!slots[i].isEmpty, "slot \(position) (home \(h)) is cut off by the empty slot \(i)")
      i = (i &+ 1) & mask
    }
  }
}

extension HashIndex where Keys.Storage == Void {
  /// `_checkInvariants(in:)` for tables whose slots hold their keys.
  @inlinable
  public func _checkInvariants() { _checkInvariants(in: ()) }
}
