import LogstatClassify
import LogstatEvents
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime

/// A scanned line a trace keeps: its bytes (valid during the callback), fields, details, time.
struct TraceHit {
  var bytes: UnsafeRawBufferPointer
  var line: ScannedLine
  var details: MessageDetails
  var epoch: Int64?
}

/// The working state of one trace: readers, clocks, the messages being assembled.
///
/// A class, not `Sendable`: the passes' callbacks use it while it reads.
final class TraceState {
  let key: TraceKey
  let plan: RunPlan
  let classifier = ReplyClassifier()
  private var line = ScannedLine()
  private var messages: [TracedMessage] = []
  /// Queue ID -> index in `messages` of its newest message (IDs are reused once removed).
  private var open: [String: Int] = [:]
  private var errors: [Int: InputError] = [:]
  private var skipped: Set<Int> = []

  init(key: TraceKey, plan: RunPlan) {
    self.key = key
    self.plan = plan
  }

  /// Reads input `file` chunk by chunk (unless it lies outside the window), giving `body` each
  /// chunk and the file's clock; an error stops the file and is kept.
  func read(
    _ file: Int, _ body: (UnsafeRawBufferPointer, inout LineClock) -> Void
  ) {
    let input = plan.inputs[file]
    let probe = input.isStandardInput ? nil : try? InputProbe.probe(input)
    var clock = LineClock.forInput(input, probe: probe, plan: plan)
    if InputSelection.skipReason(
      input, probe: probe, clock: clock, window: plan.window, zone: plan.zone) != nil
    {
      skipped.insert(file)
      return
    }
    do {
      let reader = try openSource(input, plan: plan)
      while let chunk = try reader.next() { body(chunk, &clock) }
    } catch {
      errors[file] = error
    }
  }

  /// Scans one line; nil when it is no mail line or lies outside the time window.
  func scan(_ b: UnsafeRawBufferPointer, clock: inout LineClock) -> TraceHit? {
    LineScanner.scan(b, into: &line)
    guard line.kind != .notMail else { return nil }
    let epoch = line.time.isUnset ? nil : clock.epoch(line.time)
    if let epoch, !plan.window.contains(epoch) { return nil }
    return TraceHit(bytes: b, line: line, details: MessageDetails.read(b, line), epoch: epoch)
  }

  /// Adds a line with a queue ID to its message (a new one when the ID's last message was removed).
  func add(_ hit: TraceHit, file: Int, matched: Bool) {
    let b = hit.bytes
    let id = b.string(hit.line.queueID)
    var event = makeEvent(hit, file: file, matched: matched)
    if let k = open[id], !messages[k].events.contains(where: { $0.kind == .removed }) {
      if event.kind == .received, messages[k].events.contains(where: { $0.kind == .received }) {
        event.kind = .retry
      }
      messages[k].events.append(event)
    } else {
      open[id] = messages.count
      messages.append(TracedMessage(queueID: id, mta: hit.line.mta, events: [event]))
    }
  }

  /// A line with no queue ID (a reject before queueing) as a message of its own.
  func standalone(_ hit: TraceHit, file: Int) {
    messages.append(
      TracedMessage(queueID: nil, mta: hit.line.mta, events: [makeEvent(hit, file: file, matched: true)]))
  }

  /// The typed event for a scanned line.
  func makeEvent(_ hit: TraceHit, file: Int, matched: Bool) -> TraceEvent {
    let b = hit.bytes
    let l = hit.line
    let d = hit.details
    func text(_ s: Span) -> String? { s.isEmpty ? nil : b.string(s) }
    var e = TraceEvent(kind: .other, epoch: hit.epoch, file: file, matched: matched)
    switch l.kind {
    case .delivery:
      e.kind = .attempt
      e.recipient = b.string(l.recipient)
      e.originalRecipient = text(l.originalRecipient)
      e.relayHost = text(l.relayHost)
      e.relayIP = text(l.relayIP)
      e.status = l.status
      e.dsn = text(l.dsn) ?? text(l.textDSN)
      e.reply = text(l.replyText)
      e.delayMillis = l.delayMillis >= 0 ? l.delayMillis : nil
      if !l.replyText.isEmpty || !l.replyContext.isEmpty {
        e.classification = LineEvent.classify(l, b, with: classifier)
      }
    case .messageQueued:
      e.kind = .received
      e.sender = b.string(l.sender)
      e.size = l.size >= 0 ? l.size : nil
      e.clientHost = text(l.clientHost)
      e.clientIP = text(l.clientIP)
      e.messageID = text(d.messageID)
    case .messageCreated:
      e.kind = .created
      e.messageID = text(d.messageID)
    case .messageExpired:
      e.kind = .expired
      e.sender = l.hasSender ? b.string(l.sender) : nil
    case .messageRemoved:
      e.kind = .removed
    case .bounceNotice:
      e.kind = .notice
      e.relatedQueueID = text(l.relatedQueueID)
    case .inboundReject:
      e.kind = .rejected
      e.sender = l.hasSender ? b.string(l.sender) : nil
      e.recipient = text(l.recipient)
      e.clientHost = text(l.clientHost)
      e.clientIP = text(l.clientIP)
      e.reply = text(l.replyText)
      if !l.replyText.isEmpty || !l.replyContext.isEmpty {
        e.classification = LineEvent.classify(l, b, with: classifier)
      }
    case .event where l.event == .adminRemoved:
      e.kind = .removed
    case .skipped, .notMail, .event, .messageEntered:
      if !d.clientHost.isEmpty {
        e.kind = .client
        e.clientHost = b.string(d.clientHost)
        e.clientIP = text(d.clientIP)
      } else if d.hasPickupSender {
        e.kind = .submitted
        e.sender = b.string(d.pickupSender)
      } else if !d.messageID.isEmpty {
        e.kind = .created
        e.messageID = b.string(d.messageID)
      } else {
        e.line = String(decoding: b, as: UTF8.self)
      }
    }
    return e
  }

  /// The finished result: messages that named the key, in time order.
  func result(searched: Range<Int>) -> TraceResult {
    var found = messages.filter { $0.events.contains(where: \.matched) }
    for k in found.indices { found[k].finish() }
    let order = found.indices.sorted { a, b in
      let ta = found[a].firstEpoch ?? Int64.min
      let tb = found[b].firstEpoch ?? Int64.min
      return ta != tb ? ta < tb : a < b
    }
    return TraceResult(
      key: key, messages: order.map { found[$0] }, inputs: plan.inputs,
      errors: errors.keys.sorted().compactMap { errors[$0] }, skipped: skipped.sorted())
  }
}
