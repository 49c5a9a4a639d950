/// Postfix lines for inbound connections we refuse, and background daemon chatter.
extension LogGenerator {
  /// One refused inbound attempt: connect, `NOQUEUE: reject: RCPT ...` (or a milter
  /// rejecting the message), disconnect. Counts one rejected recipient for its domain.
  func postfixReject() {
    let ip = randomClientIP()
    let pid = pids.smtpd[rng.below(pids.smtpd.count)]
    let kind = rng.below(100)
    let own = kind < 70 || kind >= 95  // a milter only sees mail for our own domains
    let target = rejectTarget(own: own)
    let senderSeed = rng.next()
    let helo = rng.below(4)
    postfixHeader("smtpd", pid)
    out.text("connect from unknown[")
    ipv4(ip)
    out.byte(UInt8(ascii: "]"))
    endLine()
    if kind >= 95 {
      serial += 1
      postfixHeader("smtpd", pid)
      queueID(serial, arrival: now)
      out.text(": client=unknown[")
      ipv4(ip)
      out.byte(UInt8(ascii: "]"))
      endLine()
      postfixHeader("cleanup", pids.cleanup[0])
      queueID(serial, arrival: now)
      out.text(": milter-reject: END-OF-MESSAGE from unknown[")
      ipv4(ip)
      out.text("]: 5.7.1 Spam message rejected; from=<")
    } else {
      postfixHeader("smtpd", pid)
      out.text("NOQUEUE: reject: RCPT from unknown[")
      ipv4(ip)
      out.text("]: ")
      if !own {
        out.text("554 5.7.1 <")
        rejectAddress(target)
        out.text(">: Relay access denied")
      } else {
        switch kind % 7 {
        case 0, 1:
          out.text("554 5.7.1 Service unavailable; Client host [")
          ipv4(ip)
          out.text("] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/")
          ipv4(ip)
        case 2:
          out.text("554 5.7.1 Service unavailable; Client host [")
          ipv4(ip)
          out.text("] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=")
          ipv4(ip)
        case 3, 4:
          out.text("550 5.1.1 <")
          rejectAddress(target)
          out.text(">: Recipient address rejected: User unknown in virtual mailbox table")
        case 5:
          out.text("450 4.7.1 Client host rejected: cannot find your reverse hostname, [")
          ipv4(ip)
          out.byte(UInt8(ascii: "]"))
        default:
          out.text("450 4.1.8 <")
          spamSender(senderSeed)
          out.text(">: Sender address rejected: Domain not found")
        }
      }
      out.text("; from=<")
    }
    spamSender(senderSeed)
    out.text("> to=<")
    rejectAddress(target)
    out.text("> proto=ESMTP helo=<")
    heloName(helo, ip)
    out.text(">")
    endLine()
    truth[target.0].rejected += 1
    postfixHeader("smtpd", pid)
    out.text("disconnect from unknown[")
    ipv4(ip)
    out.text(kind >= 95
      ? "] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5"
      : "] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4")
    endLine()
  }

  /// A HELO name of the kind spam sources use.
  func heloName(_ kind: Int, _ ip: UInt32) {
    switch kind {
    case 0: out.text("User")
    case 1: out.text("ylmf-pc")
    case 2:
      out.byte(UInt8(ascii: "["))
      ipv4(ip)
      out.byte(UInt8(ascii: "]"))
    default:
      out.text("mail")
      out.decimal(Int(ip & 255))
      out.text(".bulk-sender.net")
    }
  }

  /// Background lines every few minutes: anvil statistics, DNS warnings, dropped sessions,
  /// and refusals at MAIL FROM (no recipient, so in no domain's truth).
  func postfixNoise() {
    let pid = pids.smtpd[rng.below(pids.smtpd.count)]
    let ip = randomClientIP()
    switch rng.below(4) {
    case 3:
      // Refused before any recipient: belongs to no recipient domain.
      postfixHeader("smtpd", pid)
      out.text("NOQUEUE: reject: MAIL from unknown[")
      ipv4(ip)
      out.text("]: 552 5.3.4 Message size exceeds fixed limit; from=<")
      spamSender(rng.next())
      out.text("> proto=ESMTP helo=<")
      heloName(rng.below(4), ip)
      out.byte(UInt8(ascii: ">"))
      endLine()
    case 0:
      let anvil = pids.next + 7
      let at = StampWriter.format(
        second: now / 1_000_000 - Int64(rng.below(600)) + Int64(config.utcOffset),
        style: .classic, exim: false)
      postfixHeader("anvil", anvil)
      out.text("statistics: max connection rate ")
      out.decimal(1 + rng.below(12))
      out.text("/60s for (smtp:")
      ipv4(ip)
      out.text(") at ")
      // Safe because (three times here): `at` is a formatted stamp, never empty, so it has a
      // base address, and its bytes are copied inside the closure.
      at.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
      endLine()
      postfixHeader("anvil", anvil)
      out.text("statistics: max connection count 1 for (smtp:")
      ipv4(ip)
      out.text(") at ")
      // Safe because: as above.
      at.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
      endLine()
      postfixHeader("anvil", anvil)
      out.text("statistics: max cache size ")
      out.decimal(1 + rng.below(9))
      out.text(" at ")
      // Safe because: as above.
      at.withUnsafeBufferPointer { out.bytes($0.baseAddress!, $0.count) }
      endLine()
    case 1:
      postfixHeader("smtpd", pid)
      out.text("warning: hostname ")
      out.decimal(Int(ip >> 24))
      out.text("-static.broadband.example.com does not resolve to address ")
      ipv4(ip)
      out.text(": Name or service not known")
      endLine()
    default:
      postfixHeader("smtpd", pid)
      out.text("connect from unknown[")
      ipv4(ip)
      out.byte(UInt8(ascii: "]"))
      endLine()
      postfixHeader("smtpd", pid)
      out.text("lost connection after EHLO from unknown[")
      ipv4(ip)
      out.byte(UInt8(ascii: "]"))
      endLine()
      postfixHeader("smtpd", pid)
      out.text("disconnect from unknown[")
      ipv4(ip)
      out.text("] ehlo=1 commands=1")
      endLine()
    }
  }
}
