import LogstatClassify
import LogstatKinds

extension Aggregate {
  /// Counts the final outcome of each recipient of a message whose life is known.
  mutating func finalize(_ state: MessageState) {
    var sender = SenderCounters()
    for r in state.recipients where r.last != .none && r.lastCounted {
      // One in-place access per recipient (a fresh DomainCounters would allocate its delay
      // histogram; a field-by-field update was an accessor chain per field).
      counts.domainCounters[Int(r.domain)].countOutcome(r, notification: state.isNotification)
      switch r.last {
      case .sent, .suppressed:
        sender.delivered += 1
      case .bounced:
        sender.bounced += 1
        countCode(r.lastDSN, Int(r.lastReplyCode)) { $0.finalBounced += 1 }
      case .expired:
        sender.expired += 1
        countCode(r.lastDSN, Int(r.lastReplyCode)) { $0.finalExpired += 1 }
        if r.expiredByMessage { countMessageExpiry(r, at: state.expiredAt) }
      case .deferred:
        sender.stillDeferred += 1
      default:
        break
      }
      sender.recipients += 1
    }
    // Once per message, not per qmgr line: qmgr repeats `from=, size=` on every queue run,
    // and a rotation between two runs must not count the message twice.
    if state.size > 0 {
      for r in state.recipients where r.address >= 0 {
        bytesDelivered += state.size
        recipientAddresses.addBytes(r.address, state.size)
      }
    }
    if state.bornCounted || sender.recipients > 0 {
      if state.senderAddress >= 0 { senderAddresses.addMessage(state.senderAddress, bytes: Swift.max(state.size, 0)) }
      if !state.madeHere { bytesReceived = bytesReceived.addingSaturated(Swift.max(state.size, 0)) }
      if state.isNotification { notificationsSent += 1 }
    }
    if state.senderKnown, !state.isNotification, state.sender >= 0,
      state.bornCounted || sender.recipients > 0
    {
      sender.messages = 1
      sender.bytes = Swift.max(state.size, 0)
      senderCounters[Int(state.sender)].merge(sender)
      noteSenderHardBounces(state)
    }
  }

  /// Puts a recipient that expired with its message (Postfix names the message, not its
  /// recipients) into the hour and the domain cell of the expiry line, as an Exim expiry line
  /// is counted when read: timeline, per-day table and history then agree with the summary.
  mutating func countMessageExpiry(_ r: RecipientState, at t: Int64) {
    guard t != Int64.min else { return }
    countHour(t) { $0.expired += 1 }
    domainHours.add(
      DomainHourKey(
        hour: Swift.max(0, t / 3600), domain: r.domain, status: .expired,
        reason: r.reason))
  }

  /// Joins `later`, the aggregate of the input that follows this one, onto this one: the
  /// counts add (`AggregateCounts.merge`), and messages whose lines fall on both sides are
  /// joined as one life.
  ///
  /// Associative, with `Aggregate()` as identity.
  public mutating func merge(_ later: Aggregate) {
    // If `later` starts the input, whatever this holds is empty and the join starts it too.
    startsInput = startsInput || later.startsInput
    let maps = counts.join(later.counts)
    let domainMap = maps.domains
    let senderMap = maps.senders
    let addressMaps = maps.addresses
    correlator.cursors.clear()  // inserts above may have moved the remembered slots
    staleMessagesClosed += later.staleMessagesClosed

    // Queue IDs whose first line in `later` is a birth: what we hold under them is over
    // (as `created` does when reading on), so it must not join a piece that follows.
    // (Found from our side: what we hold open is small, `later`'s births are many.)
    if !later.bornFirst.isEmpty {
      var over: [QueueKey] = []
      // By index, reading keys only: iterating `open.openEntries` copied every entry.
      for i in 0..<open.slabCount where open.isOpen(i) && later.bornFirst.contains(open.key(i)) {
        over.append(open.key(i))
      }
      for key in over {
        let old = open.removeValue(forKey: key)!
        if old.born { finalize(old) } else { addOrphan(key, old) }
      }
      // Births in `later` stay births of the join, for a partial before it; a queue ID that
      // was over here is now ours as a birth (`bornFirst`) or an orphan (`orphanKeys`).
      if !startsInput {
        for f in later.bornFirst.fingerprints
        where !bornFirst.contains(fingerprint: f) && !orphanKeys.contains(fingerprint: f) {
          bornFirst.insert(fingerprint: f)
        }
      }
    }
    // Messages that ended in `later` but began earlier: join with what we hold.
    for (key, piece) in later.orphans {
      let translated = piece.translated(domainMap: domainMap, senderMap: senderMap, addresses: addressMaps)
      if var mine = open.removeValue(forKey: key) {
        countDelays(mine.append(translated, domainMap: identity, senderMap: identity))
        if mine.born { finalize(mine) } else { addOrphan(key, mine) }
      } else {
        addOrphan(key, translated)
      }
    }
    // Messages still open at the end of `later`.
    for entry in later.open.openEntries {
      let key = entry.key
      let piece = entry.state
      let translated = piece.translated(domainMap: domainMap, senderMap: senderMap, addresses: addressMaps)
      if piece.born {
        // A new life for this queue ID: whatever we held under it is over.
        if let old = open.removeValue(forKey: key) {
          if old.born { finalize(old) } else { addOrphan(key, old) }
        }
        open.set(key, translated, lastSeen: entry.lastSeen)
      } else if let i = open.find(key) {
        countDelays(open[i].append(translated, domainMap: identity, senderMap: identity))
        open.touch(i, entry.lastSeen == Int64.min ? nil : entry.lastSeen)
      } else {
        open.set(key, translated, lastSeen: entry.lastSeen)
      }
    }
    if recipientAddresses.needsPruning || senderAddresses.needsPruning { boundAddresses() }
  }

