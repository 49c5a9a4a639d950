import LogstatCodes

/// One pass over a reply: normalise into the buffer, find the codes, and run the phrase DFA.
///
/// Bytes are lower-cased and whitespace collapsed as they are written. When a token ends, and
/// only if it holds a digit, it is checked for reply codes: a `550-5.7.1` or `550 5.7.1` prefix
/// is removed by moving the write position back to the token start and restoring the DFA state
/// and the hits saved there, so phrases split by continuation lines still match.
struct ReplyScanner {
  /// The phrase DFA (a copy of plain pointers and counts; the automaton outlives every scan).
  let tables: PhraseTables
  /// Not retained: a strong reference cost a retain and a release per reply.
  // Safe because: a scanner is a local of `Reply.parse` or `ReplyClassifier.classify`, which
  // hold the buffer (a parameter, or the classifier's own stored property) for the whole scan;
  // no scanner is stored or escapes.
  unowned(unsafe) let buffer: ReplyBuffer

  /// The buffer's storage, written at `w`. `run` reserves `text.count + 2` bytes first: one
  /// leading space, at most one byte per input byte, and one space per token, which the
  /// separator before the next token (or the `+ 2`) pays for; removing a prefix only moves left.
  var out: UnsafeMutablePointer<UInt8>
  var w = 0
  var state = 0  // the current DFA state, encoded as `PhraseTables` describes
  var hits = PhraseHits()
  var reply = Reply()

  // The token being written.
  var tokenStart = 0
  var tokenState = 0
  var tokenHits = PhraseHits()
  var tokenHasDigit = false
  /// The token holds `@`: an email address, whose local part and domain are names, not words
  /// about the failure (`<dmarc@example.org>` says nothing about DMARC).
  var tokenHasAt = false
  var tokenIndex = 0
  var previousEndsWithColon = false
  // A dropped bare code (`550`) may be followed by its enhanced code, dropped as well.
  var expectEnhanced = false
  // A kept bare code that becomes a prefix if an enhanced code follows it.
  var pendingCode: UInt16 = 0
  var pendingStart = 0
  var pendingState = 0
  var pendingHits = PhraseHits()

  init(automaton: PhraseAutomaton, buffer: ReplyBuffer) {
    tables = automaton.tables
    self.buffer = buffer
    out = buffer.storage
  }

  @inline(__always)
  mutating func feed(_ b: UInt8) {
    let next = tables.next(state, Int(tables.classes[Int(b)]))
    state = Int(next & PhraseTables.stateMask)
    if next & PhraseTables.outputFlag != 0 { hits.absorb(tables.outputs(of: state)) }
  }

  @inline(__always)
  mutating func emit(_ b: UInt8) {
    out[w] = b
    w &+= 1
    feed(b)
  }

  /// Normalises `text` into the buffer and returns the codes and the best phrase hits.
  ///
  /// - Complexity: O(n) in the text length; no allocation once the buffer is large enough.
  mutating func run(_ text: UnsafeRawBufferPointer) -> (reply: Reply, hits: PhraseHits) {
    buffer.reserve(text.count &+ 2)
    out = buffer.storage
    emit(0x20)
    let count = text.count
    let kinds = ByteKinds.table
    var i = 0
    while i < count {
      // Between tokens: skip whitespace, control bytes and Exim's escaped "\n" "\r" "\t".
      let kind = kinds[Int(text[i])]
      if kind == 2 {
        i &+= 1
        continue
      }
      if kind == 4, i &+ 1 < count, ByteKinds.isEscapedBreak(text[i &+ 1]) {
        i &+= 2
        continue
      }
      tokenStart = w
      tokenState = state
      tokenHits = hits
      i = scanToken(text, from: i)
      if endToken() { emit(0x20) }
    }
    buffer.count = w
    return (reply, hits)
  }

