/// Exim 4.9x mainlog line shapes (`<=`, `=>`, `->`, `==`, `**`, Completed, rejects, queue runs).
extension LogGenerator {
  func eximArrival(_ slot: Int) {
    let m = messages[slot]
    eximHeader(m.serial, arrival: m.arrival)
    out.text("<= ")
    senderAddress(slot)
    let sender = domains.domains[Int(m.senderDomain)].name
    if m.origin == .pickup {
      out.text(" U=www-data P=local S=")
    } else {
      out.text(" H=app")
      out.decimal(Int(m.client) + 1)
      out.byte(UInt8(ascii: "."))
      out.text(sender)
      out.text(" [10.20.")
      out.decimal(Int(m.senderDomain))
      out.byte(UInt8(ascii: "."))
      out.decimal(11 + Int(m.client))
      if usesSASL(slot) {
        out.text("] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:mailer@")
        out.text(sender)
        out.text(" S=")
      } else {
        out.text("] P=esmtp S=")
      }
    }
    out.decimal(Int(m.size))
    out.text(" id=")
    messageID(slot)
    endLine()
  }

  /// The address as Exim logs it at the start of a delivery line (domain lower-cased).
  func eximAddress(_ ri: Int) {
    recipientAddress(ri, lowerDomain: true)
  }

  /// `R=dnslookup T=remote_smtp` (or the local router/transport).
  func routerTransport(local: Bool) {
    out.text(local ? " R=local_user T=mail_spool" : " R=dnslookup T=remote_smtp")
  }

  /// ` H=host [ip]`
  func eximHost(_ relay: Relay) {
    out.text(" H=")
    out.text(relay.host)
    out.text(" [")
    out.text(relay.ip)
    out.byte(UInt8(ascii: "]"))
  }

  func eximDelivery(
    _ slot: Int, _ ri: Int, _ result: Outcome, _ reply: Reply, _ relay: Relay, local: Bool
  ) {
    let m = messages[slot]
    let shape = result == .sent ? ReplyShape.smtp : reply.shape
    let unreachable = shape == .connectTimeout || shape == .connectRefused
    if result == .deferred && unreachable && m.attempts > 0 && rng.chance(0.4) {
      // The host's retry time has not come yet: Exim does not even try.
      eximHeader(m.serial, arrival: m.arrival)
      out.text("== ")
      eximAddress(ri)
      out.text(" R=dnslookup T=remote_smtp defer (-54): retry time not reached for any host for '")
      out.text(domains.domains[Int(recipients[ri].domain)].name)
      out.byte(UInt8(ascii: "'"))
      endLine()
      return
    }
    if result == .deferred && shape == .smtp, let other = fallbackRelay(slot, ri) {
      eximHeader(m.serial, arrival: m.arrival)
      out.text("H=")
      out.text(other.host)
      out.text(" [")
      out.text(other.ip)
      out.byte(UInt8(ascii: "]"))
      eximAfter(slot, ri, reply.stage)
      expand(reply.text, slot: slot, ri: ri, relay: other)
      endLine()
    }
    if result == .deferred && unreachable {
      eximHeader(m.serial, arrival: m.arrival)
      out.text("H=")
      out.text(relay.host)
      out.text(" [")
      out.text(relay.ip)
      out.text(shape == .connectRefused ? "] Connection refused" : "] Connection timed out")
      endLine()
    }
    eximHeader(m.serial, arrival: m.arrival)
    switch result {
    case .sent:
      let again = m.lastSentDomain == recipients[ri].domain
      out.text(again ? "-> " : "=> ")
      if local {
        localPart(recipients[ri].user)
        out.text(" <")
        eximAddress(ri)
        out.byte(UInt8(ascii: ">"))
        routerTransport(local: true)
      } else {
        eximAddress(ri)
        routerTransport(local: false)
        eximHost(relay)
        if m.serial % 5 != 0 {
          out.text(" X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes")
        }
        out.text(" C=\"")
        expand(reply.text, slot: slot, ri: ri, relay: relay)
        out.byte(UInt8(ascii: "\""))
      }
    case .deferred:
      out.text("== ")
      eximAddress(ri)
      eximDeferral(slot, ri, reply, relay)
    case .bounced:
      out.text("** ")
      eximAddress(ri)
      eximFailure(slot, ri, reply, relay)
    }
    endLine()
  }

  /// `after RCPT TO:<addr>: ` and the other command forms Exim quotes.
  func eximAfter(_ slot: Int, _ ri: Int, _ stage: SmtpStage) {
    out.text(": SMTP error from remote mail server after ")
    switch stage {
    case .rcpt:
      out.text("RCPT TO:<")
      recipientAddress(ri)
      out.text(">: ")
    case .mail:
      out.text("MAIL FROM:<")
      senderAddress(slot)
      out.text("> SIZE=")
      out.decimal(Int(messages[slot].size) + 1024)
      out.text(": ")
    case .data:
      out.text("end of data: ")
    }
  }

