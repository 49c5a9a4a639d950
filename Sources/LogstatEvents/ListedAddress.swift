/// Finds the IP address a blocklist reply names (`Client host [192.0.2.25] blocked using ...`).
public enum ListedAddress {
  /// The first IPv4 address, or bracketed IPv6 address, in `text` that is not the receiving
  /// server's: not `except` (the relay IP) and not written as `host[ip]` (how Postfix names
  /// the server it talked to). Nil when there is none.
  public static func find(
    // Safe because: an empty buffer (nil base, count 0) is never read.
    in text: UnsafeRawBufferPointer, except relay: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
  ) -> String? {
    range(in: text, except: relay).map { String(decoding: UnsafeRawBufferPointer(rebasing: text[$0]), as: UTF8.self) }
  }

  /// Where in `text` the address `find` returns is, or nil.
  static func range(
    // Safe because: an empty buffer (nil base, count 0) is never read.
    in text: UnsafeRawBufferPointer, except relay: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)
  ) -> Range<Int>? {
    var i = 0
    while i < text.count {
      let c = text[i]
      var found: Range<Int>?
      if isDigit(c), i == 0 || !isAddressByte(text[i - 1]) {
        if let end = ipv4End(text, from: i) { found = i..<end }
      } else if c == UInt8(ascii: "["), let end = ipv6End(text, from: i + 1) {
        found = (i + 1)..<end
      }
      if let r = found {
        // Safe because: `r` was found inside `text`, and the slice is bounds-checked.
        let bytes = UnsafeRawBufferPointer(rebasing: text[r])
        let afterHost = r.lowerBound >= 2 && text[r.lowerBound - 1] == UInt8(ascii: "[")
          && text[r.lowerBound - 2] != UInt8(ascii: " ")
        if !afterHost, !bytes.elementsEqual(relay) { return r }
        i = r.upperBound
        continue
      }
      i += 1
    }
    return nil
  }

  /// End of a dotted quad starting at `i` (four numbers 0...255, not followed by more address).
  static func ipv4End(_ t: UnsafeRawBufferPointer, from i: Int) -> Int? {
    var p = i
    for part in 0..<4 {
      var value = 0
      var digits = 0
      while p < t.count, isDigit(t[p]), digits < 3 {
        value = value * 10 + Int(t[p] &- UInt8(ascii: "0"))
        digits += 1
        p += 1
      }
      guard digits > 0, value <= 255 else { return nil }
      if part < 3 {
        guard p < t.count, t[p] == UInt8(ascii: ".") else { return nil }
        p += 1
      }
    }
    if p < t.count, isDigit(t[p]) || (t[p] == UInt8(ascii: ".") && p + 1 < t.count && isDigit(t[p + 1])) {
      return nil
    }
    return p
  }

  /// End of an IPv6 address inside brackets starting at `i` (the `]`), or nil.
  static func ipv6End(_ t: UnsafeRawBufferPointer, from i: Int) -> Int? {
    var p = i
    var colons = 0
    while p < t.count, p - i <= 45 {
      let c = t[p]
      if c == UInt8(ascii: "]") { return colons >= 2 && p > i ? p : nil }
      if c == UInt8(ascii: ":") {
        colons += 1
      } else if !isHex(c) && c != UInt8(ascii: ".") {
        return nil
      }
      p += 1
    }
    return nil
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }
  @inline(__always) static func isHex(_ c: UInt8) -> Bool {
    isDigit(c) || (c | 0x20) &- UInt8(ascii: "a") < 6
  }
  @inline(__always) static func isAddressByte(_ c: UInt8) -> Bool {
    isDigit(c) || c == UInt8(ascii: ".") || (c | 0x20) &- UInt8(ascii: "a") < 26
  }
}
