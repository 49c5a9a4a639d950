#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import LogstatCodes

/// Opaque names in a reply text (unique IDs, IP literals, host[address], time stamps, mail
/// addresses) replaced by `0` (an address by `@`) before the text is classified or its cache key is taken, so the
/// reply cache answers "the same reply to another message" (Gmail's
/// `713a6946f159si352874597ejb.452`, Outlook's `2026-11-20T00:00:01.760Z 08DD0A0B1C2D3E54]`,
/// a client `[203.0.113.25]`, `<someone@example.net>:`).
///
/// Sound by construction: the classifier reads only the masked text, so two texts with the
/// same masked bytes get the same answer, and the cache key is the masked text's fingerprint.
/// Only a token's core is masked: the punctuation around it (`<`, `]:`, `(`, `).`) stays, as
/// the wrapper locator and the reply-code grammar read it. A core is opaque only when masking
/// it cannot change what the rules see in it:
/// - it is printable ASCII without `( ) ' " \ , ; / =` (a `from=<`, `proto=` or a URL path
///   is read by the locator or the rules);
/// - it holds an `@` or at least 5 digits (a word never does; `RFC 5322` keeps its number);
/// - it holds no reply code or enhanced code where the scanner would read one;
/// - it is not a step word or `said:` (`ReplyStructure`);
/// - no phrase of the rules matches inside ` token ` (checked with the phrases that fit in a
///   token, `Rules.tokenAutomaton`, after a map of their first two bytes, so a rule such as
///   `127.255.255.` or `bl000000` keeps matching; `ReplyCacheKeyTests` proves it the same check).
/// `ReplyMaskTests` proves it changes no answer on any corpus file.
struct ReplyMask {
  /// The masked text of the last `apply`; reused, grown only for a longer text.
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  /// Recent answers of `isOpaque`, which reads only the token's bytes: the same recipient
  /// address, server name or client address recurs in many replies. Direct-mapped by a hash
  /// of the token; each entry keeps the whole token (up to `memoWidth` bytes), its length
  /// (0 = empty) and the answer, so a hit is an exact byte comparison, never a guess.
  private var memoTokens: UnsafeMutablePointer<UInt8>
  private var memoLengths: UnsafeMutablePointer<UInt8>
  private var memoAnswers: UnsafeMutablePointer<Bool>
  static let memoEntries = 512
  static let memoWidth = 64

  init() {
    capacity = 1024
    // Safe because: the mask owns this buffer alone; it is replaced only in `apply` and freed
    // once by the owning classifier's `deinit`.
    storage = .allocate(capacity: capacity)
    // Safe because: the same owner; the lengths are all written (0, empty) before any read,
    // and a token's bytes and answer are read only where its length says they were written.
    memoTokens = .allocate(capacity: ReplyMask.memoEntries * ReplyMask.memoWidth)
    memoLengths = .allocate(capacity: ReplyMask.memoEntries)
    memoLengths.initialize(repeating: 0, count: ReplyMask.memoEntries)
    memoAnswers = .allocate(capacity: ReplyMask.memoEntries)
    memoAnswers.initialize(repeating: false, count: ReplyMask.memoEntries)
  }

  /// Frees the buffers; only the owning classifier calls this, in its `deinit`.
  // Safe because: called once, by the classifier that owns the mask, when nothing reads the
  // last masked text any more.
  func deallocate() {
    storage.deallocate()
    memoTokens.deallocate()
    memoLengths.deallocate()
    memoAnswers.deallocate()
  }

  /// `isOpaque` through the memo.
  @inline(__always)
  mutating func opaque(_ t: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tables: PhraseTables) -> Bool {
    let length = end &- start
    guard length <= ReplyMask.memoWidth, let base = t.baseAddress else {
      return ReplyMask.isOpaque(t, start, end, tables: tables)
    }
    // Safe because: `start..<end` lies inside `t`.
    let token = base + start
    // The cache's fingerprint over the token's bytes; its first half indexes the memo.
    let h = ReplyCache.fingerprint(UnsafeRawBufferPointer(start: token, count: length)).0
    let e = Int(truncatingIfNeeded: h) & (ReplyMask.memoEntries &- 1)
    // Safe because: `e < memoEntries`, so the entry's `memoWidth` bytes are inside the table.
    let slot = memoTokens + e &* ReplyMask.memoWidth
    if Int(memoLengths[e]) == length, memcmp(slot, token, length) == 0 { return memoAnswers[e] }
    let answer = ReplyMask.isOpaque(t, start, end, tables: tables)
    UnsafeMutableRawPointer(slot).copyMemory(from: token, byteCount: length)
    memoLengths[e] = UInt8(length)
    memoAnswers[e] = answer
    return answer
  }

