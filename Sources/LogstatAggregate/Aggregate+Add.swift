import LogstatClassify
import LogstatScan

extension Aggregate {
  /// Adds one scanned line. `epoch` is the line's time in epoch seconds (nil if unknown).
  ///
  /// With `counted: false` (a line before the time window) the line only updates what is known
  /// about its message (sender, deferrals), so outcomes inside the window are still right.
  /// - Complexity: O(1) amortised, plus O(recipients of the message) for delivery lines.
  /// `verdict` is the classification of the line's reply (deferred, bounced, expired and
  /// rejected lines), made by the caller's `ReplyClassifier`.
  public mutating func add(
    _ line: ScannedLine, bytes b: UnsafeRawBufferPointer, epoch: Int64?, counted: Bool = true,
    verdict: Classification? = nil
  ) {
    if recipientAddresses.needsPruning || senderAddresses.needsPruning { boundAddresses() }
    guard counted else {
      context(line, b, epoch: epoch)
      return
    }
    lines.total += 1
    lines.byKind[Int(line.kind.rawValue)] += 1
    if line.damaged { lines.damaged += 1 }
    if let t = epoch, line.kind != .notMail, line.kind != .skipped {
      if firstTime == nil || t < firstTime! { firstTime = t }
      if lastTime == nil || t > lastTime! { lastTime = t }
    }
    switch line.kind {
    case .notMail, .skipped, .bounceNotice:
      return
    case .messageEntered:
      entered(epoch: epoch)
    case .messageCreated:
      created(QueueKey(b.slice(line.queueID)), counted: true, epoch: epoch)
    case .messageQueued:
      queued(line, b, epoch: epoch)
    case .delivery:
      delivery(line, b, epoch: epoch, verdict: verdict)
    case .messageExpired:
      expired(QueueKey(b.slice(line.queueID)), line, b, epoch: epoch)
    case .messageRemoved:
      removed(QueueKey(b.slice(line.queueID)))
    case .inboundReject:
      reject(line, b, epoch: epoch, verdict: verdict)
    case .event:
      event(line, b, epoch: epoch)
    }
  }

  /// A new message: a reused queue ID first closes what was there. Returns its entry.
  @discardableResult
  mutating func created(_ key: QueueKey, counted: Bool, epoch: Int64?) -> Int {
    let i: Int
    if let old = open.find(key) {
      if open[old].born {
        finalize(open[old])
      } else {
        addOrphan(key, open[old])
        open[old].recipients = []  // the orphan owns that buffer now
      }
      open[old].reset()
      i = old
    } else {
      if !startsInput, !orphanKeys.contains(key) {
        // First line of this queue ID here: an earlier partial's open piece ends at this birth.
        bornFirst.insert(key)
      }
      i = open.insert(key)
      if let t = epoch, open.count > sweepAt { closeStale(now: t) }
    }
    open[i].born = true
    open[i].bornCounted = counted
    open.touch(i, epoch)
    return i
  }

  /// A message entered from outside: counted in the totals and in its hour (per-day traffic).
  mutating func entered(epoch: Int64?) {
    messagesReceived += 1
    if let t = epoch { countHour(t) { $0.received += 1 } }
  }

  /// Keeps a piece of a message that began in an earlier partial, for `merge` to join.
  /// With `startsInput` there is no earlier partial: the piece is final now.
  mutating func addOrphan(_ key: QueueKey, _ state: MessageState) {
    if startsInput {
      finalize(state)
      return
    }
    orphans.append((key, state))
    orphanKeys.insert(key)
  }

  mutating func queued(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, counted: Bool = true, epoch: Int64?
  ) {
    let key = QueueKey(b.slice(line.queueID))
    let i =
      line.mta == .exim
      ? created(key, counted: counted, epoch: epoch) : open.findOrInsert(key)
    // Exim's `<=` is the message entering, except for the bounces Exim made itself.
    if line.mta == .exim, counted, !(line.sender.isEmpty && !line.relatedQueueID.isEmpty) {
      entered(epoch: epoch)
    }
    open.touch(i, epoch)
    if !open[i].senderKnown {
      open[i].senderKnown = true
      let sender = b.slice(line.sender)
      open[i].isNotification = sender.isEmpty
      if !sender.isEmpty {
        let id = senders.intern(domainPart(sender))
        if Int(id) == senderCounters.count { senderCounters.append(SenderCounters()) }
        open[i].sender = id
        open[i].senderAddress = senderAddresses.add(sender, 0)
      }
    }
    // The first size seen (an expiry line names the sender but no size); counted once per
    // message in finalize, as qmgr repeats this line on every queue run.
    if line.size >= 0, open[i].size < 0 { open[i].size = line.size }
  }

