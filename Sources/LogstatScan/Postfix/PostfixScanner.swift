import LogstatCodes
import LogstatKinds

/// Reads the body of a Postfix line (after `program[pid]: `) into a `ScannedLine`.
///
/// Safe because (every `UnsafeRawBufferPointer` read here): the buffer is the caller's line,
/// valid for the call; every index is checked against `b.count` (or found by a search bounded
/// by it) before it is read, and offsets past a literal come from the literal's own length.
enum PostfixScanner {
  static func scan(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine) {
    line.kind = .skipped
    // Classified by the header from the same tag (`ScannedLine.postfixDaemon`).
    let daemon = line.postfixDaemon
    // "NOQUEUE: " or a queue ID followed by ": ".
    let rest: Int
    if let body = b.after("NOQUEUE: ", at: start) {
      rest = body
    } else {
      // A queue ID has a digit or a capital letter; `warning:`, `fatal:`, `error:` have none.
      let (j, idLike) = alnumRun(b, start)
      guard idLike, j - start >= 5, j + 1 < b.count, b[j] == Ch.colon, b[j + 1] == Ch.space else {
        scanUnqueued(b, start, daemon, into: &line)
        return
      }
      line.queueID = Span(start, j)
      rest = j + ": ".utf8.count
    }
    switch daemon {
    case .delivery:
      if b.matches("to=<", at: rest) { scanDelivery(b, rest, into: &line) }
    case .qmgr:
      scanQmgr(b, rest, into: &line)
    case .smtpd, .postscreen:
      if let text = b.after("reject: ", at: rest) {
        scanSmtpdReject(b, text, into: &line)
      } else if let text = b.after("milter-reject: ", at: rest) {
        scanSmtpdReject(b, text, into: &line)
      } else if b.matches("client=", at: rest), !line.queueID.isEmpty {
        line.kind = .messageEntered
      } else {
        scanActions(b, rest, into: &line)
      }
    case .pickup:
      if !line.queueID.isEmpty, b.matches("uid=", at: rest) || b.matches("sender=", at: rest) {
        line.kind = .messageEntered
      }
    case .cleanup:
      if b.matches("message-id=", at: rest) {
        if !line.queueID.isEmpty { line.kind = .messageCreated }
      } else if let text = b.after("reject: ", at: rest) {
        scanCleanupReject(b, text, into: &line)
      } else if let text = b.after("milter-reject: ", at: rest) {
        scanSmtpdReject(b, text, into: &line)
      } else {
        scanActions(b, rest, into: &line)
      }
    case .bounce:
      scanBounce(b, rest, into: &line)
    case .postsuper:
      if !line.queueID.isEmpty, b.after("removed", at: rest) == b.count {
        line.kind = .event
        line.event = .adminRemoved
      }
    case .other:
      return
    }
  }

