import LogstatClassify
import LogstatKinds

/// What one partial knows about one recipient of one message.
struct RecipientState: Sendable {
  /// Hash of the lower-cased address; unique enough within one message.
  var key: UInt64
  /// Recipient domain ID in the owning aggregate's `domains` interner.
  var domain: Int32
  var deferrals: Int32 = 0
  var last: DeliveryStatus = .none
  /// Packed enhanced status code of the last attempt (see `DSNCode`), 0 if none.
  var lastDSN: UInt32 = 0
  var lastReplyCode: UInt16 = 0
  /// Reason of the last failed attempt (`Reason.ordinal`), or `noReason` while this partial
  /// saw none: a delivered line has no failure reason, so it must not replace one (or, when
  /// partials are merged, the reason an earlier partial saw).
  var lastReason: UInt8 = RecipientState.noReason
  static let noReason = UInt8.max

  /// The reason a failed outcome is counted under (`other` when no line gave one).
  var reason: Reason { lastReason == Self.noReason ? .other : Reason.at(Int(lastReason)) }
  /// `lastReason` came from an expiry line ("retry timeout exceeded"), which says nothing new:
  /// any reason an earlier line gave wins over it, in one piece and when pieces merge, so the
  /// reason is the last one a non-expiry line gave, else the first expiry's, under any split.
  var reasonFromExpiry = false
  /// The last status was seen inside the time window, so the outcome is counted.
  var lastCounted = false
  /// Deferrals seen inside the time window.
  var countedDeferrals: Int32 = 0
  /// ID in `Aggregate.recipientAddresses` once delivered inside the window, else -1.
  var address: Int32 = -1
  /// The recipient expired with its message (a Postfix `status=expired` line naming the
  /// message), not on a line of its own: its hour and domain cell are counted when it is
  /// finalised, at the message's `expiredAt`.
  var expiredByMessage = false
}

extension RecipientState {
  /// Records one delivery line for this recipient: its status, codes and reason, and its
  /// delivered address (`addressID` >= 0).
  @inline(__always)
  mutating func record(
    _ status: DeliveryStatus, dsn: UInt32, replyCode: UInt16, counted: Bool, reason: Reason,
    addressID: Int32
  ) {
    if addressID >= 0 { address = addressID }
    if status == .deferred {
      deferrals += 1
      if counted { countedDeferrals += 1 }
    }
    last = status
    lastDSN = dsn
    lastReplyCode = replyCode
    lastCounted = counted
    expiredByMessage = false
    // An expiry line ("retry timeout exceeded") says nothing new: it keeps the reason an
    // earlier line gave (a deferral's or a bounce's). A delivered line has no failure reason:
    // it keeps the earlier one too, as a merge of partials split between the two does.
    let delivered = status == .sent || status == .suppressed
    if status == .expired {
      if lastReason == RecipientState.noReason {
        lastReason = UInt8(reason.ordinal)
        reasonFromExpiry = true
      }
    } else if !delivered {
      lastReason = UInt8(reason.ordinal)
      reasonFromExpiry = false
    }
  }
}

/// What one partial knows about one message, gathered across its lines by queue ID.
///
/// A partial may see only part of a message's life; `born` and `ended` say which ends it saw,
/// and `Aggregate.merge` joins the parts in input order.
struct MessageState: Sendable {
  /// Sender domain ID in the owning aggregate's `senders` interner; -1 when unknown.
  var sender: Int32 = -1
  var senderKnown = false
  /// Sender `<>`: a bounce or delivery-status notification.
  var isNotification = false
  /// Our own MTA made this message (a Postfix bounce, delay or status notification, an Exim
  /// bounce): it was never received, so its size is not in `bytesReceived`.
  var madeHere = false
  var size = -1
  /// This partial saw the message being created (Postfix cleanup, Exim `<=`).
  var born = false
  /// This partial saw the message leave the queue (Postfix `removed`, Exim `Completed`).
  var ended = false
  /// Postfix expired the message here: deferred recipients seen only earlier expired too.
  var expiredHere = false
  /// That expiry fell inside the time window.
  var expiryCounted = false
  /// Epoch seconds of that expiry line, or `Int64.min` when unknown.
  var expiredAt = Int64.min
  /// Epoch seconds of Exim's `<=` line for this message, or `Int64.min`: an Exim delivery
  /// without `QT=` measures its delay from it (whole seconds, as the stamps give them).
  var arrivedAt = Int64.min
  /// Counted Exim deliveries without `QT=` seen before this piece knew its arrival (the `<=`
  /// line may lie in an earlier partial): `merge` measures their delays once the arrival is
  /// joined on, so the delay histogram is the same however the input is split. Empty (no
  /// allocation) for every message read whole.
  var pendingDeliveries: [(domain: Int32, sentAt: Int64)] = []
  /// The message was created inside the time window.
  var bornCounted = false
  /// The admin removed the message here: recipients still deferred end as `removed`.
  var removedHere = false
  var removalCounted = false
  /// ID of the full sender address in `Aggregate.senderAddresses`, or -1.
  var senderAddress: Int32 = -1
  var recipients: [RecipientState] = []
  /// Position in `recipients` by key, kept only for list mail (`indexedFrom` recipients or
  /// more): a scan of the list per delivery line made one message to N recipients cost N²
  /// (200k recipients took 11 s). Empty, and ignored, below that size; rebuilt when it does
  /// not match the list (the owner may empty `recipients` without knowing of it).
  var recipientIndex: [UInt64: Int32] = [:]
  /// Below this many recipients a scan of the list is faster than hashing.
  static let indexedFrom = 32

