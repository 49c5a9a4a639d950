/// The life of a message: arrival, delivery rounds, retries, expiry, notifications.
extension LogGenerator {
  /// What one delivery attempt for a recipient does.
  enum Outcome {
    case sent, deferred, bounced
  }

  /// Runs the next phase of the message in `slot`.
  func step(_ slot: Int) {
    switch messages[slot].phase {
    case .arrive:
      writeArrival(slot)
      if isExim {
        schedule(slot, .queued, after: millis(0, 3))
      } else {
        schedule(slot, .cleanup, after: millis(1, 30))
      }
    case .cleanup:
      writeCleanup(slot)
      schedule(slot, .queued, after: millis(1, 60))
    case .queued:
      // Once the log is ending, retries are not run: those recipients stay deferred.
      if stopping && messages[slot].attempts > 0 { return }
      startRound(slot)
    case .deliver:
      deliver(slot)
    case .roundEnd:
      finishRound(slot)
    }
  }

  /// The outcome the next attempt for `r` will have.
  @inline(__always)
  func outcome(_ r: Recipient) -> Outcome {
    if r.deferralsLeft > 0 || r.fate == .deferForever { return .deferred }
    return r.fate == .sent || r.fate == .deferSent ? .sent : .bounced
  }

  /// Index of the first pending recipient at or after `i`.
  func nextPending(_ slot: Int, from i: Int) -> Int? {
    let base = slot * LogGenerator.maxRecipients
    var j = i
    while j < Int(messages[slot].nrcpt) {
      if recipients[base + j].pending { return j }
      j += 1
    }
    return nil
  }

  /// Time the attempt for recipient `i` takes before its line is written.
  func attemptTime(_ slot: Int, _ i: Int, first: Bool) -> Int64 {
    let r = recipients[slot * LogGenerator.maxRecipients + i]
    if outcome(r) == .deferred && Int(r.deferReply) == Int(replies.connectTimeout) {
      return 30_000_000 + millis(0, 400)
    }
    return first ? millis(20, 1500) : millis(2, 250)
  }

  /// Starts a delivery round (first attempt or a retry from the deferred queue).
  func startRound(_ slot: Int) {
    writeQueueActive(slot)
    messages[slot].roundFailures = 0
    messages[slot].lastSentDomain = -1
    guard let first = nextPending(slot, from: 0) else {
      schedule(slot, .roundEnd, after: millis(1, 10))
      return
    }
    messages[slot].cursor = UInt8(first)
    schedule(slot, .deliver, after: attemptTime(slot, first, first: true))
  }

  /// One delivery attempt for the recipient at the cursor, then the next one or the round's end.
  func deliver(_ slot: Int) {
    let i = Int(messages[slot].cursor)
    let ri = slot * LogGenerator.maxRecipients + i
    let r = recipients[ri]
    let d = Int(r.domain)
    let result = outcome(r)
    writeDelivery(slot, ri, result)
    switch result {
    case .deferred:
      truth[d].deferralLines += 1
      recipients[ri].deferredInLog = true
      if r.deferralsLeft > 0 { recipients[ri].deferralsLeft -= 1 }
    case .sent:
      recipients[ri].pending = false
      truth[d].recipients += 1
      truth[d].delivered += 1
      if r.deferredInLog { truth[d].deferredThenSent += 1 }
      if messages[slot].origin == .notification { truth[d].dsnNotifications += 1 }
      messages[slot].lastSentDomain = r.domain
    case .bounced:
      recipients[ri].pending = false
      truth[d].recipients += 1
      truth[d].bounced += 1
      messages[slot].roundFailures += 1
    }
    if let next = nextPending(slot, from: i + 1) {
      messages[slot].cursor = UInt8(next)
      schedule(slot, .deliver, after: attemptTime(slot, next, first: false))
    } else {
      schedule(slot, .roundEnd, after: millis(0, 12))
    }
  }

  /// Ends a round: expiry, the non-delivery notification, then removal or the next retry.
  func finishRound(_ slot: Int) {
    messages[slot].attempts &+= 1
    let base = slot * LogGenerator.maxRecipients
    let n = Int(messages[slot].nrcpt)
    var pending = 0
    for i in 0..<n where recipients[base + i].pending { pending += 1 }
    if pending > 0 && now - messages[slot].arrival >= config.queueLifetime * 1_000_000 {
      writeExpiry(slot)
      for i in 0..<n where recipients[base + i].pending {
        let d = Int(recipients[base + i].domain)
        recipients[base + i].pending = false
        truth[d].recipients += 1
        truth[d].expired += 1
      }
      messages[slot].roundFailures &+= UInt8(pending)
      pending = 0
    }
    if messages[slot].roundFailures > 0 && messages[slot].origin != .notification {
      let dsn = createNotification(parent: slot)
      writeNotificationCreated(parent: slot, notification: dsn)
      schedule(dsn, .queued, after: millis(1, 8))
    }
    if pending == 0 {
      writeRemoved(slot)
      freeSlot(slot)
    } else {
      schedule(slot, .queued, after: retryDelay(slot))
    }
  }

  /// Time until the next retry: Postfix doubles from 300 s up to 4000 s (plus the queue
  /// scan delay); Exim's default rule retries every 15 min for 2 h, then hourly and slower.
  func retryDelay(_ slot: Int) -> Int64 {
    let attempts = Int(messages[slot].attempts)
    let seconds: Int
    if isExim {
      let age = (now - messages[slot].arrival) / 1_000_000
      seconds = age < 7200 ? 900 : (age < 16 * 3600 ? 3600 : 6 * 3600)
    } else {
      seconds = min(300 << min(attempts - 1, 8), 4000)
    }
    return Int64(seconds + rng.below(300)) * 1_000_000 + Int64(rng.below(1_000_000))
  }

  /// Queues the bounce message for the failures of `parent`'s round and returns its slot.
  func createNotification(parent: Int) -> Int {
    let slot = allocateSlot()
    serial += 1
    let p = messages[parent]
    messages[slot].serial = serial
    messages[slot].parentSerial = p.serial
    messages[slot].arrival = now
    messages[slot].origin = .notification
    messages[slot].senderDomain = p.senderDomain
    messages[slot].senderLocal = p.senderLocal
    messages[slot].size = Int32(2200 + rng.below(3000)) + min(p.size, 60_000)
    messages[slot].nrcpt = 1
    var r = Recipient()
    r.domain = p.senderDomain
    r.user = 0x8000_0000 | p.senderLocal
    r.finalReply = Int32(replies.pick(replies.sent, .generic, &rng))
    r.pending = true
    recipients[slot * LogGenerator.maxRecipients] = r
    return slot
  }
}