  /// A line before the time window: keep message state, count nothing.
  mutating func context(_ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?) {
    switch line.kind {
    case .messageCreated:
      created(QueueKey(b.slice(line.queueID)), counted: false, epoch: epoch)
    case .messageQueued:
      queued(line, b, counted: false, epoch: epoch)
    case .delivery:
      guard !line.queueID.isEmpty, line.status != .suppressed, line.status != .deliverable,
        line.status != .undeliverable, line.special == .none
      else { return }
      let address = recipientAddress(line, b)
      track(
        line, b, address: address, domain: domainID(address), dsn: 0, counted: false,
        reason: .other, epoch: epoch)
    case .messageExpired:
      expired(QueueKey(b.slice(line.queueID)), line, b, counted: false, epoch: epoch)
    case .messageRemoved:
      removed(QueueKey(b.slice(line.queueID)))
    case .event where line.event == .adminRemoved && !line.queueID.isEmpty:
      adminRemoved(QueueKey(b.slice(line.queueID)), counted: false, epoch: epoch)
    default:
      return
    }
  }

  mutating func delivery(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?, verdict: Classification?
  ) {
    if line.status == .deliverable || line.status == .undeliverable {
      lines.probes += 1
      return
    }
    if line.special != .none {
      special(line)
      return
    }
    let address = recipientAddress(line, b)
    let domain = domainID(address)
    resolveProvider(domain, line, b, address)
    if let verdict { noteVerdict(verdict, line, b, address: address, domain: domain, epoch: epoch) }
    if let list = verdict?.blocklist { noteListing(list, line, b, domain: domain, epoch: epoch) }
    let dsn = line.enhancedCode
    let code = line.replyCode
    domainCounters[Int(domain)].attempts += 1
    switch line.status {
    case .sent:
      domainCounters[Int(domain)].delay.add(millis: line.delayMillis)
      countCode(dsn, code) { $0.sentAttempts += 1 }
      if line.mta == .exim {
        let name = domainPart(address)
        events.eximDeliveredByDomain.add(name)
        if line.overTLS { events.tlsDeliveredByDomain.add(name) }
      }
      if let t = epoch { countHour(t) { $0.delivered += 1 } }
    case .deferred:
      domainCounters[Int(domain)].deferredAttempts += 1
      countCode(dsn, code) { $0.deferredAttempts += 1 }
      if let t = epoch { countHour(t) { $0.deferred += 1 } }
    case .bounced:
      countCode(dsn, code) { $0.bouncedAttempts += 1 }
      if let t = epoch { countHour(t) { $0.bounced += 1 } }
    case .expired:
      countCode(dsn, code) { $0.bouncedAttempts += 1 }
      if let t = epoch { countHour(t) { $0.expired += 1 } }
    default:
      if let t = epoch { countHour(t) { _ in } }
    }
    if let t = epoch { noteHour(domain, line, b, dsn: dsn, epoch: t, verdict: verdict) }

    var addressID: Int32 = -1
    if line.status == .sent {
      if line.mta == .postfix, isForwarded(line, b) {
        events.forwarded += 1
      } else {
        addressID = recipientAddresses.add(address)
      }
    }
    guard !line.queueID.isEmpty, line.status != .suppressed else { return }
    track(
      line, b, address: address, domain: domain, dsn: dsn, counted: true,
      reason: verdict?.reason ?? .other, epoch: epoch, addressID: addressID)
  }

  /// Adds to the counters of the hour of `t`: the current hour's slot is remembered, so
  /// consecutive lines of one hour hash nothing.
  @inline(__always)
  mutating func countHour(_ t: Int64, _ body: (inout HourCounters) -> Void) {
    let h = t / 3600
    if h != hourCursorKey || hourCursor == nil {
      if hours[h] == nil { hours[h] = HourCounters() }
      hourCursor = hours.index(forKey: h)
      hourCursorKey = h
    }
    body(&hours.values[hourCursor!])
  }

  /// Records the status of one recipient of one message.
  mutating func track(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, address: UnsafeRawBufferPointer,
    domain: Int32, dsn: UInt32, counted: Bool, reason: Reason, epoch: Int64?, addressID: Int32 = -1
  ) {
    let i = open.findOrInsert(QueueKey(b.slice(line.queueID)))
    open.touch(i, epoch)
    let k = open[i].recipient(Interner.hash(address), domain: domain)
    if addressID >= 0 { open[i].recipients[k].address = addressID }
    if line.status == .deferred {
      open[i].recipients[k].deferrals += 1
      if counted { open[i].recipients[k].countedDeferrals += 1 }
    }
    open[i].recipients[k].last = line.status
    open[i].recipients[k].lastDSN = dsn
    open[i].recipients[k].lastReplyCode = UInt16(clamping: line.replyCode)
    open[i].recipients[k].lastCounted = counted
    open[i].recipients[k].expiredByMessage = false
    // An expiry line ("retry timeout exceeded") says nothing new: it keeps the reason an
    // earlier line gave (a deferral's or a bounce's). A delivered line has no failure reason:
    // it keeps the earlier one too, as a merge of partials split between the two does.
    let delivered = line.status == .sent || line.status == .suppressed
    if line.status == .expired {
      if open[i].recipients[k].lastReason == RecipientState.noReason {
        open[i].recipients[k].lastReason = UInt8(reason.ordinal)
        open[i].recipients[k].reasonFromExpiry = true
      }
    } else if !delivered {
      open[i].recipients[k].lastReason = UInt8(reason.ordinal)
      open[i].recipients[k].reasonFromExpiry = false
    }
  }

