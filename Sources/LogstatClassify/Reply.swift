/// The codes found in one reply text, and its normalised form for matching.
///
/// Normalisation joins multi-line replies (`550-5.7.1 a 550-5.7.1 b 550 5.7.1 c` becomes
/// ` a b c `), drops reply-code prefixes, turns Exim's escaped `\n` and all control bytes into
/// spaces, collapses whitespace and lower-cases ASCII. The result always starts and ends
/// with one space, so a rule can ask for a word start with a leading space.
public struct Reply: Sendable, Equatable {
  /// The basic SMTP reply code (e.g. 550), if the text carries one.
  public var basicCode: UInt16?
  /// The first enhanced status code in the text (`5.1.1`, also `#5.1.1` or `550-5.1.1`).
  public var enhancedCode: EnhancedCode?

  /// Makes a reply from already known codes.
  public init(basicCode: UInt16? = nil, enhancedCode: EnhancedCode? = nil) {
    self.basicCode = basicCode
    self.enhancedCode = enhancedCode
  }

  /// Finds the codes in `text` and writes its normalised form into `buffer`.
  ///
  /// - Complexity: O(n); allocates only when `buffer` must grow past its largest text so far.
  public static func parse(_ text: UnsafeRawBufferPointer, into buffer: ReplyBuffer) -> Reply {
    buffer.reserve(text.count + 2)
    let out = buffer.storage
    let n = lowerAndCollapse(text, into: out)
    var reply = Reply()
    buffer.count = stripCodes(out, count: n, reply: &reply)
    return reply
  }

  /// Convenience for tests and the command line: the codes and the normalised text.
  public static func parse(_ text: String) -> (reply: Reply, normalized: String) {
    let buffer = ReplyBuffer()
    var text = text
    let reply = text.withUTF8 { parse(UnsafeRawBufferPointer($0), into: buffer) }
    return (reply, buffer.string)
  }
}

/// A reusable byte buffer that holds one normalised reply; owned by one worker.
public final class ReplyBuffer {
  @usableFromInline var storage: UnsafeMutablePointer<UInt8>
  @usableFromInline var capacity: Int
  /// Number of valid bytes in the buffer.
  public internal(set) var count: Int = 0

  /// Makes an empty buffer with room for typical replies.
  public init(capacity: Int = 1024) {
    self.capacity = capacity
    self.storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  /// The normalised bytes; valid until the next `Reply.parse` into this buffer.
  public var bytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: storage, count: count)
  }

  /// The normalised text as a String (for tests and explanations only).
  public var string: String {
    String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
  }

  func reserve(_ needed: Int) {
    guard needed > capacity else { return }
    storage.deallocate()
    capacity = max(needed, capacity * 2)
    storage = .allocate(capacity: capacity)
  }
}

@available(*, unavailable)
extension ReplyBuffer: Sendable {}

extension Reply {
  /// Pass 1: lower-case, map control bytes and escaped `\n` `\r` `\t` to one space.
  /// Writes ' ' + text + ' ' and returns the length; needs `text.count + 2` bytes.
  static func lowerAndCollapse(_ text: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    let count = text.count
    out[0] = 0x20
    var n = 1
    var i = 0
    var pendingSpace = false
    while i < count {
      let b = text[i]
      if b <= 0x20 || b == 0x7F {
        pendingSpace = true
        i &+= 1
        continue
      }
      if b == UInt8(ascii: "\\"), i &+ 1 < count {
        let c = text[i &+ 1]
        if c == UInt8(ascii: "n") || c == UInt8(ascii: "r") || c == UInt8(ascii: "t") {
          pendingSpace = true
          i &+= 2
          continue
        }
      }
      // n >= 1 here and out[n-1] is written, so the look-back is in bounds.
      if pendingSpace, out[n &- 1] != 0x20 {
        out[n] = 0x20
        n &+= 1
      }
      pendingSpace = false
      out[n] = (b &- 65) < 26 ? b | 0x20 : b
      n &+= 1
      i &+= 1
    }
    if out[n &- 1] != 0x20 {
      out[n] = 0x20
      n &+= 1
    }
    return n
  }

