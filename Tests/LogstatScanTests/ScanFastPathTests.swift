@testable import LogstatCodes
@testable import LogstatScan
import LogstatKinds
import Testing

/// The scanner's word-at-a-time shortcuts (`LineHeader.postfixTag`, `PostfixScanner.alnumRun`,
/// the delivery keys told by their bytes) must read exactly what the general byte-by-byte path
/// reads, on the common shapes and on the awkward ones around them.
@Suite struct ScanFastPathTests {
  /// Tags after `Nov 20 00:00:00 mx1 `, each followed by a body long enough for the word loads.
  static let tags = [
    "postfix/smtp[3137]: ", "postfix/qmgr[1187]: ", "postfix/submission/smtpd[20109]: ",
    "postfix/smtp: ", "postfix/[12]: ", "postfix/smtp[12a]: ", "postfix/smtp[12: ",
    "postfix/verylongdaemonname[1]: ", "postfix/a/b/c/smtp[1]: ", "postfix/smtp[1]:x",
    "postfix-out/smtp[1]: ", "postfix/smtp:[1]: ", "postfix/sm tp[1]: ", "postfix/lmtp[]: ",
    "postfix/submission/cleanup[99999999]: ", "postfix/postscreen[7]: ", "postfix/smtp[1] : ",
    "exim[123]: ", "postfix/\u{e9}smtp[1]: ",
  ]
  static let body = "4D1B2C3A4F: to=<ann@gmail.com>, relay=none, delay=1, status=sent (ok)"

  @Test func thePostfixTagShortcutSetsWhatTheGeneralPathSets() {
    var taken = 0
    for tag in Self.tags {
      var text = "Nov 20 00:00:00 mx1 \(tag)\(Self.body)"
      let start = "Nov 20 00:00:00 mx1 ".utf8.count
      text.withUTF8 { u in
        let b = UnsafeRawBufferPointer(u)
        var fast = ScannedLine()
        guard let bodyStart = LineHeader.postfixTag(b, start, into: &fast) else {
          // Left to the general path: nothing may have been written.
          #expect(fast.daemon == .none && fast.mta == .unknown, "\(tag)")
          return
        }
        taken += 1
        var general = ScannedLine()
        let tagAt = LineHeader.tagAt(b, start)
        #expect(tagAt?.1 == bodyStart, "\(tag)")
        if let (tagEnd, _) = tagAt {
          #expect(LineHeader.classifyTag(b, start, tagEnd, into: &general) == .postfix, "\(tag)")
        }
        #expect(fast.daemon == general.daemon, "\(tag)")
        #expect(fast.mta == general.mta && fast.mta == .postfix, "\(tag)")
        #expect(fast.postfixDaemon == general.postfixDaemon, "\(tag)")
      }
    }
    // The common tags, odd pids and long name parts take the shortcut; the others do not.
    #expect(taken == 12)
    #expect(Scanned("Nov 20 00:00:00 mx1 postfix/submission/smtpd[20109]: \(Self.body)").daemon == "smtpd")
    #expect(Scanned("Nov 20 00:00:00 mx1 postfix/smtp[12a]: \(Self.body)").status == .sent)
  }

