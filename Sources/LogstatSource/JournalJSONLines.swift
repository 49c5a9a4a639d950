import Glibc

/// `journalctl -o json` writes each journal entry as one JSON object:
/// `{"__CURSOR":"s=...","__REALTIME_TIMESTAMP":"1694506182123456",...,"_HOSTNAME":"mx",
/// "SYSLOG_IDENTIFIER":"postfix/smtp","_PID":"3137","MESSAGE":"4D1B2C3A4F: to=<...>, ..."}`, its
/// fields in no fixed order. This turns such an entry back into the line a syslog daemon would
/// have written, in `journalctl -o short-unix` form (`1694506182.123456 mx postfix/smtp[3137]:
/// 4D1B2C3A4F: ...`), in place, so every reader downstream sees an ordinary log.
///
/// The line made is never longer than the entry (it holds fewer bytes of each field than the
/// entry does, and no keys), so the work is done inside the chunk. An entry without a time or a
/// message (a binary `MESSAGE` is an array of numbers), and a line that is no entry, is kept as
/// it is, and reads as not mail.
public enum JournalJSONLines {
  /// How an entry starts: `journalctl -o json` puts the cursor first; with `--output-fields`
  /// the time comes first.
  static let prefixes: [StaticString] = [#"{"__CURSOR":""#, #"{"__REALTIME_TIMESTAMP":""#]

  /// True when `bytes` starts like an entry.
  /// - Complexity: O(1).
  public static func starts(_ bytes: UnsafeRawBufferPointer) -> Bool {
    prefixes.contains { has($0, in: bytes, at: 0) }
  }

  /// True when `text` is in `bytes` at `i`.
  static func has(_ text: StaticString, in bytes: UnsafeRawBufferPointer, at i: Int) -> Bool {
    let n = text.utf8CodeUnitCount
    guard i >= 0, i + n <= bytes.count else { return false }
    let p = text.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { return false }
    return true
  }

  /// The index after `"KEY":"` in `line` (the start of the key's string value), or nil. A key
  /// cannot appear inside a string value: its quotes would be escaped there.
  static func value(of key: StaticString, in line: UnsafeRawBufferPointer) -> Int? {
    let n = key.utf8CodeUnitCount
    guard n > 0, line.count >= n, let base = line.baseAddress else { return nil }
    let first = key.utf8Start[0]
    var i = 0
    while i + n <= line.count {
      // Safe because: `i + n <= line.count`, so memchr reads inside the line.
      guard let hit = memchr(base + i, Int32(first), line.count - i - n + 1) else { return nil }
      let at = base.distance(to: hit)
      if has(key, in: line, at: at) { return at + n }
      i = at + 1
    }
    return nil
  }

  /// The end of the plain (unescaped) string value that starts at `i`: the closing quote's
  /// index, or nil when the value holds escapes or is cut (then it is not a name or a number).
  static func plainEnd(_ line: UnsafeRawBufferPointer, from i: Int) -> Int? {
    var k = i
    while k < line.count {
      let c = line[k]
      if c == UInt8(ascii: "\"") { return k }
      if c == UInt8(ascii: "\\") { return nil }
      k += 1
    }
    return nil
  }

  /// Decodes every entry among the lines of `count` bytes at `base` into its syslog line,
  /// keeping the lines' newlines; returns the new byte count.
  /// - Complexity: O(count); one scratch buffer per call, grown to the longest entry.
  public static func decodeInPlace(_ base: UnsafeMutableRawPointer, count: Int) -> Int {
    var scratch: UnsafeMutableRawPointer? = nil
    var scratchSize = 0
    // Safe because: the scratch is this call's own, freed once here after the last line.
    defer { scratch?.deallocate() }
    return LineRewriter.rewrite(base, count: count) { line, out in
      guard starts(line) else { return nil }
      if scratchSize < line.count {
        scratch?.deallocate()
        scratchSize = Swift.max(line.count, 2 * scratchSize)
        // Safe because: freed by the `defer` above or when grown again here.
        scratch = .allocate(byteCount: scratchSize, alignment: 1)
      }
      let made = entryLine(line, into: scratch!)
      guard made >= 0 else { return nil }
      // Safe because: `made <= line.count` (see `entryLine`) and `out` is at or before the
      // line's start, so the copy lands before the bytes still to be read.
      memcpy(out, scratch!, made)
      return made
    }
  }

  /// Writes the syslog line of the entry `line` to `out` (which holds `line.count` bytes);
  /// returns its length, at most `line.count`, or -1 when the entry has no usable time or
  /// message.
  static func entryLine(_ line: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer) -> Int {
    guard let t = value(of: #""__REALTIME_TIMESTAMP":""#, in: line), let tEnd = plainEnd(line, from: t),
      tEnd - t >= 7, tEnd - t <= 19, (t..<tEnd).allSatisfy({ line[$0] &- UInt8(ascii: "0") < 10 }),
      let message = value(of: #""MESSAGE":""#, in: line)
    else { return -1 }
    var w = 0
    // Safe because: every piece copied is a part of `line`, the pieces never overlap (a value
    // ends at its first unescaped quote, and every key starts with one), and with the separators
    // they add up to fewer bytes than `line` holds (each field's key and quotes are longer than
    // the separator written for it), so `w` stays below `line.count`, the size of `out`.
    func copy(_ from: Int, _ to: Int) {
      memcpy(out + w, line.baseAddress! + from, to - from)
      w += to - from
    }
    // Safe because: as for `copy`, `w` stays below `line.count`.
    func put(_ b: UInt8) {
      out.storeBytes(of: b, toByteOffset: w, as: UInt8.self)
      w += 1
    }
    // Microseconds since the epoch: SECONDS.MICROS.
    copy(t, tEnd - 6)
    put(UInt8(ascii: "."))
    copy(tEnd - 6, tEnd)
    put(0x20)
    if let h = value(of: #""_HOSTNAME":""#, in: line), let hEnd = plainEnd(line, from: h), hEnd > h {
      copy(h, hEnd)
      put(0x20)
    }
    if let s = value(of: #""SYSLOG_IDENTIFIER":""#, in: line), let sEnd = plainEnd(line, from: s), sEnd > s {
      copy(s, sEnd)
      let pid = value(of: #""_PID":""#, in: line) ?? value(of: #""SYSLOG_PID":""#, in: line)
      if let p = pid, let pEnd = plainEnd(line, from: p), pEnd > p {
        put(UInt8(ascii: "["))
        copy(p, pEnd)
        put(UInt8(ascii: "]"))
      }
      put(UInt8(ascii: ":"))
      put(0x20)
    }
    // Safe because: the message's decoded bytes are at most its escaped bytes (see
    // `DockerJSONLines.decodeLine`), which lie inside `line` after `w`'s worth of other fields.
    let rest = UnsafeRawBufferPointer(rebasing: line[message...])
    return DockerJSONLines.decodeLine(rest, from: 0, into: out + w, start: w)
  }

  /// One line (no newline) decoded when it is an entry, else as it is: for the lines
  /// `InputProbe` dates an input by.
  public static func decoded(_ line: [UInt8]) -> [UInt8] {
    LineRewriter.decoded(line, starts: starts, decodeInPlace: decodeInPlace)
  }
}