  func eximDeferral(_ slot: Int, _ ri: Int, _ reply: Reply, _ relay: Relay) {
    switch reply.shape {
    case .smtp, .greeting, .sizeLimit, .dnsNotFound:
      routerTransport(local: false)
      switch reply.stage {
      case .rcpt: out.text(" defer (-44)")
      case .mail: out.text(" defer (-45)")
      case .data: out.text(" defer (-46)")
      }
      eximHost(relay)
      eximAfter(slot, ri, reply.stage)
      expand(reply.text, slot: slot, ri: ri, relay: relay)
    case .connectTimeout:
      routerTransport(local: false)
      out.text(" defer (110): Connection timed out")
    case .connectRefused:
      routerTransport(local: false)
      out.text(" defer (111): Connection refused")
    case .dnsTemp:
      out.text(" R=dnslookup defer (-1): host lookup did not complete")
    case .lostConnection:
      routerTransport(local: false)
      out.text(" defer (-18)")
      eximHost(relay)
      out.text(": Remote host closed connection in response to end of data")
    }
  }

  func eximFailure(_ slot: Int, _ ri: Int, _ reply: Reply, _ relay: Relay) {
    switch reply.shape {
    case .dnsNotFound:
      out.text(": Unrouteable address")
    case .greeting:
      routerTransport(local: false)
      eximHost(relay)
      out.text(": SMTP error from remote mail server after initial connection: ")
      expand(reply.text, slot: slot, ri: ri, relay: relay)
    case .sizeLimit:
      routerTransport(local: false)
      eximHost(relay)
      eximAfter(slot, ri, .mail)
      out.text("552 5.3.4 Message size exceeds fixed maximum message size")
    default:
      routerTransport(local: false)
      eximHost(relay)
      eximAfter(slot, ri, reply.stage)
      expand(reply.text, slot: slot, ri: ri, relay: relay)
    }
  }

  func eximExpiry(_ slot: Int) {
    let m = messages[slot]
    let base = slot * LogGenerator.maxRecipients
    for i in 0..<Int(m.nrcpt) where recipients[base + i].pending {
      eximHeader(m.serial, arrival: m.arrival)
      out.text("** ")
      eximAddress(base + i)
      out.text(": retry timeout exceeded")
      endLine()
    }
  }

  func eximNotification(parent: Int, notification: Int) {
    let n = messages[notification]
    eximHeader(n.serial, arrival: n.arrival)
    out.text("<= <> R=")
    eximID(messages[parent].serial, arrival: messages[parent].arrival)
    out.text(" U=Debian-exim P=local S=")
    out.decimal(Int(n.size))
    endLine()
  }

  /// One refused inbound recipient: `H=(helo) [ip] F=<from> rejected RCPT <to>: reason`.
  func eximReject() {
    let ip = randomClientIP()
    let kind = rng.below(100)
    let own = kind < 70
    let target = rejectTarget(own: own)
    stamp.write(now, to: out)
    out.text("H=(")
    heloName(rng.below(4), ip)
    out.text(") [")
    ipv4(ip)
    out.text("] F=<")
    spamSender(rng.next())
    out.text("> rejected RCPT <")
    rejectAddress(target)
    out.text(">: ")
    if !own {
      out.text("relay not permitted")
    } else {
      switch kind % 5 {
      case 0, 1:
        out.text("JunkMail rejected - ")
        ipv4(ip)
        out.text(" is listed at zen.spamhaus.org")
      case 2:
        out.text("rejected because ")
        ipv4(ip)
        out.text(" is in a black list at b.barracudacentral.org")
      case 3:
        out.text("Unrouteable address")
      default:
        out.text("Sender verify failed")
      }
    }
    endLine()
    truth[target.0].rejected += 1
  }

  /// Queue runner start/end lines, reverse-DNS complaints, and refusals with no recipient
  /// (`rejected after DATA`), which belong to no recipient domain.
  func eximNoise() {
    stamp.write(now, to: out)
    let kind = rng.below(10)
    if kind == 0 {
      let ip = randomClientIP()
      out.text("H=(")
      heloName(rng.below(4), ip)
      out.text(") [")
      ipv4(ip)
      out.text("] F=<")
      spamSender(rng.next())
      out.text("> rejected after DATA: This message contains a virus (Win.Trojan.Agent-1234567)")
    } else if kind < 7 {
      let pid = pids.next
      out.text("Start queue run: pid=")
      out.decimal(pid)
      endLine()
      stamp.write(now, to: out)
      out.text("End queue run: pid=")
      out.decimal(pid)
    } else {
      out.text("no host name found for IP address ")
      ipv4(randomClientIP())
    }
    endLine()
  }
}
