/// Sends each kind of log event to the Postfix or the Exim writer.
extension LogGenerator {
  func writeArrival(_ slot: Int) {
    if isExim { eximArrival(slot) } else { postfixArrival(slot) }
  }

  func writeCleanup(_ slot: Int) {
    if !isExim { postfixCleanup(slot) }
  }

  func writeQueueActive(_ slot: Int) {
    if !isExim { postfixQueueActive(slot) }
  }

  func writeDelivery(_ slot: Int, _ ri: Int, _ result: Outcome) {
    let r = recipients[ri]
    let reply = replies.replies[Int(result == .deferred ? r.deferReply : r.finalReply)]
    let local = domains.domains[Int(r.domain)].isLocal
    let relay: Relay
    if result == .sent && messages[slot].lastSentDomain == r.domain {
      relay = domains.relays[Int(messages[slot].lastRelay)]
    } else {
      let d = domains.domains[Int(r.domain)]
      let i = d.relayCount > 1 && rng.chance(0.25) ? 1 + rng.below(Int(d.relayCount) - 1) : 0
      messages[slot].lastRelay = d.relayStart + Int32(i)
      relay = domains.relays[Int(d.relayStart) + i]
    }
    if isExim {
      eximDelivery(slot, ri, result, reply, relay, local: local)
    } else {
      postfixDelivery(slot, ri, result, reply, relay, local: local)
    }
  }

  /// Another MX of the recipient's domain than the one this attempt ended on, if it has one
  /// (an earlier MX that also answered with a temporary error is logged without `to=`).
  func fallbackRelay(_ slot: Int, _ ri: Int) -> Relay? {
    let d = domains.domains[Int(recipients[ri].domain)]
    guard d.relayCount > 1, rng.chance(0.2) else { return nil }
    let current = Int(messages[slot].lastRelay - d.relayStart)
    return domains.relays[Int(d.relayStart) + (current + 1) % Int(d.relayCount)]
  }

  func writeExpiry(_ slot: Int) {
    if isExim { eximExpiry(slot) } else { postfixExpiry(slot) }
  }

  func writeNotificationCreated(parent: Int, notification: Int) {
    if isExim {
      eximNotification(parent: parent, notification: notification)
    } else {
      postfixNotification(parent: parent, notification: notification)
    }
  }

  func writeRemoved(_ slot: Int) {
    let m = messages[slot]
    if isExim {
      eximHeader(m.serial, arrival: m.arrival)
      out.text("Completed")
    } else {
      postfixHeader("qmgr", pids.qmgr)
      queueID(m.serial, arrival: m.arrival)
      out.text(": removed")
    }
    endLine()
  }

  func writeReject() {
    if isExim { eximReject() } else { postfixReject() }
  }

  func writeNoise() {
    if isExim { eximNoise() } else { postfixNoise() }
  }

  /// A random public-looking client address for inbound connections (never one of ours).
  func randomClientIP() -> UInt32 {
    let firsts: [UInt32] = [45, 77, 89, 103, 109, 141, 176, 185, 191, 193, 212, 31, 5, 94]
    let low = UInt32(truncatingIfNeeded: rng.next()) & 0x00FF_FFFF | 1
    return firsts[rng.below(firsts.count)] << 24 | low
  }

  /// Writes an IPv4 address in dotted form.
  func ipv4(_ v: UInt32) {
    out.decimal(Int(v >> 24))
    out.byte(UInt8(ascii: "."))
    out.decimal(Int(v >> 16 & 255))
    out.byte(UInt8(ascii: "."))
    out.decimal(Int(v >> 8 & 255))
    out.byte(UInt8(ascii: "."))
    out.decimal(Int(v & 255))
  }

  /// Picks the recipient of a refused inbound attempt: mostly our own domains, sometimes a
  /// relay attempt to someone else's. Returns (domain index, local-part id).
  func rejectTarget(own: Bool) -> (Int, UInt32) {
    let d = own ? rng.below(domains.senderCount) : domains.pickRecipientDomain(&rng)
    return (d, UInt32(truncatingIfNeeded: rng.next()) & 0x7FFF_FFFF)
  }

  /// Writes `local@domain` for a reject target.
  func rejectAddress(_ target: (Int, UInt32)) {
    localPart(target.1)
    out.byte(UInt8(ascii: "@"))
    out.text(domains.domains[target.0].name)
  }

  /// Writes a spammer-ish envelope sender `name@tail-domain`.
  func spamSender(_ seed: UInt64) {
    localPart(UInt32(truncatingIfNeeded: seed) & 0x7FFF_FFFF)
    out.byte(UInt8(ascii: "@"))
    let tail = domains.domains.count - 1 - Int(seed >> 40) % 3000
    out.text(domains.domains[tail].name)
  }
}
