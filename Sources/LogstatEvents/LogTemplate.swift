/// Blanks what varies between lines of one kind of message: numbers, IP addresses, host
/// names given as `host[ip]`, addresses in `<...>`, queue IDs (tokens mixing digits and
/// letters) — so `pid 1332 exit status 1` and `pid 977 exit status 1` are one group.
enum LogTemplate {
  static func write(_ text: UnsafeRawBufferPointer, limit: Int, _ put: (UInt8) -> Void) {
    var i = 0
    var written = 0
    let hash = UInt8(ascii: "#")
    while i < text.count, written < limit {
      let c = text[i]
      if c == UInt8(ascii: "<") {
        // <address> -> <#>
        var j = i + 1
        while j < text.count, text[j] != UInt8(ascii: ">"), text[j] != UInt8(ascii: " ") { j += 1 }
        if j < text.count, text[j] == UInt8(ascii: ">") {
          put(c); put(hash); put(UInt8(ascii: ">"))
          written += 3
          i = j + 1
          continue
        }
      }
      if isWordByte(c) {
        // A token of letters, digits and .-_ : blanked when it holds a digit or a bracket follows.
        var j = i
        var digit = false
        while j < text.count, isWordByte(text[j]) {
          if text[j] &- UInt8(ascii: "0") < 10 { digit = true }
          j += 1
        }
        if j < text.count, text[j] == UInt8(ascii: "[") {
          // host[ip] -> #[#]
          var k = j + 1
          while k < text.count, text[k] != UInt8(ascii: "]") { k += 1 }
          put(hash); put(UInt8(ascii: "[")); put(hash); put(UInt8(ascii: "]"))
          written += 4
          i = Swift.min(text.count, k + 1)
          continue
        }
        if digit {
          put(hash)
          written += 1
        } else {
          for k in i..<j { put(text[k]) }
          written += j - i
        }
        i = j
        continue
      }
      if c == UInt8(ascii: "[") {
        var k = i + 1
        while k < text.count, text[k] != UInt8(ascii: "]") { k += 1 }
        put(UInt8(ascii: "[")); put(hash); put(UInt8(ascii: "]"))
        written += 3
        i = Swift.min(text.count, k + 1)
        continue
      }
      put(c)
      written += 1
      i += 1
    }
  }

  @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
    let lower = c | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || c &- UInt8(ascii: "0") < 10
      || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":")
  }
}