  /// `text` with its opaque tokens replaced by `0`; valid until the next call. `text` itself
  /// when nothing is masked.
  /// - Complexity: O(n), plus one phrase-DFA pass over each candidate token.
  mutating func apply(_ text: UnsafeRawBufferPointer, tables: PhraseTables) -> UnsafeRawBufferPointer {
    let n = text.count
    if n > capacity {
      // Safe because: the previous masked text is valid only until this call (documented), so
      // nobody reads the old buffer once it is replaced.
      storage.deallocate()
      capacity = Swift.max(n, capacity &* 2)
      storage = .allocate(capacity: capacity)
    }
    let out = storage
    let kinds = ReplyMask.kinds
    guard let base = text.baseAddress else { return text }
    // Bytes are copied only up to a masked core and after it: `copied..<n` is still to copy.
    var w = 0
    var copied = 0
    var i = 0
    var floor = 0  // the end of the last token looked at
    while i < n {
      // Skip to the next digit or `@`, eight bytes at a time: tokens without one are words.
      var p = n
      // Safe because: `i + 8 <= n`, so each eight-byte load lies inside `text`.
      while i &+ 8 <= n {
        let m = ReplyMask.digitsAndAts(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        if m != 0 {
          p = i &+ m.trailingZeroBitCount &>> 3
          break
        }
        i &+= 8
      }
      if p == n {
        while i < n, kinds[Int(text[i])] & (ReplyMask.digit | ReplyMask.at) == 0 { i &+= 1 }
        if i == n { break }
        p = i
      }
      // The token around it (it starts after the last token looked at).
      var start = p
      while start > floor, kinds[Int(text[start &- 1])] & ReplyMask.space == 0 { start &-= 1 }
      // The core: the token without its opening `( < [ " '` and closing `) > ] : ; , . " '`,
      // which stay (the locator and the code grammar read them). The opening run ends
      // before `p` (a digit or `@` opens nothing).
      var lead = start
      while ReplyMask.opens(text[lead]) { lead &+= 1 }
      // One pass from `lead` to the token's end: its digits, its first `@`, the first byte
      // no core may hold, the first `:` after an `@`. Openers and closers are neither digits
      // nor `@`, so what lies before `lead` or in the closing run changes no count, and a
      // byte found first at or after the closing run's start is outside the core.
      var coreDigits = 0
      var firstAt = -1
      var firstBad = n
      var colonAfterAt = n
      i = lead
      while i < n {
        let c = text[i]
        let k = kinds[Int(c)]
        if k & ReplyMask.space != 0 { break }
        if k & ReplyMask.digit != 0 {
          coreDigits &+= 1
        } else if k & (ReplyMask.at | ReplyMask.colon | ReplyMask.bad) != 0 {
          if k & ReplyMask.at != 0 {
            if firstAt < 0 { firstAt = i }
          } else if k & ReplyMask.colon != 0 {
            // `user@example.com:blocked`: the scanner keeps the words after an address's colon.
            if firstAt >= 0, colonAfterAt == n { colonAfterAt = i }
          } else if firstBad == n {
            firstBad = i
          }
        }
        i &+= 1
      }
      floor = i
      var trail = i
      while trail > lead, ReplyMask.closes(text[trail &- 1]) { trail &-= 1 }
      guard trail > lead else { continue }
      let coreAt = firstAt >= 0
      let plain = firstBad >= trail && colonAfterAt >= trail
      if plain, coreDigits >= 5 || coreAt, opaque(text, start, i, tables: tables) {
        // Safe because: `out` holds `n` bytes and at most `lead` of them are written here
        // (each masked core of at least one byte becomes one byte).
        let length = lead &- copied
        UnsafeMutableRawPointer(out + w).copyMemory(from: text.baseAddress! + copied, byteCount: length)
        w &+= length
        // An address stays an address (`@`): the scanner drops such a token whole, so the
        // words around it stay adjacent ("mailbox <x@y> is full"); any other core is `0`.
        out[w] = coreAt ? 0x40 : 0x30
        w &+= 1
        copied = trail
      }
    }
    if copied == 0 { return text }
    let rest = n &- copied
    // Safe because: masking only shrinks the text, so `w + rest <= n <= capacity`, and
    // `copied + rest == n` stays inside `text`.
    UnsafeMutableRawPointer(out + w).copyMemory(from: text.baseAddress! + copied, byteCount: rest)
    return UnsafeRawBufferPointer(start: out, count: w &+ rest)
  }

  /// The high bit of each byte of `x` that is an ASCII digit or `@` (exact, no false hits).
  @inline(__always)
  static func digitsAndAts(_ x: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    // With each byte's high bit set first, per-byte subtraction never borrows across bytes.
    let atLeast0 = (x | high) &- ones &* 0x30
    let atLeastColon = (x | high) &- ones &* 0x3A
    let digits = atLeast0 & ~atLeastColon & ~x & high
    let e = x ^ (ones &* 0x40)
    let nonzero = ((e & ~high) &+ ~high) | e
    return digits | (~nonzero & high)
  }

  static let space: UInt8 = 2
  static let digit: UInt8 = 1
  static let at: UInt8 = 4
  static let colon: UInt8 = 8
  /// A byte no opaque core holds: not printable ASCII, or one of `( ) ' " \ , ; / =`.
  static let bad: UInt8 = 16
  /// Per byte: `digit`, `space` (whitespace and control bytes, as the scanner splits tokens),
  /// `at`, `colon` or `bad` (see `allowed`). Written once when first used, read-only
  /// afterwards, so sharing it is safe.
  // Safe because: 256 bytes are allocated and all written before the table is published;
  // it lives for the whole process and is never written again.
  nonisolated(unsafe) static let kinds: UnsafeMutablePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for b in 0..<256 {
      table[b] =
        switch b {
        case 0x30...0x39: digit
        case 0...0x20, 0x7F: space
        case 0x40: at
        case 0x3A: colon
        default: allowed(UInt8(b)) ? 0 : bad
        }
    }
    return table
  }()