  /// Counts the delays a join measured (`MessageState.append`), in our domain IDs.
  mutating func countDelays(_ measured: [(domain: Int32, millis: Int)]) {
    for (domain, millis) in measured { domainCounters[Int(domain)].delay.add(millis: millis) }
  }

  /// Closes every message still open: recipients last deferred count as still deferred.
  /// Call once, after the last merge.
  public mutating func finish() {
    guard !finished else { return }
    finished = true
    for (_, state) in orphans { finalize(state) }
    orphans.removeAll()
    orphanKeys.removeAll()
    for entry in open.openEntries { finalize(entry.state) }
    open.removeAll()
    bornFirst.removeAll()
    // Nothing is held any more: back to the bound, however much open messages held before.
    boundAddresses(final: true)
    counts.boundClients(final: true)
    // After finalising: message expiries add their cells there.
    domainHours.flush()
    counts.boundHourCells()
    counts.boundExamples()
  }
}

extension DomainCounters {
  /// Counts the final outcome of one recipient of a finished message (`Aggregate.finalize`).
  @inline(__always)
  mutating func countOutcome(_ r: RecipientState, notification: Bool) {
    recipients += 1
    if r.countedDeferrals > 0 { deferredRecipients += 1 }
    switch r.last {
    case .sent, .suppressed:
      delivered += 1
      if r.deferrals > 0 { deferredThenDelivered += 1 }
    case .bounced:
      bounced += 1
      failedReasons.add(ordinal: r.reason.ordinal)
      if r.reason.isHard { hardBounces += 1 }
    case .expired:
      expired += 1
      failedReasons.add(ordinal: r.reason.ordinal)
    case .deferred:
      stillDeferred += 1
    case .removed:
      removed += 1
    default:
      break
    }
    if notification { notifications += 1 }
  }
}

/// Marker for "IDs are already ours".
let identity: [Int32] = []

extension MessageState {
  /// The same state with domain and sender IDs translated through the maps.
  func translated(domainMap: [Int32], senderMap: [Int32], addresses: AddressMaps) -> MessageState {
    var s = self
    if s.sender >= 0 { s.sender = senderMap[Int(s.sender)] }
    if s.senderAddress >= 0 { s.senderAddress = addresses.senders[Int(s.senderAddress)] }
    for k in s.pendingDeliveries.indices {
      s.pendingDeliveries[k].domain = domainMap[Int(s.pendingDeliveries[k].domain)]
    }
    for k in s.recipients.indices {
      s.recipients[k].domain = domainMap[Int(s.recipients[k].domain)]
      if s.recipients[k].address >= 0 {
        s.recipients[k].address = addresses.recipients[Int(s.recipients[k].address)]
      }
    }
    return s
  }
}

/// How a later partial's sender and recipient address IDs translate into ours.
struct AddressMaps {
  var senders: [Int32]
  var recipients: [Int32]
}
