import LogstatClassify
import LogstatKinds
import LogstatScan

extension LineEvent {
  /// The event of scanned line `line` of bytes `b`: the scanner's spans turned into the typed
  /// fields the counts use, parsed here and nowhere after.
  ///
  /// `epoch` is the line's time (nil if unknown); `counted: false` marks a line before the
  /// time window; `verdict` is the classification of its reply (`LineEvent.classify`).
  /// - Complexity: O(length of the names and, for failed deliveries, of the reply); no
  ///   allocation.
  public init(
    _ line: ScannedLine, bytes b: UnsafeRawBufferPointer, epoch: Int64?, counted: Bool = true,
    verdict: Classification? = nil
  ) {
    self.init()
    var line = line
    read(&line, bytes: b, epoch: epoch, counted: counted, verdict: verdict)
  }

  /// Makes this value the event of `line` (as `init(_:bytes:epoch:counted:verdict:)` does), in
  /// place, so the value is never copied: a caller may keep one event and rebuild it for every
  /// line, or (as the engine does, `FileWorker.event`) build each line's in the slot it is
  /// returned in. `line` is only read; it is `inout` so that the ~530-byte scanned line is
  /// passed by address, not copied for the call (measured: one `memcpy` a line).
  public mutating func read(
    _ line: inout ScannedLine, bytes b: UnsafeRawBufferPointer, epoch: Int64?, counted: Bool = true,
    verdict: Classification? = nil
  ) {
    // A value last built by `read` (or new) that stopped at the early return below holds
    // cleared fields but for the five written on every line.
    if needsReset { reset() }
    kind = line.kind
    mta = line.mta
    self.epoch = epoch
    self.counted = counted
    damaged = line.damaged
    switch line.kind {
    case .notMail, .skipped, .messageEntered:
      return
    default:
      break
    }
    needsReset = true
    queue = QueueKey(line: b, line.queueID)
    hasQueue = !line.queueID.isEmpty
    // The helpers take the scanned line `inout`, as this method does, so it is passed by
    // address: by value, the 529-byte `ScannedLine` was copied (a `memcpy`) for each call.
    switch line.kind {
    case .messageQueued:
      readSender(&line, b)
      hasRelatedQueue = !line.relatedQueueID.isEmpty
      if hasRelatedQueue { relatedQueue = QueueKey(line: b, line.relatedQueueID) }
      size = line.size
    case .messageExpired:
      readSender(&line, b)
    case .delivery:
      readDelivery(&line, b, verdict: verdict)
    case .inboundReject:
      if let verdict { self.verdict = Verdict(verdict) }
      readCodes(&line)
      client = EventName(b, line.clientIP.isEmpty ? line.clientHost : line.clientIP)
      if !line.recipient.isEmpty { recipientDomain = EventName(b, line.recipient).domainPart }
    case .event:
      readEvent(&line, b)
    case .bounceNotice:
      // `QID: sender non-delivery notification: QID2`: QID2 is a message we made ourselves.
      hasRelatedQueue = !line.relatedQueueID.isEmpty
      if hasRelatedQueue { relatedQueue = QueueKey(line: b, line.relatedQueueID) }
    default:
      break
    }
  }

  /// Clears every field (a new field must be added here too): field by field, as
  /// `ScannedLine.reset()` does, since assigning a fresh value builds it aside and copies it.
  @inline(__always) mutating func reset() {
    needsReset = false
    kind = .notMail
    event = .none
    mta = .unknown
    epoch = nil
    counted = true
    damaged = false
    queue = QueueKey()
    hasQueue = false
    relatedQueue = QueueKey()
    hasRelatedQueue = false
    status = .none
    special = .none
    replyCode = 0
    enhancedCode = 0
    delayMillis = -1
    size = -1
    overTLS = false
    forwarded = false
    verdict = nil
    suppressible = false
    recipient = .none
    recipientDomain = .none
    hasSender = false
    sender = .none
    senderDomain = .none
    client = .none
    user = .none
    relay = .none
    reply = .none
    replyShape = 0
    listedAddress = .none
    daemon = .none
    detail = .none
  }

  /// `line` is only read (`inout` so it is passed by address; see `read`).
  mutating func readCodes(_ line: inout ScannedLine) {
    replyCode = UInt16(clamping: line.replyCode)
    enhancedCode = line.enhancedCode
  }

  /// `line` is only read (`inout` so it is passed by address; see `read`).
  mutating func readSender(_ line: inout ScannedLine, _ b: UnsafeRawBufferPointer) {
    hasSender = line.hasSender
    if !line.sender.isEmpty {
      sender = EventText(b, line.sender)
      senderDomain = sender.domainPart
    }
  }

  /// `line` is only read (`inout` so it is passed by address; see `read`).
  mutating func readDelivery(
    _ line: inout ScannedLine, _ b: UnsafeRawBufferPointer, verdict classification: Classification?
  ) {
    status = line.status
    special = line.special
    if status == .deliverable || status == .undeliverable || special != .none { return }
    readCodes(&line)
    delayMillis = line.delayMillis
    overTLS = line.overTLS
    relay = EventText(b, line.relayHost)
    reply = EventText(b, line.replyText)
    // Exim file and pipe deliveries name the original address instead.
    let logged = EventText(b, line.recipient)
    if !line.originalRecipient.isEmpty, !logged.bytes.contains(UInt8(ascii: "@")) {
      recipient = EventName(b, line.originalRecipient)
    } else {
      recipient = EventName(logged)
    }
    recipientDomain = recipient.domainPart
    switch status {
    case .sent:
      forwarded = line.mta == .postfix && reply.hasProperPrefix("forwarded as ")
    case .deferred, .bounced, .expired:
      if !reply.isEmpty { replyShape = ReplyShape.of(reply.bytes) }
    default:
      break
    }
    guard let classification else { return }
    let v = Verdict(classification)
    verdict = v
    if v.blocklist != nil, let r = ListedAddress.range(in: reply.bytes, except: b.slice(line.relayIP)) {
      // Safe because: `r` lies inside the reply, which lies inside the line.
      listedAddress = EventText(base: reply.bytes.baseAddress! + r.lowerBound, length: r.count)
    }
    // The logged recipient itself, not the `orig_to`/parent it may fall back to: a pipe or file
    // recipient under an alias must not be listed. Postfix `relay=local` is our own box.
    if status == .bounced, v.isHard {
      suppressible = LineEvent.isRemoteMailbox(logged.bytes) && !relay.equals("local")
    }
  }

  /// `line` is only read (`inout` so it is passed by address; see `read`).
  mutating func readEvent(_ line: inout ScannedLine, _ b: UnsafeRawBufferPointer) {
    event = line.event
    switch line.event {
    case .authFailure:
      client = EventName(b, line.clientIP.isEmpty ? line.clientHost : line.clientIP)
      if !line.user.isEmpty { user = EventName(b, line.user) }
    case .warning, .error, .fatal, .panic:
      daemon = EventText(b, line.daemon)
      detail = EventText(b, line.detail)
    case .connect:
      client = EventName(b, line.clientHost)
    case .tlsOutbound:
      relay = EventText(b, line.relayHost)
    default:
      break
    }
  }
}

/// The shape of a reply: a hash of its letters, punctuation and spaces, digits left out, so
/// replies that differ only in queue IDs, numbers, times or counts have one shape and the most
/// frequent reply is found although every line's text differs a little.
public enum ReplyShape {
  /// - Complexity: O(n) in the reply's bytes; no allocation.
  @inlinable @inline(__always)
  public static func of(_ b: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in b where byte < 0x30 || byte > 0x39 {
      h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return h
  }
}
