/// Byte-level pieces shared by both dialects: line headers, IDs, addresses, reply expansion.
extension LogGenerator {
  /// Starts a Postfix line: stamp, host, `postfix/PROGRAM[PID]: `.
  @inline(__always)
  func postfixHeader(_ program: StaticString, _ pid: Int) {
    stamp.write(now, to: out)
    // Safe because: the host name is 1...255 bytes (GenCommand.validate), so it has a base
    // address, and it is copied inside the closure.
    hostname.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
    out.text(" postfix/")
    out.text(program)
    out.byte(UInt8(ascii: "["))
    out.decimal(pid)
    out.text("]: ")
  }

  /// Starts an Exim line: stamp, then the message ID and a space.
  @inline(__always)
  func eximHeader(_ serial: UInt64, arrival: Int64) {
    stamp.write(now, to: out)
    eximID(serial, arrival: arrival)
    out.byte(UInt8(ascii: " "))
  }

  /// Ends the current line.
  @inline(__always)
  func endLine() {
    out.byte(10)
  }

  /// A Postfix queue ID, unique per serial: short (10 hex digits) or long (`enable_long_queue_ids`).
  func queueID(_ serial: UInt64, arrival: Int64) {
    if config.longQueueIDs {
      let seconds = UInt64(max(0, arrival / 1_000_000))
      base51(seconds, digits: 6)
      let low = serial % 6_765_201  // 51^4
      base51((low &* 4_000_037) % 6_765_201, digits: 4)
      out.byte(UInt8(ascii: "z"))
      // Stands for the queue file's inode; the parts before `z` already make the ID unique
      // (no second sees 51^4 new messages).
      base51(Xoshiro256.hash(serial) % 6_765_201, digits: 4)
    } else {
      // A bijection on 40 bits, so distinct serials give distinct IDs.
      let mask: UInt64 = (1 << 40) - 1
      var x = serial & mask
      x = (x &* 0x9E37_79B9_7F) & mask
      x ^= x >> 19
      x = (x &* 0xC2B2_AE3D_27) & mask
      x ^= x >> 13
      out.hexUpper(x, digits: 10)
    }
  }

  private func base51(_ value: UInt64, digits: Int) {
    var v = value
    var i = digits
    while i > 0 {
      i -= 1
      out.base[out.count + i] = LogGenerator.longIDAlphabet[Int(v % 51)]
      v /= 51
    }
    out.count += digits
  }

  /// Postfix's long queue ID alphabet: digits and consonants; `z` separates the parts.
  static let longIDAlphabet: [UInt8] = Array("0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxy".utf8)

  /// A classic Exim message ID (`1tXyZa-000Abc-De`), unique per serial.
  func eximID(_ serial: UInt64, arrival: Int64) {
    out.base62(UInt64(max(0, arrival / 1_000_000)), digits: 6)
    out.byte(UInt8(ascii: "-"))
    out.base62((serial &* 7919 &+ 1_234_567) % 56_800_235_584, digits: 6)  // 62^6
    out.byte(UInt8(ascii: "-"))
    out.base62(UInt64(arrival % 1_000_000) * 3844 / 1_000_000, digits: 2)
  }

  /// The recipient's address. `lowerDomain` writes the domain lower-cased (Exim's habit).
  func recipientAddress(_ ri: Int, lowerDomain: Bool = false) {
    let r = recipients[ri]
    localPart(r.user)
    out.byte(UInt8(ascii: "@"))
    let name = domains.domains[Int(r.domain)].name
    if r.caseStyle == 0 || lowerDomain {
      out.text(name)
    } else {
      out.mixedCase(name, style: Int(r.caseStyle) - 1)
    }
  }

  /// The envelope sender of the message in `slot` (empty for notifications).
  func senderAddress(_ slot: Int) {
    if messages[slot].origin == .notification { return }
    localPart(0x8000_0000 | messages[slot].senderLocal)
    out.byte(UInt8(ascii: "@"))
    out.text(domains.domains[Int(messages[slot].senderDomain)].name)
  }