  /// Writes and matches one token starting at `start`; returns the index after it.
  ///
  /// The hot loop: state lives in locals, because stores through the byte pointer may
  /// alias `self` and would force reloads of its fields on every byte.
  @inline(__always)
  mutating func scanToken(_ text: UnsafeRawBufferPointer, from start: Int) -> Int {
    let out = self.out
    let tables = self.tables
    let classes = tables.classes
    let kinds = ByteKinds.table
    let count = text.count
    var w = self.w
    var state = self.state
    var digits: UInt8 = 0
    var i = start
    while i < count {
      let raw = text[i]
      let kind = kinds[Int(raw)]
      var b = ByteKinds.lower(raw)
      if kind >= 2, kind != 8 {
        if kind == 2 { break }
        if kind == 4 {
          if i &+ 1 < count, ByteKinds.isEscapedBreak(text[i &+ 1]) { break }
        } else if i &+ 1 < count, let (lead, trail) = ByteKinds.lowerPair(raw, text[i &+ 1]) {
          // A capital Cyrillic or Latin-1 letter: its lower-case lead byte is matched here,
          // its trail byte below, so "Пользователь" matches the phrase "пользователь".
          out[w] = lead
          w &+= 1
          let next = tables.next(state, Int(classes[Int(lead)]))
          state = Int(next & PhraseTables.stateMask)
          if next & PhraseTables.outputFlag != 0 { hits.absorb(tables.outputs(of: state)) }
          i &+= 1
          b = trail
        }
      }
      i &+= 1
      digits |= kind
      out[w] = b
      w &+= 1
      let next = tables.next(state, Int(classes[Int(b)]))
      state = Int(next & PhraseTables.stateMask)
      if next & PhraseTables.outputFlag != 0 { hits.absorb(tables.outputs(of: state)) }
    }
    self.w = w
    self.state = state
    tokenHasDigit = digits & 1 != 0
    tokenHasAt = digits & 8 != 0
    return i
  }

  /// Drops the bytes written since `start` and restores the DFA to what it was there.
  @inline(__always)
  mutating func rollBack(to start: Int, state saved: Int, hits savedHits: PhraseHits) {
    w = start
    state = saved
    hits = savedHits
  }

  /// Handles the token just written; returns false when it was dropped (no space follows).
  mutating func endToken() -> Bool {
    defer { tokenIndex &+= 1 }
    let wasExpecting = expectEnhanced
    expectEnhanced = false
    let pending = pendingCode
    pendingCode = 0
    if tokenHasAt {
      // An address is dropped: its words must not match phrases. A colon after it
      // (`<x@y>: User unknown`) still ends the token, so a code may follow; words glued after
      // a colon (`(user@example.com:blocked)`) are kept.
      let end = w
      var at = tokenStart
      while at < end, out[at] != 0x40 { at &+= 1 }
      var colon = end &- 1
      while colon > at, out[colon] != 0x3A { colon &-= 1 }
      let endsWithColon = out[end &- 1] == 0x3A
      rollBack(to: tokenStart, state: tokenState, hits: tokenHits)
      if colon > at, colon &+ 1 < end {
        var k = colon &+ 1
        while k < end {  // forward copy is safe: the source is ahead of the destination
          emit(out[k])
          k &+= 1
        }
        previousEndsWithColon = false
        return true
      }
      previousEndsWithColon = endsWithColon
      return false
    }
    guard tokenHasDigit else {
      // `host: 550 ...` and a DSN's `smtp; 550 ...`: a reply code may follow either.
      previousEndsWithColon = out[w &- 1] == 0x3A || out[w &- 1] == 0x3B
      return true
    }
    let end = w
    if wasExpecting || pending != 0, let code = wholeEnhancedCode(from: tokenStart, to: end) {
      if reply.enhancedCode == nil { reply.enhancedCode = code }
      if pending != 0 {
        if reply.basicCode == nil { reply.basicCode = pending }
        rollBack(to: pendingStart, state: pendingState, hits: pendingHits)
      } else {
        rollBack(to: tokenStart, state: tokenState, hits: tokenHits)
      }
      previousEndsWithColon = false
      return false
    }
    var keepFrom = tokenStart
    if let code = replyCode(at: tokenStart, end: end) {
      let after = tokenStart &+ 3
      if after == end {
        if tokenIndex == 0 || previousEndsWithColon || reply.basicCode == code {
          if reply.basicCode == nil { reply.basicCode = code }
          rollBack(to: tokenStart, state: tokenState, hits: tokenHits)
          expectEnhanced = true
          previousEndsWithColon = false
          return false
        }
        pendingCode = code
        pendingStart = tokenStart
        pendingState = tokenState
        pendingHits = tokenHits
      } else if out[after] == 0x2D {  // "550-..."
        if reply.basicCode == nil { reply.basicCode = code }
        keepFrom = after &+ 1
        if let enhanced = wholeEnhancedCode(from: keepFrom, to: end) {
          if reply.enhancedCode == nil { reply.enhancedCode = enhanced }
          rollBack(to: tokenStart, state: tokenState, hits: tokenHits)
          previousEndsWithColon = false
          return false
        }
      }
    }
    if reply.enhancedCode == nil { findEnhancedCode(from: keepFrom, to: end) }
    if keepFrom != tokenStart {
      // Remove the "550-" prefix: move the rest left and run the DFA over it again.
      let length = end &- keepFrom
      let start = tokenStart
      rollBack(to: start, state: tokenState, hits: tokenHits)
      var k = 0
      while k < length {  // forward copy is safe: the source is ahead of the destination
        emit(out[keepFrom &+ k])
        k &+= 1
      }
      if length == 0 {
        previousEndsWithColon = false
        return false
      }
    }
    previousEndsWithColon = out[w &- 1] == 0x3A
    return true
  }

