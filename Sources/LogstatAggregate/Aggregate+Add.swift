import LogstatScan

extension Aggregate {
  /// Adds one scanned line. `epoch` is the line's time in epoch seconds (nil if unknown).
  /// - Complexity: O(1) amortised, plus O(recipients of the message) for delivery lines.
  public mutating func add(_ line: ScannedLine, bytes b: UnsafeRawBufferPointer, epoch: Int64?) {
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
      created(QueueKey(b.slice(line.queueID)))
    case .messageQueued:
      queued(line, b)
    case .delivery:
      delivery(line, b, epoch: epoch)
    case .messageExpired:
      expired(QueueKey(b.slice(line.queueID)), line, b)
    case .messageRemoved:
      removed(QueueKey(b.slice(line.queueID)))
    case .inboundReject:
      reject(line, b, epoch: epoch)
    }
  }

  /// A new message: a reused queue ID first closes what was there.
  mutating func created(_ key: QueueKey) {
    if let old = open[key] {
      open[key] = nil
      if old.born { finalize(old) } else { addOrphan(key, old) }
    } else if !orphanKeys.contains(key) {
      // First line of this queue ID here: an earlier partial's open piece ends at this birth.
      bornFirst.insert(key)
    }
    var state = MessageState()
    state.born = true
    open[key] = state
    messagesReceived += 1
  }

  /// Keeps a piece of a message that began in an earlier partial, for `merge` to join.
  mutating func addOrphan(_ key: QueueKey, _ state: MessageState) {
    orphans.append((key, state))
    orphanKeys.insert(key)
  }

  mutating func queued(_ line: ScannedLine, _ b: UnsafeRawBufferPointer) {
    let key = QueueKey(b.slice(line.queueID))
    if line.mta == .exim { created(key) }
    let isNew = open[key] == nil
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
    _ = isNew
    open[key] = state
  }

  mutating func delivery(_ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?) {
    if line.status == .deliverable || line.status == .undeliverable {
      lines.probes += 1
      return
    }
    let address = b.slice(line.recipient)
    let domain = domainID(address)
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
    if let t = epoch { hours[t / 3600, default: HourCounters()].merge(hour) }

    guard !line.queueID.isEmpty, line.status != .suppressed else { return }
    let key = QueueKey(b.slice(line.queueID))
    var state = open[key] ?? MessageState()
    let k = state.recipient(Interner.hash(address), domain: domain)
    if line.status == .deferred { state.recipients[k].deferrals += 1 }
    state.recipients[k].last = line.status
    state.recipients[k].lastDSN = dsn
    state.recipients[k].lastReplyCode = UInt16(clamping: code)
    open[key] = state
  }

  mutating func expired(_ key: QueueKey, _ line: ScannedLine, _ b: UnsafeRawBufferPointer) {
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
    }
    state.expiredHere = true
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

  mutating func reject(_ line: ScannedLine, _ b: UnsafeRawBufferPointer, epoch: Int64?) {
    inbound.total += 1
    let dsn = DSNCode.pack(b, line.textDSN)
    inbound.byCode[UInt64(line.replyCode) * 1_000_000_000 + UInt64(dsn), default: 0] += 1
    let client = line.clientIP.isEmpty ? line.clientHost : line.clientIP
    if !client.isEmpty { inbound.byClient[b.string(client), default: 0] += 1 }
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
    if Int(id) == domainCounters.count { domainCounters.append(DomainCounters()) }
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
