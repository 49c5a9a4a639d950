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
    guard counted else {
      context(line, b)
      return
    }
    lines.total += 1
    lines.byKind[Int(line.kind.rawValue)] += 1
    if let t = epoch, line.kind != .notMail, line.kind != .skipped {
      if firstTime == nil || t < firstTime! { firstTime = t }
      if lastTime == nil || t > lastTime! { lastTime = t }
    }
    switch line.kind {
    case .notMail, .skipped, .bounceNotice:
      return
    case .messageCreated:
      created(QueueKey(b.slice(line.queueID)), counted: true)
    case .messageQueued:
      queued(line, b)
    case .delivery:
      delivery(line, b, epoch: epoch, verdict: verdict)
    case .messageExpired:
      expired(QueueKey(b.slice(line.queueID)), line, b)
    case .messageRemoved:
      removed(QueueKey(b.slice(line.queueID)))
    case .inboundReject:
      reject(line, b, epoch: epoch, verdict: verdict)
    }
  }

  /// A new message: a reused queue ID first closes what was there.
  mutating func created(_ key: QueueKey, counted: Bool) {
    if let old = open[key] {
      open[key] = nil
      if old.born { finalize(old) } else { addOrphan(key, old) }
    } else if !orphanKeys.contains(key) {
      // First line of this queue ID here: an earlier partial's open piece ends at this birth.
      bornFirst.insert(key)
    }
    var state = MessageState()
    state.born = true
    state.bornCounted = counted
    open[key] = state
    if counted { messagesReceived += 1 }
  }

  /// Keeps a piece of a message that began in an earlier partial, for `merge` to join.
  mutating func addOrphan(_ key: QueueKey, _ state: MessageState) {
    orphans.append((key, state))
    orphanKeys.insert(key)
  }

  mutating func queued(_ line: ScannedLine, _ b: UnsafeRawBufferPointer, counted: Bool = true) {
    let key = QueueKey(b.slice(line.queueID))
    if line.mta == .exim { created(key, counted: counted) }
    var state = open[key] ?? MessageState()
    if !state.senderKnown {
      state.senderKnown = true
      let sender = b.slice(line.sender)
      state.isNotification = sender.isEmpty
      if !state.isNotification {
        state.sender = senders.intern(domainPart(sender))
        if Int(state.sender) == senderCounters.count { senderCounters.append(SenderCounters()) }
      }
    }
    // The first size seen (an expiry line names the sender but no size); counted once per
    // message in finalize, as qmgr repeats this line on every queue run.
    if line.size >= 0, state.size < 0 { state.size = line.size }
    open[key] = state
  }

  /// A line before the time window: keep message state, count nothing.
  mutating func context(_ line: ScannedLine, _ b: UnsafeRawBufferPointer) {
    switch line.kind {
    case .messageCreated:
      created(QueueKey(b.slice(line.queueID)), counted: false)
    case .messageQueued:
      queued(line, b, counted: false)
    case .delivery:
      guard !line.queueID.isEmpty, line.status != .suppressed, line.status != .deliverable,
        line.status != .undeliverable
      else { return }
      let address = recipientAddress(line, b)
      track(
        line, b, address: address, domain: domainID(address), dsn: 0, counted: false,
        reason: .other)
    case .messageExpired:
      expired(QueueKey(b.slice(line.queueID)), line, b, counted: false)
    case .messageRemoved:
      removed(QueueKey(b.slice(line.queueID)))
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
    let address = recipientAddress(line, b)
    let domain = domainID(address)
    resolveProvider(domain, line, b, address)
    if let verdict { noteVerdict(verdict, line, b, address: address, domain: domain, epoch: epoch) }
    if let list = verdict?.blocklist { noteListing(list, line, b, domain: domain, epoch: epoch) }
    var dsn = DSNCode.pack(b, line.dsn)
    if dsn == 0 { dsn = DSNCode.pack(b, line.textDSN) }
    let code = line.replyCode
    var hour = HourCounters()
    domainCounters[Int(domain)].attempts += 1
    switch line.status {
    case .sent:
      domainCounters[Int(domain)].delay.add(millis: line.delayMillis)
      countCode(dsn, code) { $0.sentAttempts += 1 }
      hour.delivered = 1
    case .deferred:
      domainCounters[Int(domain)].deferredAttempts += 1
      countCode(dsn, code) { $0.deferredAttempts += 1 }
      hour.deferred = 1
    case .bounced:
      countCode(dsn, code) { $0.bouncedAttempts += 1 }
      hour.bounced = 1
    case .expired:
      countCode(dsn, code) { $0.bouncedAttempts += 1 }
      hour.expired = 1
    default:
      break
    }
    if let t = epoch {
      hours[t / 3600, default: HourCounters()].merge(hour)
      noteHour(domain, line, b, dsn: dsn, epoch: t, verdict: verdict)
    }

    guard !line.queueID.isEmpty, line.status != .suppressed else { return }
    track(
      line, b, address: address, domain: domain, dsn: dsn, counted: true,
      reason: verdict?.reason ?? .other)
  }

  /// Records the status of one recipient of one message.
  mutating func track(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, address: UnsafeRawBufferPointer,
    domain: Int32, dsn: UInt32, counted: Bool, reason: Reason
  ) {
    let key = QueueKey(b.slice(line.queueID))
    var state = open[key] ?? MessageState()
    let k = state.recipient(Interner.hash(address), domain: domain)
    if line.status == .deferred {
      state.recipients[k].deferrals += 1
      if counted { state.recipients[k].countedDeferrals += 1 }
    }
    state.recipients[k].last = line.status
    state.recipients[k].lastDSN = dsn
    state.recipients[k].lastReplyCode = UInt16(clamping: line.replyCode)
    state.recipients[k].lastCounted = counted
    // An expiry line ("retry timeout exceeded") says nothing new: keep the deferral's reason.
    if line.status != .expired || state.recipients[k].deferrals == 0 {
      state.recipients[k].lastReason = UInt8(reason.ordinal)
    }
    open[key] = state
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
    _ key: QueueKey, _ line: ScannedLine, _ b: UnsafeRawBufferPointer, counted: Bool = true
  ) {
    var state = open[key] ?? MessageState()
    if !state.senderKnown, line.hasSender {
      state.senderKnown = true
      state.isNotification = line.sender.isEmpty
      if !state.isNotification {
        state.sender = senders.intern(domainPart(b.slice(line.sender)))
        if Int(state.sender) == senderCounters.count { senderCounters.append(SenderCounters()) }
      }
    }
    for k in state.recipients.indices where state.recipients[k].last == .deferred {
      state.recipients[k].last = .expired
      state.recipients[k].lastCounted = counted
    }
    state.expiredHere = true
    state.expiryCounted = counted
    open[key] = state
  }

  mutating func removed(_ key: QueueKey) {
    guard var state = open.removeValue(forKey: key) else {
      var state = MessageState()
      state.ended = true
      addOrphan(key, state)
      return
    }
    state.ended = true
    if state.born { finalize(state) } else { addOrphan(key, state) }
  }

  mutating func reject(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?, verdict: Classification?
  ) {
    inbound.total += 1
    if let verdict {
      inboundReasons[verdict.reason] += 1
      if let list = verdict.blocklist { blocklists[list, default: BlocklistStats()].note(epoch, domain: nil) }
    }
    let dsn = DSNCode.pack(b, line.textDSN)
    inbound.byCode[UInt64(line.replyCode) * 1_000_000_000 + UInt64(dsn), default: 0] += 1
    let client = line.clientIP.isEmpty ? line.clientHost : line.clientIP
    if !client.isEmpty { inbound.byClient[b.string(client), default: 0] += 1 }
    if !client.isEmpty { noteInboundClient(b.string(client), verdict?.reason ?? .other) }
    if !line.recipient.isEmpty {
      let domain = domainID(b.slice(line.recipient))
      domainCounters[Int(domain)].rejected += 1
    }
    countCode(dsn, line.replyCode) { $0.rejected += 1 }
    if let t = epoch {
      var hour = HourCounters()
      hour.rejected = 1
      hours[t / 3600, default: HourCounters()].merge(hour)
    }
  }

  /// Adds to the counters of `dsn` and of the basic `code`, where present.
  mutating func countCode(_ dsn: UInt32, _ code: Int, _ body: (inout CodeCounters) -> Void) {
    if dsn != 0 { body(&dsnCounters[dsn, default: CodeCounters()]) }
    if code != 0 { body(&replyCodeCounters[code, default: CodeCounters()]) }
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
    if address[i] == UInt8(ascii: "@") { return UnsafeRawBufferPointer(rebasing: address[(i + 1)...]) }
    i -= 1
  }
  return address
}