  /// A reply code at `p` (`SMTPCodeParser.basic`: the grammar the scanner and counts use).
  @inline(__always)
  func replyCode(at p: Int, end: Int) -> UInt16? {
    // Safe because: `out` holds at least `end` normalised bytes and the parser reads only
    // inside `p..<end`.
    SMTPCodeParser.basic(UnsafeRawBufferPointer(start: out, count: end), at: p, end: end)
  }

  /// An enhanced code filling exactly `start..<end`.
  @inline(__always)
  func wholeEnhancedCode(from start: Int, to end: Int) -> EnhancedCode? {
    // Safe because: `end` <= w, and `out` holds the `w` bytes written so far.
    let raw = UnsafeRawBufferPointer(start: out, count: end)
    guard let (code, length) = EnhancedCode.scan(raw, from: start), start &+ length == end else {
      return nil
    }
    return code
  }

  /// Records the first enhanced code in the token that starts it or follows `#`, `(`, `[`...
  /// and is not the head of an IPv4 address or a dotted version.
  mutating func findEnhancedCode(from start: Int, to end: Int) {
    // Safe because: `end` <= w, and `out` holds the `w` bytes written so far.
    let raw = UnsafeRawBufferPointer(start: out, count: end)
    var p = start
    while p &+ 5 <= end {
      let b = out[p]
      if b == 0x32 || b == 0x34 || b == 0x35, p == start || ReplyScanner.opensCode(out[p &- 1]),
        let (code, length) = EnhancedCode.scan(raw, from: p)
      {
        let q = p &+ length
        let fourthNumber = q &+ 1 < end && out[q] == 0x2E && out[q &+ 1] &- 48 < 10
        if !fourthNumber {
          reply.enhancedCode = code
          return
        }
      }
      p &+= 1
    }
  }

  @inline(__always)
  static func opensCode(_ b: UInt8) -> Bool {
    switch b {
    case 0x23, 0x28, 0x5B, 0x2D, 0x3A, 0x22, 0x27, 0x3D, 0x3C, 0x2C, 0x3B: true  // # ( [ - : " ' = < , ;
    default: false
    }
  }
}

/// Per-byte kinds for the scanner: 1 digit, 2 whitespace or control, 4 backslash, 8 `@`, 16 the
/// lead byte of a two-byte letter that may be a capital (`lowerPair`), 0 other.
enum ByteKinds {
  /// Written once when first used, read-only afterwards, so sharing it is safe.
  nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt8> = {
    // Safe because: 256 entries, one per byte value, indexed only by `Int(UInt8)`; never
    // freed (it lives as long as the program), and written before any reader sees it (a
    // `static let` initialiser runs once, under the runtime's lock).
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for b in 0..<256 {
      table[b] =
        switch b {
        case 0x30...0x39: 1
        case 0...0x20, 0x7F: 2
        case 0x5C: 4
        case 0x40: 8
        case 0xC3, 0xD0: 16
        default: 0
        }
    }
    return table
  }()

  /// True for the letter after a backslash that Exim uses to escape a line break or tab.
  @inline(__always)
  static func isEscapedBreak(_ b: UInt8) -> Bool { b == 0x6E || b == 0x72 || b == 0x74 }

  /// ASCII lower case; other bytes unchanged.
  @inline(__always)
  static func lower(_ b: UInt8) -> UInt8 { (b &- 65) < 26 ? b | 0x20 : b }

  /// The lower case of a capital written in two UTF-8 bytes, or nil when `lead, trail` is not
  /// one: Latin-1 `À`-`Þ` (but `×`) and Cyrillic `Ё`, `А`-`Я`. Providers capitalise the first word
  /// of a sentence ("Пользователь не найден", "Échec"); phrases are written in lower case.
  @inline(__always)
  static func lowerPair(_ lead: UInt8, _ trail: UInt8) -> (UInt8, UInt8)? {
    if lead == 0xC3 { return (trail &- 0x80) < 0x1F && trail != 0x97 ? (0xC3, trail &+ 0x20) : nil }
    switch trail {
    case 0x90...0x9F: return (0xD0, trail &+ 0x20)  // А-П -> а-п
    case 0xA0...0xAF: return (0xD1, trail &- 0x20)  // Р-Я -> р-я
    case 0x81: return (0xD1, 0x91)  // Ё -> ё
    default: return nil
    }
  }
}