  /// Bytes that open a token around its core: `( < [ " '`.
  @inline(__always)
  static func opens(_ c: UInt8) -> Bool { c == 0x28 || c == 0x3C || c == 0x5B || c == 0x22 || c == 0x27 }

  /// Bytes that close a token after its core: `) > ] : ; , . " '`.
  @inline(__always)
  static func closes(_ c: UInt8) -> Bool {
    switch c {
    case 0x29, 0x3E, 0x5D, 0x3A, 0x3B, 0x2C, 0x2E, 0x22, 0x27: return true
    default: return false
    }
  }

  /// Printable ASCII other than `( ) ' " \ , ; / =` (digits are counted before this is asked).
  @inline(__always)
  static func allowed(_ c: UInt8) -> Bool {
    guard c > 0x20, c < 0x7F else { return false }
    switch c {
    case 0x28, 0x29, 0x27, 0x22, 0x5C, 0x2C, 0x3B, 0x2F, 0x3D: return false
    default: return true
    }
  }

  /// The checks after the cheap ones: no code where the scanner reads one, no wrapper word,
  /// no phrase inside the token.
  static func isOpaque(_ t: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tables: PhraseTables) -> Bool {
    // A reply code at the token start (`550-5.7.1`), an enhanced code at its start or
    // after an opening character (`#5.1.1`, `[4.7.0`): the scanner takes codes from these.
    // (A basic code counts only as the whole token or before `-`, as in `ReplyScanner`.)
    if SMTPCodeParser.basic(t, at: start, end: end) != nil, start &+ 3 == end || t[start &+ 3] == 0x2D {
      return false
    }
    // The scanner reads a code only inside its token.
    // Safe because: `t[..<end]` is a checked slice of the text, used only in this call.
    let token = UnsafeRawBufferPointer(rebasing: t[..<end])
    var p = start
    while p &+ 5 <= end {
      let b = t[p]
      if b == 0x32 || b == 0x34 || b == 0x35, p == start || ReplyScanner.opensCode(t[p &- 1]),
        EnhancedCode.scan(token, from: p) != nil
      {
        return false
      }
      p &+= 1
    }
    // Every step word and `said:` starts with a letter: most candidates (digits, `[`, `<`)
    // skip the twenty comparisons.
    if (t[start] | 0x20) &- UInt8(ascii: "a") < 26,
      ReplyStructure.match(t, start, "said:") != nil || ReplyStructure.step(t, start) != .unknown
    {
      return false
    }
    return !hasPhrase(t, start, end, tables: tables)
  }

