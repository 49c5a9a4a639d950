import Glibc

/// Docker's `json-file` log driver (`/var/lib/docker/containers/ID/ID-json.log`) writes each line
/// a container printed as one JSON object: `{"log":"Sep 12 10:09:42 mx postfix/smtp[1]: ...\n",
/// "stream":"stdout","time":"2023-09-12T08:09:42.1Z"}`, with `<`, `>` and `&` escaped as
/// `\u003c`, `\u003e`, `\u0026`. This turns such lines back into the lines the container wrote,
/// in place, so every reader downstream sees an ordinary log.
///
/// A decoded line is never longer than its JSON form, so the work is done inside the chunk: bytes
/// are only moved towards its start. A line that is not such an object is kept as it is.
public enum DockerJSONLines {
  /// How a line of the driver starts.
  static let prefix: StaticString = #"{"log":""#
  static let prefixLength = prefix.utf8CodeUnitCount

  /// True when `bytes` starts with the driver's `{"log":"`.
  /// - Complexity: O(1).
  public static func starts(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count >= prefixLength else { return false }
    let p = prefix.utf8Start
    for i in 0..<prefixLength where bytes[i] != p[i] { return false }
    return true
  }

  /// Decodes every line of `count` bytes at `base` that is a driver object into the line it
  /// carries (its `log` string unescaped, without the string's final `\n`), keeping the lines'
  /// newlines; returns the new byte count.
  /// - Complexity: O(count); no allocation.
  public static func decodeInPlace(_ base: UnsafeMutableRawPointer, count: Int) -> Int {
    LineRewriter.rewrite(base, count: count) { line, out in
      guard starts(line) else { return nil }
      // Safe because: decoding writes at most as many bytes as it reads, from `out`, which is
      // at or before the line's start, so it never overtakes the bytes still to be read.
      return decodeLine(line, from: prefixLength, into: out, start: 0)
    }
  }

  /// One line (no newline) decoded when it is a driver object, else as it is: for the lines
  /// `InputProbe` dates an input by.
  public static func decoded(_ line: [UInt8]) -> [UInt8] {
    LineRewriter.decoded(line, starts: starts, decodeInPlace: decodeInPlace)
  }

  /// Unescapes the JSON string that starts at `i` in `line` into `out` (at most as many bytes
  /// as it reads, so `out` may trail `line` in the same buffer); returns `start` plus the bytes
  /// written. A decoded line break becomes a space (one input line stays one line), the final
  /// `\n` is dropped, and an unknown or cut escape is copied as it stands.
  static func decodeLine(
    _ line: UnsafeRawBufferPointer, from i: Int, into out: UnsafeMutableRawPointer, start: Int
  ) -> Int {
    var r = i
    var w = 0
    let n = line.count
    // Safe because: each store writes at `w`, and `w` never passes `r` (every escape writes
    // fewer bytes than it reads), so `out + w` stays at or before `line[r]` inside the chunk.
    func put(_ b: UInt8) {
      out.storeBytes(of: b, toByteOffset: w, as: UInt8.self)
      w += 1
    }
    while r < n {
      let c = line[r]
      if c == UInt8(ascii: "\"") { break }
      guard c == UInt8(ascii: "\\"), r + 1 < n else {
        put(c)
        r += 1
        continue
      }
      let e = line[r + 1]
      switch e {
      case UInt8(ascii: "n"), UInt8(ascii: "r"):
        // The final `\n` ends the line; one inside it must not split it.
        let last = r + 2 < n && line[r + 2] == UInt8(ascii: "\"")
        if !last { put(0x20) }
        r += 2
      case UInt8(ascii: "t"): put(0x09); r += 2
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): put(e); r += 2
      case UInt8(ascii: "b"), UInt8(ascii: "f"): put(0x20); r += 2
      case UInt8(ascii: "u"):
        guard let unit = hex4(line, r + 2) else {
          put(c)
          r += 1
          continue
        }
        var scalar = UInt32(unit)
        var used = 6
        if unit & 0xFC00 == 0xD800, r + 12 <= n, line[r + 6] == UInt8(ascii: "\\"),
          line[r + 7] == UInt8(ascii: "u"), let low = hex4(line, r + 8), low & 0xFC00 == 0xDC00
        {
          scalar = 0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(low) & 0x3FF)
          used = 12
        }
        // UTF-8: at most 3 bytes for 6 read, 4 for 12.
        if scalar < 0x80 {
          put(UInt8(scalar))
        } else if scalar < 0x800 {
          put(UInt8(0xC0 | scalar >> 6))
          put(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
          put(UInt8(0xE0 | scalar >> 12))
          put(UInt8(0x80 | scalar >> 6 & 0x3F))
          put(UInt8(0x80 | scalar & 0x3F))
        } else {
          put(UInt8(0xF0 | scalar >> 18))
          put(UInt8(0x80 | scalar >> 12 & 0x3F))
          put(UInt8(0x80 | scalar >> 6 & 0x3F))
          put(UInt8(0x80 | scalar & 0x3F))
        }
        r += used
      default:
        put(c)
        r += 1
      }
    }
    return start + w
  }

  /// The four hex digits at `i`, or nil.
  static func hex4(_ b: UnsafeRawBufferPointer, _ i: Int) -> UInt16? {
    guard i + 4 <= b.count else { return nil }
    var v: UInt16 = 0
    for k in i..<(i + 4) {
      let c = b[k]
      let d: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
      default: return nil
      }
      v = v << 4 | UInt16(d)
    }
    return v
  }
}