  /// A local part: one of our senders' (bit 31 set) or a person's name derived from `user`.
  func localPart(_ user: UInt32) {
    if user & 0x8000_0000 != 0 {
      let v = Int(user & 0x7FFF_FFFF)
      if v >= 1000 {
        out.text("bounces+m")
        out.decimal(v - 1000)
      } else {
        out.text(senderLocals[v % senderLocals.count])
      }
      return
    }
    let h = Xoshiro256.hash(UInt64(user))
    let first = firstNames[Int(h % UInt64(firstNames.count))]
    let last = lastNames[Int((h >> 8) % UInt64(lastNames.count))]
    switch (h >> 16) % 10 {
    case 0, 1:
      out.text(first); out.byte(UInt8(ascii: ".")); out.text(last)
    case 2:
      out.text(first); out.text(last)
    case 3:
      out.byte(first.utf8Start[0]); out.byte(UInt8(ascii: ".")); out.text(last)
    case 4:
      out.text(first); out.byte(UInt8(ascii: "_")); out.text(last); out.decimal(Int(h >> 24 % 90) + 10)
    case 5:
      out.text(first); out.decimal(1950 + Int(h >> 24 % 60))
    case 6:
      out.text(first); out.byte(UInt8(ascii: ".")); out.text(last); out.decimal(Int(h >> 24 % 9) + 1)
    case 7:
      out.byte(first.utf8Start[0]); out.text(last)
    case 8:
      out.text(roleNames[Int(h >> 24 % UInt64(roleNames.count))])
    default:
      out.text(first)
    }
    if (h >> 40) % 50 == 0 { out.text("+news") }
  }

  /// The message-id of the message in `slot`, without angle brackets.
  func messageID(_ slot: Int) {
    let m = messages[slot]
    StampWriter.compactUTC(m.arrival, to: out)
    out.byte(UInt8(ascii: "."))
    if m.origin == .notification {
      queueID(m.serial, arrival: m.arrival)
      out.byte(UInt8(ascii: "@"))
      // Safe because: as in `postfixHeader`.
      hostname.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
      out.text(".mailout.example.net")
    } else {
      out.hexUpper(Xoshiro256.hash(m.serial), digits: 12)
      out.byte(UInt8(ascii: "@"))
      out.text(domains.domains[Int(m.senderDomain)].name)
    }
  }

  /// Writes a reply text, replacing its placeholder bytes (see `ReplyPool.markers`).
  func expand(_ text: BStr, slot: Int, ri: Int, relay: Relay) {
    let p = ByteArena.base + Int(text.offset)
    let n = Int(text.length)
    var runStart = 0
    var i = 0
    while i < n {
      let b = p[i]
      if b >= 16 {
        i += 1
        continue
      }
      if i > runStart { out.bytes(p + runStart, i - runStart) }
      switch b {
      case 1: recipientAddress(ri)
      case 2: out.text(domains.domains[Int(recipients[ri].domain)].name)
      case 3: out.text(LogGenerator.ourIP)
      case 4: providerToken()
      case 5: out.text(relay.host)
      case 6: out.decimal(Int(now / 1_000_000))
      case 7: senderAddress(slot)
      case 8: out.mixedCase(domains.domains[Int(messages[slot].senderDomain)].name, style: 0)
      case 9: StampWriter.isoUTC(now, to: out)
      case 14: out.hexUpper(rng.next(), digits: 10)
      case 15: messageID(slot)
      default: break
      }
      i += 1
      runStart = i
    }
    if n > runStart { out.bytes(p + runStart, n - runStart) }
  }

  /// A Google-style per-delivery token, e.g. `5b1f17b1804b1-4a1b2c3d4esi123456789ejb.45`.
  func providerToken() {
    let v = rng.next()
    out.hexUpper(v >> 16, digits: 12)
    lowerLastHex(12)
    out.text("si")
    out.padded(Int(v % 1_000_000_000), width: 9)
    out.text("ejb.")
    out.decimal(Int(v >> 54))
  }

  private func lowerLastHex(_ n: Int) {
    for i in (out.count - n)..<out.count where out.base[i] >= 65 { out.base[i] |= 0x20 }
  }
}