  /// Whether a phrase rule matches inside ` t[start..<end] ` (the token with a space either
  /// side; `tables` is `Rules.tokenAutomaton`'s, which matches there exactly when the full
  /// automaton does). Most tokens are settled by the phrase-start pairs, without the DFA.
  static func hasPhrase(_ t: UnsafeRawBufferPointer, _ start: Int, _ end: Int, tables: PhraseTables) -> Bool {
    // No pair of the token starts a phrase: no rule reads it.
    if !Rules.tokenPhraseStarts.mayMatch(t, start, end) { return false }
    // The phrase DFA over " token " from its start state: any output means a rule reads it.
    var state = 0
    var k = start &- 1
    while k <= end {
      let b = k < start || k == end ? 0x20 : ByteKinds.lower(t[k])
      let next = tables.next(state, Int(tables.classes[Int(b)]))
      if next & PhraseTables.outputFlag != 0 { return true }
      state = Int(next & PhraseTables.stateMask)
      k &+= 1
    }
    return false
  }
}

/// The byte pairs that begin a phrase that fits inside a token (`PhraseRule.fitsInToken`),
/// as a 16,384-bit map (2 KB, both bytes printable ASCII), and the one-byte phrases.
///
/// A phrase occurs in ` token ` only where its first two bytes do, so a token none of whose
/// pairs (with the spaces around it) is in the map, and none of whose bytes is a one-byte
/// phrase, matches no phrase: `ReplyMask.isOpaque` then skips the phrase DFA. The pairs are
/// read independently of each other, where the DFA waits for each state before the next.
struct TokenPhraseStarts: @unchecked Sendable {
  /// Bit `a << 7 | b` set when some phrase starts with bytes `a b`; 256 words.
  let pairs: UnsafeMutablePointer<UInt64>
  /// Bit `b` (two words) set when `b` alone is a phrase.
  let singles: (UInt64, UInt64)

  init(rules: [PhraseRule]) {
    // Safe because: 256 words are allocated and all written before the map is published;
    // it lives for the whole process (a `static let` in `Rules`) and is never written again.
    pairs = .allocate(capacity: 256)
    pairs.initialize(repeating: 0, count: 256)
    var singles: (UInt64, UInt64) = (0, 0)
    for rule in rules {
      let bytes = Array(rule.phrase.utf8)
      if bytes.count == 1 {
        let b = bytes[0] & 0x7F
        if b < 64 { singles.0 |= 1 << UInt64(b) } else { singles.1 |= 1 << UInt64(b - 64) }
      } else if bytes.count >= 2 {
        let index = Int(bytes[0] & 0x7F) << 7 | Int(bytes[1] & 0x7F)
        pairs[index >> 6] |= 1 << UInt64(index & 63)
      }
    }
    self.singles = singles
  }

  /// Whether some phrase may start in ` t[start..<end] ` (the token with a space either
  /// side, lower-cased as the DFA reads it); false only when none can.
  @inline(__always)
  func mayMatch(_ t: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
    var previous: UInt8 = 0x20
    var found: UInt64 = 0
    var single: UInt64 = 0
    var k = start
    while k < end {
      let b = ByteKinds.lower(t[k]) & 0x7F
      let index = Int(previous) << 7 | Int(b)
      found |= pairs[index >> 6] >> UInt64(index & 63)
      single |= b < 64 ? singles.0 >> UInt64(b) : singles.1 >> UInt64(b &- 64)
      previous = b
      k &+= 1
    }
    let index = Int(previous) << 7 | 0x20
    found |= pairs[index >> 6] >> UInt64(index & 63)
    single |= singles.0 >> 0x20
    return (found | single) & 1 != 0
  }
}
