import LogstatClassify
import LogstatEvents
import LogstatKinds

extension Aggregate {
  /// Adds one line's event (built by Scan and Classify: `LineEvent`; no bytes are read here).
  ///
  /// An event with `counted: false` (a line before the time window) only updates what is known
  /// about its message (sender, deferrals), so outcomes inside the window are still right.
  /// - Complexity: O(1) amortised, plus O(recipients of the message) for delivery lines.
  public mutating func add(_ line: LineEvent) {
    var line = line
    add(&line)
  }

  /// Adds one line's event, as `add(_:)` does, reading it in place: `line` is only read. It is
  /// `inout` so that the ~345-byte event is passed by address; by value, the engine's call
  /// copied it (a `memcpy` a line), as a variable is not lent to a by-value (or `borrowing`)
  /// parameter without a copy. The helpers below take it `inout` for the same reason: handing
  /// an `inout` event on to a by-value helper copies it there instead (measured).
  public mutating func add(_ line: inout LineEvent) {
    if recipientAddresses.needsPruning || senderAddresses.needsPruning { boundAddresses() }
    let epoch = line.epoch
    guard line.counted else {
      context(&line, epoch: epoch)
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
    case .notMail, .skipped:
      return
    case .bounceNotice:
      notificationMade(&line)
    case .messageEntered:
      entered(epoch: epoch)
    case .messageCreated:
      created(line.queue, counted: true, epoch: epoch)
    case .messageQueued:
      queued(&line, epoch: epoch)
    case .delivery:
      delivery(&line, epoch: epoch)
    case .messageExpired:
      expired(line.queue, &line, epoch: epoch)
    case .messageRemoved:
      removed(line.queue)
    case .inboundReject:
      reject(&line, epoch: epoch)
    case .event:
      event(&line, epoch: epoch)
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

  mutating func queued(_ line: inout LineEvent, counted: Bool = true, epoch: Int64?) {
    let key = line.queue
    let i =
      line.mta == .exim
      ? created(key, counted: counted, epoch: epoch) : open.findOrInsert(key)
    // Exim's `<=` is the message entering, except for the bounces Exim made itself.
    if line.mta == .exim, counted, !(line.sender.isEmpty && line.hasRelatedQueue) {
      entered(epoch: epoch)
    }
    if line.mta == .exim, line.sender.isEmpty, line.hasRelatedQueue { open[i].madeHere = true }
    if line.mta == .exim, let t = epoch { open[i].arrivedAt = t }
    open.touch(i, epoch)
    if !open[i].senderKnown { noteSender(i, &line) }
    // The first size seen (an expiry line names the sender but no size); counted once per
    // message in finalize, as qmgr repeats this line on every queue run.
    if line.size >= 0, open[i].size < 0 { open[i].size = line.size }
  }

  /// A line before the time window: keep message state, count nothing.
  mutating func context(_ line: inout LineEvent, epoch: Int64?) {
    switch line.kind {
    case .messageCreated:
      created(line.queue, counted: false, epoch: epoch)
    case .messageQueued:
      queued(&line, counted: false, epoch: epoch)
    case .delivery:
      guard line.hasQueue, line.status != .suppressed, line.status != .deliverable,
        line.status != .undeliverable, line.special == .none
      else { return }
      let domain = domainID(&line)
      track(&line, domain: domain, dsn: 0, counted: false, reason: .other, epoch: epoch)
    case .messageExpired:
      expired(line.queue, &line, counted: false, epoch: epoch)
    case .messageRemoved:
      removed(line.queue)
    case .event where line.event == .adminRemoved && line.hasQueue:
      adminRemoved(line.queue, counted: false, epoch: epoch)
    case .bounceNotice:
      notificationMade(&line)
    default:
      return
    }
  }

  /// Postfix names the notification it made for a message (`sender non-delivery
  /// notification: QID2`): QID2 was made here, not received. The line follows QID2's cleanup
  /// line; a piece opened here (QID2 born in an earlier partial) joins it in `merge`.
  mutating func notificationMade(_ line: inout LineEvent) {
    guard line.hasRelatedQueue else { return }
    let i = open.findOrInsert(line.relatedQueue)
    open[i].madeHere = true
  }

  mutating func delivery(_ line: inout LineEvent, epoch: Int64?) {
    if line.status == .deliverable || line.status == .undeliverable {
      lines.probes += 1
      return
    }
    if line.special != .none {
      special(&line)
      return
    }
    let verdict = line.verdict
    let domain = domainID(&line)
    resolveProvider(domain, &line)
    if let verdict { noteVerdict(verdict, &line, domain: domain, epoch: epoch) }
    if let list = verdict?.blocklist { noteListing(list, &line, domain: domain, epoch: epoch) }
    let dsn = line.enhancedCode
    let code = Int(line.replyCode)
    domainCounters[Int(domain)].attempts += 1
    switch line.status {
    case .sent:
      domainCounters[Int(domain)].delay.add(millis: line.delayMillis)
      countCode(dsn, code) { $0.sentAttempts += 1 }
      if line.mta == .exim {
        events.eximDeliveredByDomain.add(line.recipientDomain)
        if line.overTLS { events.tlsDeliveredByDomain.add(line.recipientDomain) }
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
    if let t = epoch { noteHour(domain, &line, dsn: dsn, epoch: t) }

    var addressID: Int32 = -1
    if line.status == .sent {
      if line.forwarded {
        events.forwarded += 1
      } else {
        addressID = recipientAddresses.add(line.recipient)
      }
    }
    guard line.hasQueue, line.status != .suppressed else { return }
    track(
      &line, domain: domain, dsn: dsn, counted: true, reason: verdict?.reason ?? .other,
      epoch: epoch, addressID: addressID)
    if line.status == .sent, line.mta == .exim, line.delayMillis < 0, let t = epoch {
      measureEximDelay(line.queue, domain: domain, sentAt: t)
    }
  }

  /// An Exim delivery without `QT=`: its delay is the time since the message's `<=` line. When
  /// that line may lie in an earlier partial, the delivery waits in the message's state for
  /// `merge` (`MessageState.pendingDeliveries`); a message that arrived before the input began
  /// has no delay, however the input is split.
  mutating func measureEximDelay(_ queue: QueueKey, domain: Int32, sentAt t: Int64) {
    guard let i = open.find(queue) else { return }
    let arrived = open[i].arrivedAt
    if arrived != Int64.min {
      domainCounters[Int(domain)].delay.add(millis: MessageState.delayMillis(from: arrived, to: t))
    } else if !open[i].born, !startsInput {
      open.withState(i) { $0.pendingDeliveries.append((domain, t)) }
    }
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
    _ line: inout LineEvent, domain: Int32, dsn: UInt32, counted: Bool, reason: Reason, epoch: Int64?,
    addressID: Int32 = -1
  ) {
    let i = open.findOrInsert(line.queue)
    open.touch(i, epoch)
    // One in-place access to the message's state for the whole update (each `open[i]...`
    // assignment was a chain of accessors and uniqueness checks of its own).
    open.withState(i) { state in
      let k = state.recipient(line.recipient.hash, domain: domain)
      state.recipients[k].record(
        line.status, dsn: dsn, replyCode: line.replyCode, counted: counted, reason: reason,
        addressID: addressID)
    }
  }

  /// The sender of message entry `i`, from a line that names it.
  mutating func noteSender(_ i: Int, _ line: inout LineEvent) {
    open[i].senderKnown = true
    open[i].isNotification = line.sender.isEmpty
    if !line.sender.isEmpty {
      let id = senders.intern(line.senderDomain)
      if Int(id) == senderCounters.count { senderCounters.append(SenderCounters()) }
      open[i].sender = id
      open[i].senderAddress = senderAddresses.add(line.sender, 0)
    }
  }

  mutating func expired(_ key: QueueKey, _ line: inout LineEvent, counted: Bool = true, epoch: Int64?) {
    let i = open.findOrInsert(key)
    open.touch(i, epoch)
    if !open[i].senderKnown, line.hasSender { noteSender(i, &line) }
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
    guard let (i, slot) = open.findSlot(key) else {
      var state = MessageState()
      state.ended = true
      addOrphan(key, state)
      return
    }
    open[i].ended = true
    if open[i].born {
      finalize(open[i])
      open.remove(at: i, slot: slot)
    } else if let state = open.removeValue(forKey: key) {
      addOrphan(key, state)
    }
  }

  /// Closes open messages whose last line is more than `staleAfter` seconds before `now`:
  /// they can no longer continue, and keeping them would let memory grow with the input.
  mutating func closeStale(now: Int64) {
    let limit = now - staleAfter
    var stale: [Int] = []
    // By index: enumerating `open.entries` copied every entry (its recipient list and index).
    for index in 0..<open.slabCount where open.isOpen(index) {
      let seen = open.lastSeen(index)
      if seen != Int64.min && seen < limit { stale.append(index) }
    }
    for index in stale {
      staleMessagesClosed += 1
      if open[index].born {
        finalize(open[index])
      } else {
        addOrphan(open.key(index), open[index])
        open[index].recipients = []  // the orphan owns that buffer now
      }
      open.remove(at: index)
    }
    sweepAt = Swift.max(Aggregate.minimumSweep, open.count * 2)
  }

  mutating func reject(_ line: inout LineEvent, epoch: Int64?) {
    let verdict = line.verdict
    inbound.total += 1
    if let verdict {
      inboundReasons[verdict.reason] += 1
      if let list = verdict.blocklist { blocklists[list, default: BlocklistStats()].note(epoch, domain: nil) }
    }
    let dsn = line.enhancedCode
    inbound.byCode[UInt64(line.replyCode) * 1_000_000_000 + UInt64(dsn), default: 0] += 1
    if !line.client.isEmpty { noteInboundClient(line.client, verdict?.reason ?? .other) }
    if !line.recipientDomain.isEmpty {
      let domain = domainID(&line)
      domainCounters[Int(domain)].rejected += 1
    }
    countCode(dsn, Int(line.replyCode)) { $0.rejected += 1 }
    if let t = epoch { countHour(t) { $0.rejected += 1 } }
  }

  /// The interned ID of the line's recipient domain, adding counters for a new domain.
  mutating func domainID(_ line: inout LineEvent) -> Int32 {
    let id = domains.intern(line.recipientDomain)
    if Int(id) == domainCounters.count { appendDomain() }
    return id
  }
}