  /// Reply code `[245][0-5][0-9]` at `p`, as a number, or nil.
  @inline(__always)
  static func replyCode(_ buf: UnsafeMutablePointer<UInt8>, at p: Int, end: Int) -> UInt16? {
    guard p &+ 3 <= end else { return nil }
    let a = buf[p] &- 48
    let b = buf[p &+ 1] &- 48
    let c = buf[p &+ 2] &- 48
    guard a == 2 || a == 4 || a == 5, b <= 5, c <= 9 else { return nil }
    return UInt16(a) * 100 + UInt16(b) * 10 + UInt16(c)
  }

  /// An enhanced code starting at `p` and ending at a token end (space) or before `)`/`]`/`;`...
  /// Rejects the start of IPv4 addresses and dotted version numbers.
  @inline(__always)
  static func enhancedCode(_ buf: UnsafeMutablePointer<UInt8>, at p: Int, end: Int)
    -> (EnhancedCode, Int)?
  {
    let raw = UnsafeRawBufferPointer(start: buf, count: end)
    guard let (code, length) = EnhancedCode.scan(raw, from: p) else { return nil }
    let q = p &+ length
    if q < end, buf[q] == UInt8(ascii: "."), q &+ 1 < end, buf[q &+ 1] &- 48 <= 9 {
      return nil  // a fourth number: an IP address or version, not a status code
    }
    return (code, length)
  }

  /// True for bytes after which an enhanced code may start inside a token.
  @inline(__always)
  static func opensCode(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "#"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "-"),
      UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="),
      UInt8(ascii: "<"), UInt8(ascii: ","), UInt8(ascii: ";"):
      true
    default: false
    }
  }

  /// Pass 2: records the codes and removes reply-code prefixes in place; returns the new length.
  static func stripCodes(_ buf: UnsafeMutablePointer<UInt8>, count n: Int, reply: inout Reply) -> Int
  {
    var r = 1
    var w = 1
    var tokenIndex = 0
    var previousEndsWithColon = false
    var skipEnhancedToken = false
    while r < n {
      var e = r
      while buf[e] != 0x20 { e &+= 1 }  // the buffer ends with a space, so this stops
      var keepFrom = r
      if skipEnhancedToken {
        skipEnhancedToken = false
        if let (code, length) = enhancedCode(buf, at: r, end: n), r &+ length == e {
          if reply.enhancedCode == nil { reply.enhancedCode = code }
          keepFrom = e
        }
      }
      if keepFrom == r, let code = replyCode(buf, at: r, end: e) {
        let after = r &+ 3
        if after == e {
          var nextIsCode = false
          if e &+ 1 < n, let (_, length) = enhancedCode(buf, at: e &+ 1, end: n),
            buf[e &+ 1 &+ length] == 0x20
          {
            nextIsCode = true
          }
          if tokenIndex == 0 || previousEndsWithColon || nextIsCode || reply.basicCode == code {
            if reply.basicCode == nil { reply.basicCode = code }
            keepFrom = e
            skipEnhancedToken = nextIsCode
          }
        } else if buf[after] == UInt8(ascii: "-") {
          if reply.basicCode == nil { reply.basicCode = code }
          keepFrom = after &+ 1
          if let (enhanced, length) = enhancedCode(buf, at: keepFrom, end: n),
            keepFrom &+ length == e
          {
            if reply.enhancedCode == nil { reply.enhancedCode = enhanced }
            keepFrom = e
          }
        }
      }
      if reply.enhancedCode == nil, keepFrom < e {
        var p = keepFrom
        while p < e {
          let b = buf[p]
          if (b == 0x32 || b == 0x34 || b == 0x35), p == keepFrom || opensCode(buf[p &- 1]),
            let (code, _) = enhancedCode(buf, at: p, end: n)
          {
            reply.enhancedCode = code
            break
          }
          p &+= 1
        }
      }
      if keepFrom < e {
        // w <= keepFrom always holds: we only ever drop bytes, so the copy moves left.
        let length = e &- keepFrom
        if w != keepFrom {
          var k = 0
          while k < length {  // forward byte copy is safe because w < keepFrom
            buf[w &+ k] = buf[keepFrom &+ k]
            k &+= 1
          }
        }
        w &+= length
        buf[w] = 0x20
        w &+= 1
        previousEndsWithColon = buf[e &- 1] == UInt8(ascii: ":")
      } else {
        previousEndsWithColon = false
      }
      tokenIndex &+= 1
      r = e &+ 1
    }
    return w
  }
}
