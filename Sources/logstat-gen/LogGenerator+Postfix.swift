/// Postfix 3.x line shapes (smtpd, pickup, cleanup, qmgr, smtp, local, bounce, anvil).
extension LogGenerator {
  /// Our submission client for a sender domain: `app2.acme-shop.com[10.20.3.12]`.
  func submissionClient(_ slot: Int) {
    let m = messages[slot]
    out.text("app")
    out.decimal(Int(m.client) + 1)
    out.byte(UInt8(ascii: "."))
    out.text(domains.domains[Int(m.senderDomain)].name)
    out.text("[10.20.")
    out.decimal(Int(m.senderDomain))
    out.byte(UInt8(ascii: "."))
    out.decimal(11 + Int(m.client))
    out.byte(UInt8(ascii: "]"))
  }

  /// Whether the submission session of this message authenticated (fixed per message).
  func usesSASL(_ slot: Int) -> Bool { messages[slot].serial & 3 != 0 }

  /// `postfix/submission/smtpd[PID]: ` for authenticated sessions (port 587, a master.cf
  /// service name in the tag), `postfix/smtpd[PID]: ` for the others.
  func submissionHeader(_ slot: Int) {
    let pid = Int(messages[slot].smtpdPid)
    if usesSASL(slot) { postfixHeader("submission/smtpd", pid) } else { postfixHeader("smtpd", pid) }
  }

  func postfixArrival(_ slot: Int) {
    let m = messages[slot]
    if m.origin == .pickup {
      postfixHeader("pickup", pids.pickup)
      queueID(m.serial, arrival: m.arrival)
      out.text(": uid=")
      out.decimal(m.senderDomain % 3 == 0 ? 33 : 1000 + Int(m.senderDomain))
      out.text(" from=<")
      senderAddress(slot)
      out.byte(UInt8(ascii: ">"))
      endLine()
      return
    }
    submissionHeader(slot)
    out.text("connect from ")
    submissionClient(slot)
    endLine()
    submissionHeader(slot)
    queueID(m.serial, arrival: m.arrival)
    out.text(": client=")
    submissionClient(slot)
    if usesSASL(slot) {
      out.text(", sasl_method=PLAIN, sasl_username=mailer@")
      out.text(domains.domains[Int(m.senderDomain)].name)
    }
    endLine()
  }

  func postfixCleanup(_ slot: Int) {
    let m = messages[slot]
    postfixHeader("cleanup", pids.cleanup[Int(m.serial % UInt64(pids.cleanup.count))])
    queueID(m.serial, arrival: m.arrival)
    out.text(": message-id=<")
    messageID(slot)
    out.byte(UInt8(ascii: ">"))
    endLine()
  }

  func postfixQueueActive(_ slot: Int) {
    let m = messages[slot]
    postfixHeader("qmgr", pids.qmgr)
    queueID(m.serial, arrival: m.arrival)
    out.text(": from=<")
    senderAddress(slot)
    out.text(">, size=")
    out.decimal(Int(m.size))
    out.text(", nrcpt=")
    out.decimal(Int(m.nrcpt))
    out.text(" (queue active)")
    endLine()
    guard m.origin == .smtpd && m.attempts == 0 else { return }
    submissionHeader(slot)
    out.text("disconnect from ")
    submissionClient(slot)
    let n = Int(m.nrcpt)
    if usesSASL(slot) {
      out.text(" ehlo=2 starttls=1 auth=1 mail=1 rcpt=")
      out.decimal(n)
      out.text(" data=1 quit=1 commands=")
      out.decimal(7 + n)
    } else {
      out.text(" ehlo=1 mail=1 rcpt=")
      out.decimal(n)
      out.text(" data=1 quit=1 commands=")
      out.decimal(4 + n)
    }
    endLine()
  }

  func postfixDelivery(
    _ slot: Int, _ ri: Int, _ result: Outcome, _ reply: Reply, _ relay: Relay, local: Bool
  ) {
    let m = messages[slot]
    let shape = result == .sent ? ReplyShape.smtp : reply.shape
    let noRelay = shape == .connectTimeout || shape == .connectRefused || shape == .dnsNotFound
      || shape == .dnsTemp
    let smtpPid = pids.smtp[rng.below(pids.smtp.count)]
    let unreachable = shape == .connectTimeout || shape == .connectRefused
    if unreachable && m.attempts > 0 && rng.chance(0.4) {
      suspendedDelivery(slot, ri, relay, refused: shape == .connectRefused)
      return
    }
    if result == .deferred && shape == .smtp, let other = fallbackRelay(slot, ri) {
      postfixHeader("smtp", smtpPid)
      queueID(m.serial, arrival: m.arrival)
      out.text(": ")
      postfixReason(slot, ri, reply, other)
      endLine()
    }
    if unreachable && rng.chance(0.5) {
      postfixHeader("smtp", smtpPid)
      connectFailure(relay, refused: shape == .connectRefused)
      endLine()
    }
    if local {
      postfixHeader("local", pids.local)
    } else {
      postfixHeader("smtp", smtpPid)
    }
    queueID(m.serial, arrival: m.arrival)
    out.text(": to=<")
    recipientAddress(ri)
    if local {
      out.text(">, relay=local, ")
    } else if noRelay {
      out.text(">, relay=none, ")
    } else {
      out.text(">, relay=")
      out.text(relay.host)
      out.byte(UInt8(ascii: "["))
      out.text(relay.ip)
      out.text("]:25, ")
      if result == .sent && rng.chance(0.08) {
        out.text("conn_use=")
        out.decimal(2 + rng.below(6))
        out.text(", ")
      }
    }
    delays(slot, connectTimeout: shape == .connectTimeout)
    out.text(", dsn=")
    if local { out.text("2.0.0") } else { out.text(reply.dsn) }
    switch result {
    case .sent: out.text(", status=sent (")
    case .deferred: out.text(", status=deferred (")
    case .bounced: out.text(", status=bounced (")
    }
    if local {
      out.text("delivered to mailbox")
    } else if result == .sent {
      expand(reply.text, slot: slot, ri: ri, relay: relay)
    } else {
      postfixReason(slot, ri, reply, relay)
    }
    out.byte(UInt8(ascii: ")"))
    endLine()
  }

