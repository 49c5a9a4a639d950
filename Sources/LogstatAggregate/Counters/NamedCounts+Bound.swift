/// Bounding a `NamedCounts`: dropping the least counted names once there are more than the
/// capacity, and merging summaries with their error bounds.
///
/// The summary is Space-Saving's: a name added after names were dropped starts from the
/// floor (the most a dropped name was counted), which becomes its error; so every listed count
/// is an upper bound and `count - countError` a lower bound, and a name not listed was
/// counted at most `countFloor` times. Pruning keeps the `capacity / 2` most counted names
/// (ties: the earlier first), so it runs once per `capacity / 2` new names, and the result
/// depends only on the order of the input.
extension NamedCounts {
  /// How far below `count` the true count of `id` may be (0 while exact).
  public func countError(_ id: Int32) -> Int {
    Int(id) < countErrors.count ? countErrors[Int(id)] : 0
  }

  /// How far below `bytes` the true bytes of `id` may be.
  public func bytesError(_ id: Int32) -> Int {
    Int(id) < bytesErrors.count ? bytesErrors[Int(id)] : 0
  }

  /// True when the table holds more names than its capacity, or, when the owner held more than
  /// half of that at the last prune, twice what was kept (owners that prune call
  /// `prune(keeping:)`).
  public var needsPruning: Bool { counts.count > pruneAt }

  /// A new entry (the interner has just given it the next ID) that starts at the floors:
  /// what it may have been counted before, while it was not listed.
  mutating func appendEntry(countError: Int, bytesError: Int) {
    counts.append(countError)
    bytes.append(bytesError)
    if countError != 0 || bytesError != 0 { setErrors(counts.count - 1, countError, bytesError) }
  }

  private mutating func setErrors(_ id: Int, _ c: Int, _ b: Int) {
    if countErrors.count == id, bytesErrors.count == id {
      // The next ID (a new name after a prune): one append each, no filler.
      guard c != 0 || b != 0 else { return }
      countErrors.append(c)
      bytesErrors.append(b)
      return
    }
    if countErrors.count <= id {
      guard c != 0 || b != 0 else { return }
      countErrors.append(contentsOf: repeatElement(0, count: id + 1 - countErrors.count))
      bytesErrors.append(contentsOf: repeatElement(0, count: id + 1 - bytesErrors.count))
    }
    countErrors[id] = c
    bytesErrors[id] = b
  }

  /// Keeps the `capacity / 2` most counted names and every name `keeping` says is held
  /// elsewhere (nil: none); the rest are dropped into the floors. Returns the map from old
  /// IDs to new ones (-1: dropped). Surviving names keep their relative order.
  /// - Complexity: O(n log n) in the names held.
  @discardableResult
  public mutating func prune(keeping held: [Bool]?) -> [Int32] {
    let n = counts.count
    let keep = Swift.max(1, (capacity ?? n) / 2)
    var kept = [Bool](repeating: false, count: n)
    if n > keep {
      // The `keep` highest counts, ties by ID; counts alone decide, so bytes need no sort. The
      // keep-th highest count `t` splits them: every name above it, then the names at `t` in
      // ID order until `keep` are kept (one sort of plain counts, no comparator by ID).
      var sorted = counts
      sorted.sort()
      let t = sorted[n - keep]
      var ties = keep
      for id in 0..<n where counts[id] > t { ties -= 1 }
      for id in 0..<n {
        if counts[id] > t {
          kept[id] = true
        } else if counts[id] == t, ties > 0 {
          kept[id] = true
          ties -= 1
        }
      }
    } else {
      kept = [Bool](repeating: true, count: n)
    }
    if let held { for id in 0..<Swift.min(n, held.count) where held[id] { kept[id] = true } }

    var fresh = NamedCounts(copyingBoundsOf: self)
    let (keptNames, map) = names.compacted(keeping: kept)
    fresh.names = keptNames
    fresh.counts.reserveCapacity(keptNames.count)
    fresh.bytes.reserveCapacity(keptNames.count)
    for id in 0..<n {
      guard kept[id] else {
        if counts[id] != 0 || bytes[id] != 0 {
          fresh.isExact = false
          fresh.droppedNames += 1
          fresh.countFloor = Swift.max(fresh.countFloor, counts[id])
          fresh.bytesFloor = Swift.max(fresh.bytesFloor, bytes[id])
        }
        continue
      }
      let mine = map[id]
      fresh.counts.append(counts[id])
      fresh.bytes.append(bytes[id])
      fresh.setErrors(Int(mine), countError(Int32(id)), bytesError(Int32(id)))
      if let e = example(Int32(id)) { fresh.setExample(Int(mine), e) }
    }
    // Twice what was kept: when the owner holds many names (one message to 200,000
    // recipients), prunes come at doubling sizes, so their cost stays O(n log n) in all.
    if let capacity { fresh.pruneAt = Swift.max(capacity, 2 * fresh.counts.count) }
    self = fresh
    return map
  }