  /// The recipient address; Exim file and pipe deliveries name the original address instead.
  func recipientAddress(_ line: ScannedLine, _ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    let address = b.slice(line.recipient)
    if !line.originalRecipient.isEmpty, !address.contains(UInt8(ascii: "@")) {
      return b.slice(line.originalRecipient)
    }
    return address
  }

  mutating func expired(
    _ key: QueueKey, _ line: ScannedLine, _ b: UnsafeRawBufferPointer, counted: Bool = true,
    epoch: Int64?
  ) {
    let i = open.findOrInsert(key)
    open.touch(i, epoch)
    if !open[i].senderKnown, line.hasSender {
      open[i].senderKnown = true
      open[i].isNotification = line.sender.isEmpty
      if !line.sender.isEmpty {
        let id = senders.intern(domainPart(b.slice(line.sender)))
        if Int(id) == senderCounters.count { senderCounters.append(SenderCounters()) }
        open[i].sender = id
        open[i].senderAddress = senderAddresses.add(b.slice(line.sender), 0)
      }
    }
    for k in open[i].recipients.indices where open[i].recipients[k].last == .deferred {
      open[i].recipients[k].last = .expired
      open[i].recipients[k].lastCounted = counted
      open[i].recipients[k].expiredByMessage = true
    }
    open[i].expiredHere = true
    open[i].expiryCounted = counted
    open[i].expiredAt = epoch ?? Int64.min
  }

  mutating func removed(_ key: QueueKey) {
    guard let i = open.find(key) else {
      var state = MessageState()
      state.ended = true
      addOrphan(key, state)
      return
    }
    open[i].ended = true
    if open[i].born {
      finalize(open[i])
      open.remove(at: i)
    } else if let state = open.removeValue(forKey: key) {
      addOrphan(key, state)
    }
  }

  /// Closes open messages whose last line is more than `staleAfter` seconds before `now`:
  /// they can no longer continue, and keeping them would let memory grow with the input.
  mutating func closeStale(now: Int64) {
    let limit = now - staleAfter
    var stale: [Int] = []
    for (index, entry) in open.entries.enumerated()
    where entry.inUse && entry.lastSeen != Int64.min && entry.lastSeen < limit {
      stale.append(index)
    }
    for index in stale {
      staleMessagesClosed += 1
      if open[index].born {
        finalize(open[index])
      } else {
        addOrphan(open.entries[index].key, open[index])
        open[index].recipients = []  // the orphan owns that buffer now
      }
      open.remove(at: index)
    }
    sweepAt = Swift.max(Aggregate.minimumSweep, open.count * 2)
  }

  mutating func reject(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?, verdict: Classification?
  ) {
    inbound.total += 1
    if let verdict {
      inboundReasons[verdict.reason] += 1
      if let list = verdict.blocklist { blocklists[list, default: BlocklistStats()].note(epoch, domain: nil) }
    }
    let dsn = line.enhancedCode
    inbound.byCode[UInt64(line.replyCode) * 1_000_000_000 + UInt64(dsn), default: 0] += 1
    let client = line.clientIP.isEmpty ? line.clientHost : line.clientIP
    if !client.isEmpty { noteInboundClient(b.slice(client), verdict?.reason ?? .other) }
    if !line.recipient.isEmpty {
      let domain = domainID(b.slice(line.recipient))
      domainCounters[Int(domain)].rejected += 1
    }
    countCode(dsn, line.replyCode) { $0.rejected += 1 }
    if let t = epoch { countHour(t) { $0.rejected += 1 } }
  }

  /// The interned ID of the domain of `address`, adding counters for a new domain.
  mutating func domainID(_ address: UnsafeRawBufferPointer) -> Int32 {
    let id = domains.intern(domainPart(address))
    if Int(id) == domainCounters.count { appendDomain() }
    return id
  }
}

/// The part after the last `@`, or the whole address when there is none.
func domainPart(_ address: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
  var i = address.count - 1
  while i >= 0 {
    // Safe because: a bounds-checked slice of the line's buffer, used while the line is.
    if address[i] == UInt8(ascii: "@") { return UnsafeRawBufferPointer(rebasing: address[(i + 1)...]) }
    i -= 1
  }
  return address
}