  /// A retry the `error` agent defers without trying, because the site is marked unreachable.
  func suspendedDelivery(_ slot: Int, _ ri: Int, _ relay: Relay, refused: Bool) {
    postfixHeader("error", pids.error)
    queueID(messages[slot].serial, arrival: messages[slot].arrival)
    out.text(": to=<")
    recipientAddress(ri)
    out.text(">, relay=none, ")
    delays(slot, connectTimeout: false)
    out.text(", dsn=4.4.1, status=deferred (delivery temporarily suspended: ")
    connectFailure(relay, refused: refused)
    out.text(")")
    endLine()
  }

  /// `connect to H[IP]:25: Connection timed out` (or refused).
  func connectFailure(_ relay: Relay, refused: Bool) {
    out.text("connect to ")
    out.text(relay.host)
    out.byte(UInt8(ascii: "["))
    out.text(relay.ip)
    out.text(refused ? "]:25: Connection refused" : "]:25: Connection timed out")
  }

  /// `host H[IP]` as Postfix names the server in a reason.
  func hostAndIP(_ relay: Relay) {
    out.text(relay.host)
    out.byte(UInt8(ascii: "["))
    out.text(relay.ip)
    out.byte(UInt8(ascii: "]"))
  }

  /// The parenthesised reason of a deferred or bounced delivery.
  func postfixReason(_ slot: Int, _ ri: Int, _ reply: Reply, _ relay: Relay) {
    switch reply.shape {
    case .smtp:
      out.text("host ")
      hostAndIP(relay)
      out.text(" said: ")
      expand(reply.text, slot: slot, ri: ri, relay: relay)
      switch reply.stage {
      case .rcpt: out.text(" (in reply to RCPT TO command)")
      case .mail: out.text(" (in reply to MAIL FROM command)")
      case .data: out.text(" (in reply to end of DATA command)")
      }
    case .greeting:
      out.text("host ")
      hostAndIP(relay)
      out.text(" refused to talk to me: ")
      expand(reply.text, slot: slot, ri: ri, relay: relay)
    case .connectTimeout, .connectRefused:
      connectFailure(relay, refused: reply.shape == .connectRefused)
    case .dnsNotFound:
      out.text("Host or domain name not found. Name service error for name=")
      out.text(domains.domains[Int(recipients[ri].domain)].name)
      out.text(" type=A: Host not found")
    case .dnsTemp:
      out.text("Host or domain name not found. Name service error for name=")
      out.text(domains.domains[Int(recipients[ri].domain)].name)
      out.text(" type=MX: Host not found, try again")
    case .lostConnection:
      out.text("lost connection with ")
      hostAndIP(relay)
      if messages[slot].serial & 1 == 0 {
        out.text(" while receiving the initial server greeting")
      } else {
        out.text(" while sending end of data -- message may be sent more than once")
      }
    case .sizeLimit:
      let size = Int(messages[slot].size)
      out.text("message size ")
      out.decimal(size)
      out.text(" exceeds size limit ")
      // The largest common limit below the message size.
      let limits = [1_048_576, 2_097_152, 5_242_880, 10_240_000, 20_971_520, 26_214_400]
      out.decimal(limits.last { $0 < size } ?? 1_048_576)
      out.text(" of server ")
      hostAndIP(relay)
    }
  }

  /// `delay=X, delays=a/b/c/d`: time in queue before this attempt, in qmgr, connecting, sending.
  func delays(_ slot: Int, connectTimeout: Bool) {
    let total = now - messages[slot].arrival
    // Connection setup and transmission take part of this attempt; the rest was queue wait.
    let budget = max(1, min(total, 1_500_000))
    let c: Int64 = connectTimeout ? min(total, 30_000_000) : Int64(rng.below(Int(budget) * 2 / 5 + 1))
    let d: Int64 = connectTimeout ? 0 : Int64(rng.below(Int(budget) / 2 + 1))
    let b: Int64 = min(Int64(rng.below(20_000)), max(0, total - c - d))
    let a = max(0, total - b - c - d)
    out.text("delay=")
    out.seconds(micros: total)
    out.text(", delays=")
    out.seconds(micros: a)
    out.byte(UInt8(ascii: "/"))
    out.seconds(micros: b)
    out.byte(UInt8(ascii: "/"))
    out.seconds(micros: c)
    out.byte(UInt8(ascii: "/"))
    out.seconds(micros: d)
  }

  func postfixExpiry(_ slot: Int) {
    let m = messages[slot]
    postfixHeader("qmgr", pids.qmgr)
    queueID(m.serial, arrival: m.arrival)
    out.text(": from=<")
    senderAddress(slot)
    out.text(">, status=expired, returned to sender")
    endLine()
  }

  func postfixNotification(parent: Int, notification: Int) {
    let n = messages[notification]
    postfixHeader("cleanup", pids.cleanup[0])
    queueID(n.serial, arrival: n.arrival)
    out.text(": message-id=<")
    messageID(notification)
    out.byte(UInt8(ascii: ">"))
    endLine()
    let p = messages[parent]
    postfixHeader("bounce", pids.bounce)
    queueID(p.serial, arrival: p.arrival)
    out.text(": sender non-delivery notification: ")
    queueID(n.serial, arrival: n.arrival)
    endLine()
  }
}