  /// The byte-at-a-time reading `alnumRun` replaces.
  static func alnumRunByBytes(_ b: UnsafeRawBufferPointer, _ start: Int) -> (Int, Bool) {
    var j = start
    var idLike = false
    while j < b.count, b[j] < 0x80, (b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x7A || b[j] &- 0x30 < 10 {
      idLike = idLike || b[j] &- 0x30 < 10 || b[j] &- 0x41 < 26
      j += 1
    }
    return (j, idLike)
  }

  @Test func theQueueIDRunMatchesAByteAtATimeReading() {
    // Letters, digits, their neighbours in ASCII, bytes above 0x7F and the stops a queue ID meets.
    let alphabet: [UInt8] = Array("aZz09AGx".utf8) + [0x40, 0x5B, 0x60, 0x7B, 0x2F, 0x3A, 0x20, 0x80, 0xC1, 0xE1, 0xFF, 0x00]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var checked = 0
    for _ in 0..<4000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 58)  // 0...63
      var bytes: [UInt8] = []
      var s = state
      for k in 0..<length {
        // Mostly letters and digits (long runs), sometimes anything.
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let r = Int(s >> 40)
        bytes.append(r % 7 == 0 || k == length - 1 ? alphabet[r % alphabet.count] : alphabet[r % 8])
      }
      bytes.withUnsafeBytes { b in
        for start in 0...b.count {
          let (end, idLike) = PostfixScanner.alnumRun(b, start)
          let (refEnd, refIdLike) = Self.alnumRunByBytes(b, start)
          #expect(end == refEnd && idLike == refIdLike, "\(Array(b)) from \(start)")
          checked += 1
        }
      }
    }
    #expect(checked > 60_000)
  }

  @Test func deliveryKeysReadAsTheGeneralStepReadsThem() {
    let head = "Nov 20 00:00:00 mx1 postfix/smtp[3137]: 4D1B2C3A4F: to=<ann@gmail.com>"
    let sent = Scanned(
      "\(head), relay=mx.b.example[192.0.2.1]:25, conn_use=2, delay=0.25, delays=0.1/0/0/0.1, dsn=2.0.0, status=sent (250 ok)")
    #expect(sent.relayHost == "mx.b.example" && sent.relayIP == "192.0.2.1")
    #expect(sent.delayMillis == 250 && sent.dsn == "2.0.0" && sent.status == .sent)
    #expect(sent.replyText == "250 ok")
    // A delay whose digits do not run to the comma: the value still ends at the comma.
    let odd = Scanned("\(head), orig_to=<a@b.example>, relay=local, delay=3.5e, dsn=4.4.1, status=deferred (x)")
    #expect(odd.delayMillis == 3500 && odd.relayHost == "local" && odd.relayIP == "")
    #expect(odd.originalRecipient == "a@b.example" && odd.dsn == "4.4.1" && odd.status == .deferred)
    // A delay out of any range is dropped; a key that only starts like a known one is skipped.
    let big = Scanned("\(head), relay=none, delayx=5, delay=99999999999999999999, dsn=5.1.1, status=bounced (no)")
    #expect(big.delayMillis == -1 && big.dsn == "5.1.1" && big.status == .bounced)
    // The last field without a comma after it.
    let last = Scanned("\(head), relay=none, delay=7")
    #expect(last.delayMillis == 7000 && last.status == DeliveryStatus.none && last.kind == .skipped)
    let noStatus = Scanned("\(head), dsn=2.0.0")
    #expect(noStatus.dsn == "2.0.0" && noStatus.kind == .skipped)
    // `dsn=` values of five bytes and a comma that are no code, and longer ones: the value
    // still ends at its comma, and only a code is one.
    for (dsn, code) in [
      ("5.8.1", UInt32(0)), ("2.0.00", 2_000_000), ("4.4.1x", 0), ("5.7.509", 5_007_509), ("x.1.1", 0),
      ("5.1.1", 5_001_001), ("5.1", 0), ("", 0),
    ] {
      var text = "\(head), relay=none, delay=1, dsn=\(dsn), status=bounced (no)"
      let fields = Scanned(text)
      #expect(fields.dsn == dsn && fields.status == .bounced, "\(dsn)")
      text.withUTF8 { u in
        var line = ScannedLine()
        LineScanner.scan(UnsafeRawBufferPointer(u), into: &line)
        #expect(line.fieldDSN == code, "\(dsn)")
      }
    }
  }

  /// A `delay=` value read in one pass (`delayValue`) ends at the first comma and has the
  /// milliseconds `decimalMillis` reads in it, on numbers, odd tails and overlong digit runs.
  @Test func theDelayValueMatchesTheCommaSearchAndDecimalMillis() {
    let alphabet: [UInt8] = Array("0123456789.,e 9".utf8) + [0x2F, 0x3A, 0x80]
    var state: UInt64 = 0xD1B5_4A32_D192_ED03
    var checked = 0
    for round in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 58) % 40  // 0...39
      var bytes: [UInt8] = []
      var s = state
      for _ in 0..<length {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let r = Int(s >> 40)
        // Mostly digits, a dot and commas (the usual shape), sometimes anything.
        bytes.append(r % 6 == 0 ? alphabet[r % alphabet.count] : r % 11 == 1 ? Ch.dot : r % 13 == 2 ? Ch.comma : alphabet[r % 10])
      }
      // Runs long enough to saturate, now and then.
      if round % 50 == 0 { bytes = Array(repeating: UInt8(ascii: "9"), count: 25) + Array(".5,".utf8) }
      bytes.withUnsafeBytes { b in
        for value in 0...b.count {
          let (millis, end) = PostfixScanner.delayValue(b, value)
          let refEnd = b.find(Ch.comma, from: value) ?? b.count
          let refMillis = PostfixScanner.decimalMillis(b, Span(value, refEnd))
          #expect(end == refEnd && millis == refMillis, "\(Array(b)) from \(value)")
          checked += 1
        }
      }
    }
    #expect(checked > 30_000)
  }

  /// `SMTPCodeParser.enhanced` reads a one-digit-each code in one go; every code and non-code
  /// must read as the part-by-part loop reads it, whatever follows and wherever the end is.
  @Test func theShortEnhancedCodeMatchesThePartByPartReading() {
    let alphabet: [UInt8] = Array("2452450178.93x, #".utf8)
    var state: UInt64 = 0x6A09_E667_F3BC_C908
    var checked = 0
    for _ in 0..<2000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 60)  // 0...15
      var bytes: [UInt8] = []
      var s = state
      for k in 0..<length {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let r = Int(s >> 40)
        // Mostly digit, dot, digit, dot ... (codes and near-codes), sometimes anything.
        bytes.append(k % 2 == 1 && r % 5 != 0 ? Ch.dot : alphabet[r % alphabet.count])
      }
      bytes.withUnsafeBytes { b in
        for i in 0...b.count {
          for end in i...b.count {
            let fast = SMTPCodeParser.enhanced(b, at: i, end: end)
            var ref: (packed: UInt32, length: Int)?
            if i + SMTPCodeParser.shortestEnhancedLength <= end {
              let klass = b[i] &- 48
              if klass == 2 || klass == 4 || klass == 5 {
                ref = SMTPCodeParser.enhancedByParts(b, at: i, klass: klass, end: end)
              }
            }
            #expect(fast?.packed == ref?.packed && fast?.length == ref?.length, "\(Array(b)) \(i)..<\(end)")
            if fast != nil { checked += 1 }
          }
        }
      }
    }
    #expect(checked > 500)
  }

  /// The byte-at-a-time reading of a status value that `readStatus`'s word compares replace.
  static func readStatusByBytes(_ b: UnsafeRawBufferPointer, _ value: Int, into line: inout ScannedLine) {
    var end = value
    while end < b.count, b[end] != Ch.space, b[end] != Ch.comma { end += 1 }
    line.status = PostfixScanner.statusWord(b, Span(value, end))
    guard line.status != .none else { return }
    line.kind = .delivery
    if end + 1 < b.count, b[end] == Ch.space, b[end + 1] == Ch.lparen {
      line.replyText = Span(end + 2, b.findLast(Ch.rparen, from: end + 2) ?? b.count)
    }
  }

  @Test func statusWordsReadAsTheByteLoopReadsThem() {
    let values = [
      "sent (250 ok)", "sent", "sent ", "sent,", "sent, x", "sentx (a)", "sen", "", " sent (a)",
      "deferred (host said: 4.4.1 (x) y)", "deferred", "deferred,", "deferred  (a)", "deferredd (a)",
      "bounced (no)", "bounced", "bounced (", "bounced (a", "bounce (a)", "expired (a)",
      "force-expired (b)", "deliverable (c)", "undeliverable (d)", "sent (unclosed", "Sent (a)",
    ]
    for value in values {
      var text = "4D1B2C3A4F: to=<ann@gmail.com>, status=\(value)"
      let at = "4D1B2C3A4F: to=<ann@gmail.com>, status=".utf8.count
      text.withUTF8 { u in
        let b = UnsafeRawBufferPointer(u)
        var fast = ScannedLine()
        var general = ScannedLine()
        PostfixScanner.readStatus(b, at, into: &fast)
        Self.readStatusByBytes(b, at, into: &general)
        #expect(fast.status == general.status && fast.kind == general.kind, "\(value)")
        #expect(fast.replyText == general.replyText, "\(value)")
      }
    }
  }

  @Test func theDigitRunMatchesAByteAtATimeReading() {
    let alphabet: [UInt8] = Array("0123456789".utf8) + [0x2F, 0x3A, 0x5D, 0x20, 0xB0, 0xB9, 0x80, 0xFF, 0x00, 0x41]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    var checked = 0
    for _ in 0..<3000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let length = Int(state >> 59)  // 0...31
      var bytes: [UInt8] = []
      var s = state
      for _ in 0..<length {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let r = Int(s >> 40)
        bytes.append(r % 5 == 0 ? alphabet[r % alphabet.count] : alphabet[r % 10])
      }
      bytes.withUnsafeBytes { b in
        for start in 0...b.count {
          var j = start
          while j < b.count, b[j] &- 0x30 < 10 { j += 1 }
          #expect(b.digitsEnd(from: start) == j, "\(Array(b)) from \(start)")
          checked += 1
        }
      }
    }
    #expect(checked > 20_000)
  }
}