  /// An empty table with the capacity, floors and totals of `o` (pruning rebuilds into it).
  private init(copyingBoundsOf o: NamedCounts) {
    if let c = o.capacity { self.init(capacity: c, prunedByOwner: o.prunedByOwner) } else { self.init() }
    countFloor = o.countFloor
    bytesFloor = o.bytesFloor
    isExact = o.isExact
    totalCount = o.totalCount
    totalBytes = o.totalBytes
    droppedNames = o.droppedNames
  }

  /// Adds `o`, the table of input that follows (or of another host); returns the map from
  /// `o`'s IDs to ours (-1: dropped by pruning, only in tables that prune themselves).
  ///
  /// A name listed on one side only may have been counted up to the other side's floor
  /// there: it gets that floor added, as count and as error. Exact tables merge exactly.
  @discardableResult
  public mutating func merge(_ o: NamedCounts) -> [Int32] {
    let before = counts.count
    let myCountFloor = countFloor
    let myBytesFloor = bytesFloor
    var seen = o.countFloor != 0 || o.bytesFloor != 0 ? [Bool](repeating: false, count: before) : []
    var map = [Int32](repeating: 0, count: o.counts.count)
    for id in 0..<o.counts.count {
      let mine = Int(names.intern(Int32(id), of: o.names))
      if mine == counts.count {
        appendEntry(countError: myCountFloor, bytesError: myBytesFloor)
      } else if mine < before, !seen.isEmpty {
        seen[mine] = true
      }
      counts[mine] += o.counts[id]
      bytes[mine] += o.bytes[id]
      let c = countError(Int32(mine)) + o.countError(Int32(id))
      let b = bytesError(Int32(mine)) + o.bytesError(Int32(id))
      setErrors(mine, c, b)
      setExample(mine, o.example(Int32(id)))
      map[id] = Int32(mine)
    }
    if !seen.isEmpty {
      for id in 0..<before where !seen[id] {
        counts[id] += o.countFloor
        bytes[id] += o.bytesFloor
        setErrors(id, countError(Int32(id)) + o.countFloor, bytesError(Int32(id)) + o.bytesFloor)
      }
    }
    countFloor += o.countFloor
    bytesFloor += o.bytesFloor
    isExact = isExact && o.isExact
    totalCount += o.totalCount
    totalBytes += o.totalBytes
    droppedNames += o.droppedNames
    if !prunedByOwner, needsPruning {
      let pruned = prune(keeping: nil)
      for k in map.indices { map[k] = pruned[Int(map[k])] }
    }
    return map
  }

  /// Restores the bounds of a saved table (reading a saved report): its floors and how many
  /// names it dropped.
  public mutating func restoreBounds(countFloor c: Int, bytesFloor b: Int, droppedNames d: Int) {
    countFloor = Swift.max(countFloor, c)
    bytesFloor = Swift.max(bytesFloor, b)
    droppedNames += d
    if c != 0 || b != 0 || d != 0 { isExact = false }
  }

  /// Restores the error bounds of `id` (reading a saved report).
  public mutating func restoreErrors(_ id: Int32, count c: Int, bytes b: Int) {
    guard c != 0 || b != 0 else { return }
    setErrors(Int(id), countError(id) + c, bytesError(id) + b)
    isExact = false
  }
}
