/// The phrase DFA's transition function in about 0.7 MB instead of a 7.8 MB dense table.
///
/// A state is carried as one `Int`: a dense state `s` as its row offset `s * width` (below
/// `denseLimit`), a sparse state as `denseLimit + base`, its own slot in `cells`. A
/// transition word holds the next state so encoded, with `outputFlag` set when that state
/// has outputs.
///
/// Dense rows cover the shallowest states, which most bytes of a reply visit. A sparse state
/// differs from its fallback, its nearest dense failure state, only on the classes where it
/// or a failure state between them has a trie child; those transitions sit in `cells` at
/// `base + class`, tagged with `base + 1`, and every other class reads the fallback's dense
/// row. Bases are unique, so the tag names the owner (a double array). A step is one load
/// for a dense state and for a sparse state's own transition, two more otherwise; never a
/// failure chain. Plain pointers: written once by `build`, read-only afterwards.
struct PhraseTables {
  /// Set in a transition word when the next state has outputs (read `outputs(of:)` then).
  static let outputFlag: UInt32 = 0x8000_0000
  static let stateMask: UInt32 = 0x7FFF_FFFF
  /// Most bytes the dense rows may take; the rest of the states are sparse.
  static let denseBudget = 160 * 1024

  /// Byte -> class index; class 0 stands for every byte no phrase uses.
  let classes: UnsafeMutablePointer<UInt8>
  let width: Int
  let denseStates: Int
  let stateCount: Int
  /// `denseStates * width`: encoded states below it are dense row offsets.
  let denseLimit: Int
  /// Dense rows, `denseLimit` transition words.
  let dense: UnsafeMutablePointer<UInt32>
  /// Owner tag (base + 1, 0 = free; low 32 bits) and transition word (high 32).
  let cells: UnsafeMutablePointer<UInt64>
  /// Per base of a sparse state: its fallback's row offset (low 32) and state number (high 32).
  let headers: UnsafeMutablePointer<UInt64>
  let cellCount: Int
  /// Per state number: three 16-bit slots (reason, blocklist, provider), see `PhraseHits`.
  let outputWords: UnsafeMutablePointer<UInt64>

  /// The transition word for `state` (encoded) and byte class `c`.
  @inline(__always)
  func next(_ state: Int, _ c: Int) -> UInt32 {
    if state < denseLimit { return dense[state &+ c] }
    let base = state &- denseLimit
    let cell = cells[base &+ c]
    if UInt32(truncatingIfNeeded: cell) == UInt32(truncatingIfNeeded: base &+ 1) {
      return UInt32(truncatingIfNeeded: cell >> 32)
    }
    return dense[Int(UInt32(truncatingIfNeeded: headers[base])) &+ c]
  }

  /// The output slots of an encoded state; called only after a flagged transition.
  @inline(__always)
  func outputs(of state: Int) -> UInt64 {
    if state < denseLimit { return outputWords[state / width] }
    return outputWords[Int(truncatingIfNeeded: headers[state &- denseLimit] >> 32)]
  }

  /// Bytes of all tables together.
  var byteCount: Int { 256 + denseLimit * 4 + cellCount * 16 + stateCount * 8 }

  /// Packs a complete DFA whose states are numbered breadth-first (0 = root).
  ///
  /// - Parameters:
  ///   - dense: The next state of each of the first `denseStates` states, `width` per state.
  ///   - fallback: Per deeper state (`denseStates + i`), its nearest dense failure state.
  ///   - lists: Per deeper state, `listStart[i]..<listStart[i + 1]`: the classes (ascending)
  ///     where its next state differs from its fallback's, with that next state in `targets`.
  ///   - outputs: Each state's output slots.
  static func build(
    classes: [UInt8], width: Int, denseStates: Int, dense rows: [Int32], fallback: [Int],
    lists: [Int], listStart: [Int], targets: [Int], outputs words: [UInt64]
  ) -> PhraseTables {
    let stateCount = words.count
    let denseLimit = denseStates * width
    let sparseCount = stateCount - denseStates
    let layout = CellLayout(width: width, lists: lists, listStart: listStart)
    precondition(denseLimit + layout.cellCount < Int(stateMask), "phrase tables too large")

    func word(_ t: Int) -> UInt32 {
      let encoded = t < denseStates ? t * width : denseLimit + layout.base[t - denseStates]
      return UInt32(encoded) | (words[t] != 0 ? outputFlag : 0)
    }
    let dense = rows.map { word(Int($0)) }
    var cells = [UInt64](repeating: 0, count: layout.cellCount)
    var headers = [UInt64](repeating: 0, count: layout.cellCount)
    for i in 0..<sparseCount {
      let base = layout.base[i]
      for k in listStart[i]..<listStart[i + 1] {
        cells[base + lists[k]] = UInt64(base + 1) | UInt64(word(targets[k])) << 32
      }
      headers[base] = UInt64(fallback[i] * width) | UInt64(denseStates + i) << 32
    }
    func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
      // Safe because: `array.count` elements are allocated (at least one, so an empty table
      // still has a pointer to free) and exactly that many are initialised from the array; the
      // owning automaton frees each table once, in its `deinit`.
      let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
      pointer.initialize(from: array, count: array.count)
      return pointer
    }
    return PhraseTables(
      classes: copy(classes), width: width, denseStates: denseStates, stateCount: stateCount,
      denseLimit: denseLimit, dense: copy(dense), cells: copy(cells), headers: copy(headers),
      cellCount: layout.cellCount, outputWords: copy(words))
  }

  /// Frees the tables; only the owning automaton calls this, in its `deinit`.
  func deallocate() {
    // Safe because: each pointer came from `copy` above and is freed here once; scanners hold
    // copies of these pointers only while the automaton that owns them is alive.
    classes.deallocate()
    dense.deallocate()
    cells.deallocate()
    headers.deallocate()
    outputWords.deallocate()
  }
}

