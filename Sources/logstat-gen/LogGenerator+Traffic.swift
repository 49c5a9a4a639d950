import Foundation

/// Where the traffic comes from: new messages, the backlog already queued when the log
/// starts, inbound connections we refuse, and background daemon chatter.
extension LogGenerator {
  /// Runs one of the non-message processes and schedules its next turn.
  func runProcess(_ id: Int32) {
    switch ProcessID(rawValue: id) {
    case .arrivals:
      newMessage()
      let gap = rng.exponential(mean: meanInterarrival)
      queue.schedule(id, at: now + Int64(gap * 1_000_000) + 1)
    case .rejects:
      writeReject()
      let gap = rng.exponential(mean: meanInterarrival * 8)
      queue.schedule(id, at: now + Int64(gap * 1_000_000) + 1)
    case .noise:
      writeNoise()
      pids.recycle(&rng)
      queue.schedule(id, at: now + millis(20_000, 600_000))
    case nil:
      break
    }
  }

  /// Creates a new outbound message and writes its arrival.
  func newMessage() {
    let slot = allocateSlot()
    serial += 1
    messages[slot].serial = serial
    messages[slot].arrival = now
    messages[slot].origin = rng.chance(0.7) ? .smtpd : .pickup
    messages[slot].senderDomain = Int32(rng.below(domains.senderCount))
    messages[slot].senderLocal =
      rng.chance(0.25) ? UInt32(1000 + serial % 4_000_000_000) : UInt32(rng.below(senderLocals.count))
    messages[slot].size = messageSize()
    messages[slot].smtpdPid = Int32(pids.smtpd[rng.below(pids.smtpd.count)])
    messages[slot].client = Int32(rng.below(4))
    let n = recipientCount()
    messages[slot].nrcpt = UInt8(n)
    let base = slot * LogGenerator.maxRecipients
    var previous = -1
    for i in 0..<n {
      let d = previous >= 0 && rng.chance(0.25) ? previous : domains.pickRecipientDomain(&rng)
      var r = makeRecipient(domain: d, size: messages[slot].size)
      while isDuplicate(r, among: base..<(base + i)) {
        r.user = UInt32(truncatingIfNeeded: rng.next()) & 0x7FFF_FFFF
      }
      recipients[base + i] = r
      previous = d
    }
    messages[slot].phase = .arrive
    step(slot)
  }

  /// True when `r` has the same address as one of `others` (a message lists each once).
  func isDuplicate(_ r: Recipient, among others: Range<Int>) -> Bool {
    for j in others where recipients[j].domain == r.domain {
      // Render both local parts past the end of the buffer, compare, and take them back.
      let mark = out.count
      localPart(recipients[j].user)
      let middle = out.count
      localPart(r.user)
      let same = middle - mark == out.count - middle
        && memcmp(out.base + mark, out.base + middle, middle - mark) == 0
      out.count = mark
      if same { return true }
    }
    return false
  }

  /// 1 recipient mostly, sometimes a few (up to `maxRecipients`).
  func recipientCount() -> Int {
    let u = rng.below(100)
    if u < 78 { return 1 }
    if u < 90 { return 2 }
    if u < 95 { return 3 }
    return 4 + rng.below(LogGenerator.maxRecipients - 3)
  }

  /// Message sizes: mostly a few KB to tens of KB, a tail of large attachments.
  func messageSize() -> Int32 {
    let u = rng.below(100)
    if u < 70 { return Int32(1500 + rng.below(40_000)) }
    if u < 95 { return Int32(40_000 + rng.below(400_000)) }
    return Int32(400_000 + rng.below(14_000_000))
  }