  /// The end of the run of ASCII letters and digits at `start`, and whether the run holds a
  /// digit or a capital letter: eight bytes a step (a queue ID is 10 to 17 of them, on
  /// nearly every line; a byte at a time cost 20 instructions a byte).
  @inline(__always)
  static func alnumRun(_ b: UnsafeRawBufferPointer, _ start: Int) -> (end: Int, idLike: Bool) {
    var j = start
    var idLike = false
    if let base = b.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      // Bytes `lo...hi` (ASCII) of a word whose high bits are clear: the high bit of each.
      // No byte sum passes 0xFF, so nothing carries into the next byte.
      @inline(__always) func range(_ x: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        (x &+ ones &* UInt64(0x80 &- lo)) & ~(x &+ ones &* UInt64(0x7F &- hi)) & highs
      }
      while j &+ 8 <= b.count {
        // Safe because: j + 8 <= b.count, so the eight-byte load lies in the line.
        let raw = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
        let ascii = ~raw & highs
        let x = raw & ~highs
        let digits = range(x, Ch.zero, Ch.nine) & ascii
        let capitals = range(x, UInt8(ascii: "A"), UInt8(ascii: "Z")) & ascii
        let letters = range(x | ones &* 0x20, UInt8(ascii: "a"), UInt8(ascii: "z")) & ascii
        let stops = ~(digits | letters) & highs
        if stops != 0 {
          // The first stop's high bit is bit 8k + 7: the bits below it are bytes 0..<k.
          let n = stops.trailingZeroBitCount
          let before = (UInt64(1) << UInt64(n)) &- 1
          return (j &+ n &>> 3, idLike || (digits | capitals) & before != 0)
        }
        idLike = idLike || (digits | capitals) != 0
        j &+= 8
      }
    }
    while b.isAlnum(j) {
      idLike = idLike || b[j] &- Ch.zero < 10 || b[j] &- UInt8(ascii: "A") < 26
      j &+= 1
    }
    return (j, idLike)
  }

  /// `to=<a@b>, orig_to=<c@d>, relay=h[ip]:25, delay=1.2, delays=..., dsn=5.1.1, status=bounced (text)`.
  static func scanDelivery(_ b: UnsafeRawBufferPointer, _ start: Int, into line: inout ScannedLine)
  {
    guard let (recipient, afterTo) = angleAddress(b, start + "to=".utf8.count) else { return }
    line.recipient = recipient
    var i = afterTo
    while i + 2 < b.count, b[i] == Ch.comma, b[i + 1] == Ch.space {
      let key = i + ", ".utf8.count
      // The keys of every delivery line, told by their first byte and their bytes with the
      // `=` (one word compare instead of searching for the `=` and comparing the key); each
      // does what the general step below does for it.
      switch b[key] {
      case UInt8(ascii: "r"):
        if let value = b.after("relay=", at: key) {
          let end = b.find(Ch.comma, from: value) ?? b.count
          readRelay(b, Span(value, end), into: &line)
          i = end
          continue
        }
      case UInt8(ascii: "d"):
        if let value = b.after("delay=", at: key) {
          let (millis, end) = delayValue(b, value)
          noteDelay(millis, into: &line)
          i = end
          continue
        }
        if let value = b.after("delays=", at: key) {
          i = b.find(Ch.comma, from: value) ?? b.count
          continue
        }
        if let value = b.after("dsn=", at: key) {
          // The common `2.0.0,`: a code of five bytes holds no comma, so the value ends there.
          let short = value &+ SMTPCodeParser.shortestEnhancedLength
          if short < b.count, b[short] == Ch.comma,
            let (packed, _) = SMTPCodeParser.enhanced(b, at: value, end: short)
          {
            line.dsn = Span(value, short)
            line.fieldDSN = packed
            i = short
            continue
          }
          let end = b.find(Ch.comma, from: value) ?? b.count
          line.dsn = Span(value, end)
          line.fieldDSN = SMTPCodeParser.wholeEnhanced(b, from: value, to: end)
          i = end
          continue
        }
      case UInt8(ascii: "s"):
        if let value = b.after("status=", at: key) {
          readStatus(b, value, into: &line)
          return
        }
      default:
        break
      }
      guard let eq = b.find(Ch.equals, from: key, to: Swift.min(b.count, key + 16)) else { return }
      let value = eq + 1
      switch eq - key {
      case 7 where b.matches("orig_to", at: key):
        guard let (orig, end) = angleAddress(b, value) else { return }
        line.originalRecipient = orig
        i = end
        continue
      case 6 where b.matches("status", at: key):
        readStatus(b, value, into: &line)
        return
      default:
        break
      }
      let end = b.find(Ch.comma, from: value) ?? b.count
      let v = Span(value, end)
      switch eq - key {
      case 5 where b.matches("relay", at: key):
        readRelay(b, v, into: &line)
      case 5 where b.matches("delay", at: key):
        readDelay(b, v, into: &line)
      case 3 where b.matches("dsn", at: key):
        line.dsn = v
        line.fieldDSN = SMTPCodeParser.wholeEnhanced(b, from: v.start, to: v.end)
      default:
        break
      }
      i = end
    }
  }

  /// `delay=1.23`: the delay in milliseconds; a value out of any real range is damage.
  @inline(__always)
  static func readDelay(_ b: UnsafeRawBufferPointer, _ v: Span, into line: inout ScannedLine) {
    noteDelay(decimalMillis(b, v), into: &line)
  }

  /// Sets the delay read by `decimalMillis` (or `delayValue`); one out of any real range is damage.
  @inline(__always)
  static func noteDelay(_ millis: Int, into line: inout ScannedLine) {
    line.delayMillis = millis
    if millis > ScannedLine.largestNumber {
      line.delayMillis = -1
      line.damaged = true
    }
  }

  /// The `delay=` value at `value`: its milliseconds, as `decimalMillis` reads the value, and
  /// its end, the first comma from `value` (or the line's end). A value of digits, `.` and
  /// digits with the comma right after (every delay Postfix writes) is read in the one pass
  /// that finds its end (a digit loop, then `decimalMillis` reading it again, took about 110
  /// instructions); any other value is found and read the general way.
  @inline(__always)
  static func delayValue(_ b: UnsafeRawBufferPointer, _ value: Int) -> (millis: Int, end: Int) {
    var end = value
    var whole = 0
    while end < b.count {
      let d = b[end] &- Ch.zero
      if d >= 10 { break }
      // Saturating, as `number(at:)` reads it.
      whole = whole < Int.max / 10 ? whole &* 10 &+ Int(d) : Int.max
      end &+= 1
    }
    let wholeEnd = end
    var fraction = 0
    if end < b.count, b[end] == Ch.dot {
      end &+= 1
      // Tenths, hundredths and thousandths count; later digits only end the value.
      var digits = 0
      while end < b.count {
        let d = b[end] &- Ch.zero
        if d >= 10 { break }
        if digits < 3 {
          fraction = fraction &* 10 &+ Int(d)
          digits &+= 1
        }
        end &+= 1
      }
      // In thousandths: `.5` is 500, `.25` 250.
      if digits == 1 { fraction &*= 100 } else if digits == 2 { fraction &*= 10 }
    }
    guard end < b.count, b[end] == Ch.comma else {
      let end = b.find(Ch.comma, from: value) ?? b.count
      return (decimalMillis(b, Span(value, end)), end)
    }
    guard wholeEnd > value else { return (-1, end) }
    guard whole <= ScannedLine.largestNumber / 1000 else { return (Int.max, end) }
    return (whole &* 1000 &+ fraction, end)
  }

  /// `status=word (text)`: the text runs to the last `)` of the line; it may hold parentheses.
  static func readStatus(_ b: UnsafeRawBufferPointer, _ value: Int, into line: inout ScannedLine) {
    // The word ends at the first space or comma. The common words followed by their space are
    // told by one word compare each (the byte loop and `statusWord` took about 80 instructions);
    // any other value is read byte by byte.
    var end = value
    // `next` is past the space: the word ends at the space, one before it.
    if let next = b.after("sent ", at: value) {
      end = next &- 1
      line.status = .sent
    } else if let next = b.after("deferred ", at: value) {
      end = next &- 1
      line.status = .deferred
    } else if let next = b.after("bounced ", at: value) {
      end = next &- 1
      line.status = .bounced
    } else {
      while end < b.count, b[end] != Ch.space, b[end] != Ch.comma { end += 1 }
      line.status = statusWord(b, Span(value, end))
    }
    guard line.status != .none else { return }
    line.kind = .delivery
    if end + 1 < b.count, b[end] == Ch.space, b[end + 1] == Ch.lparen {
      let text = end + " (".utf8.count
      let close = b.findLast(Ch.rparen, from: text) ?? b.count
      line.replyText = Span(text, close)
    }
  }

  static func statusWord(_ b: UnsafeRawBufferPointer, _ s: Span) -> DeliveryStatus {
    switch s.count {
    case 4 where b.matches("sent", at: s.start): return .sent
    case 7 where b.matches("bounced", at: s.start): return .bounced
    case 7 where b.matches("expired", at: s.start): return .expired
    // postsuper -e / -f: expired by the admin, returned to sender like an expiry.
    case 13 where b.matches("force-expired", at: s.start): return .expired
    case 8 where b.matches("deferred", at: s.start): return .deferred
    case 11 where b.matches("deliverable", at: s.start): return .deliverable
    case 13 where b.matches("undeliverable", at: s.start): return .undeliverable
    default: return .none
    }
  }

  /// `host[ip]:port`, `host[ip]`, `none`, `local`, `private/dovecot-lmtp`.
  static func readRelay(_ b: UnsafeRawBufferPointer, _ v: Span, into line: inout ScannedLine) {
    if let open = b.find(Ch.lbracket, from: v.start, to: v.end),
      let close = b.find(Ch.rbracket, from: open, to: v.end)
    {
      line.relayHost = Span(v.start, open)
      line.relayIP = Span(open + 1, close)
    } else {
      line.relayHost = v
    }
  }

  /// `<address>` at `i` (which must be `<`); returns the address span and the index after `>`.
  /// The address ends at the `>` that is followed by `,`, space or the end of the line.
  static func angleAddress(_ b: UnsafeRawBufferPointer, _ i: Int) -> (Span, Int)? {
    guard i < b.count, b[i] == Ch.lt else { return nil }
    var j = i + 1
    while let gt = b.find(Ch.gt, from: j) {
      let next = gt + 1
      if next == b.count || b[next] == Ch.comma || b[next] == Ch.space || b[next] == Ch.colon
        || b[next] == Ch.semicolon
      {
        return (Span(i + 1, gt), next)
      }
      j = next
    }
    return nil
  }

  /// `1.23` seconds -> 1230 milliseconds; `-1` when not a number; `Int.max` when too large
  /// for any real delay (more than `ScannedLine.largestNumber` milliseconds).
  static func decimalMillis(_ b: UnsafeRawBufferPointer, _ v: Span) -> Int {
    let (whole, end) = b.number(at: v.start)
    guard whole >= 0 else { return -1 }
    guard whole <= ScannedLine.largestNumber / 1000 else { return Int.max }
    var millis = whole * 1000
    if end < v.end, b[end] == Ch.dot {
      var scale = 100
      var k = end + 1
      while k < v.end, b.isDigit(k), scale > 0 {
        millis += Int(b[k] &- Ch.zero) * scale
        scale /= 10
        k += 1
      }
    }
    return millis
  }
}