  /// Index of the recipient with `key`, adding it if new.
  /// - Complexity: O(1) amortised; O(recipients) only below `indexedFrom`.
  mutating func recipient(_ key: UInt64, domain: Int32) -> Int {
    if recipients.count < Self.indexedFrom {
      if !recipientIndex.isEmpty { recipientIndex = [:] }
      for k in recipients.indices where recipients[k].key == key { return k }
    } else {
      if recipientIndex.count != recipients.count { rebuildIndex() }
      if let k = recipientIndex[key] { return Int(k) }
      recipientIndex[key] = Int32(recipients.count)
    }
    recipients.append(RecipientState(key: key, domain: domain))
    return recipients.count - 1
  }

  /// Rebuilds `recipientIndex` from `recipients` (whose keys are distinct).
  mutating func rebuildIndex() {
    recipientIndex = [:]
    recipientIndex.reserveCapacity(recipients.count * 2)
    for (k, r) in recipients.enumerated() { recipientIndex[r.key] = Int32(k) }
  }

  /// Joins `later` (the same message seen by a later partial) onto `self`.
  /// `domainMap`/`senderMap` translate `later`'s IDs into this partial's IDs.
  /// An empty map means the IDs are already this partial's.
  /// Returns the delays (domain, milliseconds) of `later`'s Exim deliveries that this piece's
  /// arrival now measures (`pendingDeliveries`), for the caller to count.
  @discardableResult
  mutating func append(
    _ later: MessageState, domainMap: [Int32], senderMap: [Int32]
  ) -> [(domain: Int32, millis: Int)] {
    var measured: [(domain: Int32, millis: Int)] = []
    if arrivedAt == Int64.min { arrivedAt = later.arrivedAt }
    if !senderKnown, later.senderKnown {
      sender = later.sender >= 0 && !senderMap.isEmpty ? senderMap[Int(later.sender)] : later.sender
      senderKnown = true
      isNotification = later.isNotification
      senderAddress = later.senderAddress
    }
    if size < 0 { size = later.size }
    madeHere = madeHere || later.madeHere
    ended = later.ended
    // A set of `later`'s keys, not a scan of its list per recipient: linear for list mail.
    let laterKeys =
      later.expiredHere || later.removedHere ? Set(later.recipients.lazy.map(\.key)) : []
    if later.expiredHere {
      expiredHere = true
      expiryCounted = later.expiryCounted
      expiredAt = later.expiredAt
      for k in recipients.indices where recipients[k].last == .deferred {
        let key = recipients[k].key
        if !laterKeys.contains(key) {
          recipients[k].last = .expired
          recipients[k].lastCounted = later.expiryCounted
          recipients[k].expiredByMessage = true
        }
      }
    }
    // A removal ends a piece's life, so it comes after any expiry in that piece.
    if later.removedHere {
      removedHere = true
      removalCounted = later.removalCounted
      for k in recipients.indices where recipients[k].last == .deferred {
        let key = recipients[k].key
        if !laterKeys.contains(key) {
          recipients[k].last = .removed
          recipients[k].lastCounted = later.removalCounted
        }
      }
    }
    for r in later.recipients {
      let k = recipient(r.key, domain: domainMap.isEmpty ? r.domain : domainMap[Int(r.domain)])
      // A reason `later` took from an expiry line yields to any reason we already have, as
      // `Aggregate.track` does when it reads both in one piece.
      let keepReason = r.reasonFromExpiry && recipients[k].lastReason != RecipientState.noReason
      recipients[k].deferrals += r.deferrals
      recipients[k].countedDeferrals += r.countedDeferrals
      if r.address >= 0 { recipients[k].address = r.address }
      if r.last != .none {
        recipients[k].last = r.last
        recipients[k].lastDSN = r.lastDSN
        recipients[k].lastReplyCode = r.lastReplyCode
        if !keepReason, r.lastReason != RecipientState.noReason {
          recipients[k].lastReason = r.lastReason
          recipients[k].reasonFromExpiry = r.reasonFromExpiry
        }
        recipients[k].lastCounted = r.lastCounted
        recipients[k].expiredByMessage = r.expiredByMessage
      }
    }
    for p in later.pendingDeliveries {
      let domain = domainMap.isEmpty ? p.domain : domainMap[Int(p.domain)]
      if arrivedAt != Int64.min {
        measured.append((domain, MessageState.delayMillis(from: arrivedAt, to: p.sentAt)))
      } else {
        pendingDeliveries.append((domain, p.sentAt))
      }
    }
    return measured
  }

  /// The delay from an arrival to a delivery in whole seconds, in milliseconds: never negative
  /// (a clock step back gives 0), at most ten years (a stamp from another century is no delay).
  static func delayMillis(from arrived: Int64, to sent: Int64) -> Int {
    Int(Swift.max(0, Swift.min(sent &- arrived, 315_360_000))) * 1000
  }
}