/// Where each sparse state's cells go: a unique base per state such that `base + class` is
/// free for every class in its list. First fit (the lowest such base), longest lists first.
///
/// The search tests 64 bases at a time on bit sets: a word of the bases still free, and for
/// each class the word of cells at those bases plus the class, ANDed until none is left.
struct CellLayout {
  /// Per sparse state.
  var base: [Int]
  /// Cells needed: every `base + class` for `class < width` is in range.
  var cellCount: Int

  init(width: Int, lists: [Int], listStart: [Int]) {
    let count = listStart.count - 1
    base = [Int](repeating: 0, count: count)
    var taken = CellBits()
    var baseTaken = CellBits()
    var cells = width
    func size(_ i: Int) -> Int { listStart[i + 1] - listStart[i] }
    var empty: [Int] = []
    for i in (0..<count).sorted(by: { size($0) > size($1) }) {
      let classes = lists[listStart[i]..<listStart[i + 1]]
      guard let smallest = classes.first else {
        empty.append(i)
        continue
      }
      // Lists are in class order, so `smallest` is the least class. A base whose cell for it
      // is taken fails: each block of 64 bases starts where that cell is next free, which
      // skips the full part of the table in a few words (the same first fit as testing
      // every block from 0; that rescan was most of the start-up time).
      var start = taken.nextFree(from: smallest) - smallest
      var b = -1
      while b < 0 {
        var free = ~baseTaken.word(at: start)
        var k = classes.startIndex
        // Most blocks run out of free bases after a class or two: stop there.
        while free != 0, k < classes.endIndex {
          free &= ~taken.word(at: start &+ classes[k])
          k &+= 1
        }
        if free != 0 {
          b = start &+ free.trailingZeroBitCount
        } else {
          start = taken.nextFree(from: start &+ 64 &+ smallest) &- smallest
        }
      }
      baseTaken.insert(b)
      for c in classes { taken.insert(b &+ c) }
      cells = max(cells, b &+ width)
      base[i] = b
    }
    // States that match their fallback everywhere own no cell, only a base nobody else has.
    var b = 0
    for i in empty {
      while baseTaken.contains(b) { b += 1 }
      cells = max(cells, b &+ width)
      baseTaken.insert(b)
      base[i] = b
    }
    cellCount = cells
  }
}

/// A growable set of small non-negative integers, 64 to a word.
struct CellBits {
  private var words: [UInt64] = []
  /// Bit j set when `words[j]` is full (all 64 members present).
  private var full: [UInt64] = []

  /// The least non-member at or above `k`.
  func nextFree(from k: Int) -> Int {
    var w = k >> 6
    guard w < words.count else { return k }
    let rest = ~words[w] & (~0 << UInt64(k & 63))
    if rest != 0 { return w << 6 | rest.trailingZeroBitCount }
    w += 1
    // Whole words: the first one not full, 64 words at a time.
    while w < words.count {
      let f = w >> 6
      let notFull = ~full[f] & (~0 << UInt64(w & 63))
      if notFull != 0 {
        let j = f << 6 | notFull.trailingZeroBitCount
        guard j < words.count else { return words.count << 6 }
        return j << 6 | (~words[j]).trailingZeroBitCount
      }
      w = (f + 1) << 6
    }
    return words.count << 6
  }

  /// Bit k is `contains(start + k)`; members past the end are absent.
  @inline(__always) func word(at start: Int) -> UInt64 {
    let w = start >> 6
    let shift = UInt64(start & 63)
    guard w < words.count else { return 0 }
    let low = words[w] >> shift
    guard shift != 0, w &+ 1 < words.count else { return low }
    return low | words[w &+ 1] << (64 &- shift)
  }

  @inline(__always) func contains(_ k: Int) -> Bool {
    let w = k >> 6
    return w < words.count && (words[w] >> UInt64(k & 63)) & 1 != 0
  }

  @inline(__always) mutating func insert(_ k: Int) {
    let w = k >> 6
    if w >= words.count {
      words.append(contentsOf: repeatElement(0, count: w - words.count + 1))
      full.append(contentsOf: repeatElement(0, count: (words.count + 63) / 64 - full.count))
    }
    words[w] |= 1 << UInt64(k & 63)
    if words[w] == ~0 { full[w >> 6] |= 1 << UInt64(w & 63) }
  }
}