  /// A new recipient at `domain` with its fate decided up front.
  func makeRecipient(domain: Int, size: Int32) -> Recipient {
    var r = Recipient()
    r.domain = Int32(domain)
    r.user = UInt32(truncatingIfNeeded: rng.next()) & 0x7FFF_FFFF
    r.pending = true
    r.caseStyle = rng.chance(0.02) ? UInt8(1 + rng.below(2)) : 0
    let d = domains.domains[domain]
    r.finalReply = Int32(replies.pick(replies.sent, d.provider, &rng))
    switch d.personality {
    case .nxdomain:
      r.fate = .bounce
      r.finalReply = replies.dnsNotFound
      return r
    case .dead, .refusing:
      r.fate = .deferForever
      r.deferReply = d.personality == .dead ? replies.connectTimeout : replies.connectRefused
      return r
    case .normal, .greylisting:
      break
    }
    let allowLong = liveCount < LogGenerator.liveCap
    let u = rng.unit()
    if u < 0.072 {
      r.fate = .bounce
      r.finalReply = pickBounce(d.provider, size: size)
    } else if u < 0.114 && allowLong {
      r.fate = .deferSent
      r.deferralsLeft = deferralCount()
      r.deferReply = Int32(replies.pick(replies.deferred, d.provider, &rng))
    } else if u < 0.122 && allowLong {
      r.fate = .deferBounce
      r.deferralsLeft = deferralCount()
      r.deferReply = Int32(replies.pick(replies.deferred, d.provider, &rng))
      r.finalReply = pickBounce(d.provider, size: size)
    } else if u < 0.128 && allowLong {
      r.fate = .deferForever
      r.deferReply = Int32(replies.pick(replies.deferred, d.provider, &rng))
    }
    if d.personality == .greylisting && r.fate == .sent {
      r.fate = .deferSent
      r.deferralsLeft = 1
      r.deferReply = replies.greylist
    }
    return r
  }

  /// A bounce reply for the provider; size complaints only for messages over 2 MB.
  func pickBounce(_ provider: Provider, size: Int32) -> Int32 {
    var pick = replies.pick(replies.bounced, provider, &rng)
    while replies.replies[pick].aboutSize && size < 2_000_000 {
      pick = replies.pick(replies.bounced, provider, &rng)
    }
    return Int32(pick)
  }

  /// How many times a temporarily failing recipient is deferred before the final answer.
  func deferralCount() -> UInt8 {
    let u = rng.below(100)
    if u < 60 { return 1 }
    if u < 85 { return 2 }
    return UInt8(3 + rng.below(4))
  }

  /// Messages already in the deferred queue when the log starts (arrived up to one queue
  /// lifetime earlier). They first appear at their next retry, and are what expires early on.
  func seedBacklog() {
    let perSecond = 1 / meanInterarrival
    let count = min(20_000, Int(perSecond * 0.0015 * Double(config.queueLifetime)) + 5)
    let lifetime = config.queueLifetime * 1_000_000
    for _ in 0..<count {
      let slot = allocateSlot()
      serial += 1
      let age = Int64(rng.unit() * Double(lifetime))
      messages[slot].serial = serial
      messages[slot].arrival = now - age
      messages[slot].origin = .smtpd
      messages[slot].senderDomain = Int32(rng.below(domains.senderCount))
      messages[slot].senderLocal = UInt32(rng.below(senderLocals.count))
      messages[slot].size = messageSize()
      messages[slot].nrcpt = 1
      messages[slot].attempts = UInt8(min(200, 1 + age / 3_600_000_000))
      var r = makeRecipient(
        domain: domains.pickRecipientDomain(&rng), size: messages[slot].size)
      let d = domains.domains[Int(r.domain)]
      if r.deferReply == 0 && r.fate != .deferForever {
        r.deferReply = Int32(replies.pick(replies.deferred, d.provider, &rng))
      }
      let u = rng.below(100)
      if r.fate == .deferForever || u < 55 {
        r.fate = .deferForever
      } else if u < 85 {
        r.fate = .deferSent
        r.deferralsLeft = deferralCount()
        if r.finalReply == replies.dnsNotFound {
          r.finalReply = Int32(replies.pick(replies.sent, .generic, &rng))
        }
      } else {
        r.fate = .deferBounce
        r.deferralsLeft = deferralCount()
        r.finalReply = pickBounce(d.provider, size: messages[slot].size)
      }
      recipients[slot * LogGenerator.maxRecipients] = r
      let firstRetry = Int64(rng.unit() * Double(min(lifetime - age, 4_300_000_000)))
      schedule(slot, .queued, after: firstRetry)
    }
  }
}
