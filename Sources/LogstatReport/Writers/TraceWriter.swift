import LogstatClassify
import LogstatRun
import LogstatScan
import LogstatSource
import LogstatTime

/// Writes what `logstat trace` found: a readable story per message, or one JSON document
/// (schema in docs/json-schema.md, "trace"). Log text is escaped for the terminal in text.
public enum TraceWriter {
  /// The text form: one block per message, its lines in time order, then its outcome.
  public static func text(_ r: TraceResult, zone: LocalZone) -> String {
    var out = "Trace of \(safe(r.key.text)) (\(kinds(r.key).map(\.words).joined(separator: " or "))): "
    out += r.messages.isEmpty ? "no message found" : count(r.messages.count, "message")
    out += ", times in \(zone.identifier)\n"
    for m in r.messages {
      out += "\n"
      out += messageText(m, r, zone: zone)
    }
    return out
  }

  static func messageText(_ m: TracedMessage, _ r: TraceResult, zone: LocalZone) -> String {
    let id = m.queueID.map { "Message \(safe($0))" } ?? "Refused before queueing"
    var out = "\(id) (\(m.mta == .exim ? "exim" : "postfix")): \(outcomeText(m))\n"
    var facts: [String] = []
    if let s = m.first({ $0.kind == .received || $0.kind == .submitted ? $0.sender : nil }) {
      facts.append("from <\(safe(s))>")
    }
    if let size = m.first(\.size) { facts.append("\(size) bytes") }
    if let c = m.first(\.client) { facts.append("client \(safe(c))") }
    if let id = m.first(\.messageID) { facts.append("message-id <\(safe(id))>") }
    if !facts.isEmpty { out += "  " + facts.joined(separator: ", ") + "\n" }
    let files = Set(m.events.map(\.file)).sorted().map { r.inputs[$0].displayName }
    out += "  read from \(files.map(safe).joined(separator: ", "))\n"
    // Under the event's text: "  " + time (19) + "  " + word (10) + " ".
    let pad = String(repeating: " ", count: 34)
    var advised: Set<String> = []
    for e in m.events {
      let when = e.epoch.map { "\(zone.civil($0))" } ?? "(no time)          "
      let (word, text) = eventText(e)
      out += "  \(when)  \(word.padding(toLength: 10, withPad: " ", startingAt: 0)) \(text)\n"
      if let reply = e.reply, e.kind == .attempt ? e.status != .sent : true {
        out += pad + "reply: \(safe(reply))\n"
      }
      if let c = e.classification {
        out += pad + "reason: \(c.reason.rawValue), \(c.reason.title) (\(c.isHard ? "hard" : "soft"); fault: \(c.reason.fault.title))\n"
        // The same advice once per message: a message deferred 30 times needs it once.
        if advised.insert(c.reason.rawValue).inserted { out += pad + "advice: \(c.reason.advice)\n" }
      }
    }
    for rcpt in m.recipients {
      let n = count(rcpt.attempts, "attempt")
      out += "  => \(safe(rcpt.address)): \(rcpt.outcome.rawValue) after \(n)\n"
    }
    if m.queueID != nil, !m.isRemoved {
      out += "  still in the queue at the end of the logs read\n"
    }
    return out
  }

  /// The outcome line of a message.
  static func outcomeText(_ m: TracedMessage) -> String {
    switch m.outcome {
    case .deferred: "deferred, still in the queue"
    case .queued: m.isRemoved ? "removed" : "in the queue, no delivery attempt logged"
    case .mixed:
      Dictionary(grouping: m.recipients, by: \.outcome.rawValue).sorted { $0.key < $1.key }
        .map { "\($0.value.count) \($0.key)" }.joined(separator: ", ")
    default: m.outcome.rawValue
    }
  }

  /// The event's word and its one-line description.
  static func eventText(_ e: TraceEvent) -> (String, String) {
    switch e.kind {
    case .client:
      return ("client", "connection from \(safe(e.client ?? "?"))")
    case .submitted:
      return ("submitted", "locally, from <\(safe(e.sender ?? ""))>")
    case .created:
      return ("created", "message-id <\(safe(e.messageID ?? ""))>")
    case .received:
      var parts = ["from <\(safe(e.sender ?? ""))>"]
      if let size = e.size { parts.append("size \(size)") }
      if let c = e.client { parts.append("client \(safe(c))") }
      if let id = e.messageID { parts.append("message-id <\(safe(id))>") }
      return ("received", parts.joined(separator: ", "))
    case .retry:
      return ("retry", "back in the active queue for another attempt")
    case .attempt:
      var parts = ["to <\(safe(e.recipient ?? ""))>"]
      if let o = e.originalRecipient { parts.append("orig <\(safe(o))>") }
      if let relay = e.relay { parts.append("relay \(safe(relay))") }
      if let dsn = e.dsn { parts.append("dsn \(safe(dsn))") }
      if let d = e.delayMillis { parts.append("delay \(seconds(d))") }
      if e.status == .sent, let reply = e.reply { parts.append("(\(safe(reply)))") }
      return (e.status.word, parts.joined(separator: ", "))
    case .expired:
      return ("expired", "queue lifetime ran out, returned to sender")
    case .notice:
      return ("notice", "notification to the sender queued as \(safe(e.relatedQueueID ?? "?"))")
    case .removed:
      return ("removed", "left the queue")
    case .rejected:
      var parts: [String] = []
      if let r = e.recipient { parts.append("to <\(safe(r))>") }
      if let s = e.sender { parts.append("from <\(safe(s))>") }
      if let c = e.client { parts.append("client \(safe(c))") }
      return ("rejected", parts.joined(separator: ", "))
    case .other:
      return ("line", safe(e.line ?? ""))
    }
  }

  /// The JSON form: one document.
  public static func json(_ r: TraceResult, zone: LocalZone) -> String {
    JSON.object([
      ("schema", .string("logstat-trace/1")),
      ("key", .string(r.key.text)),
      ("key_kinds", .array(kinds(r.key).map { .string($0.id) })),
      ("time_zone", .string(zone.identifier)),
      ("matched", .int(r.messages.count)),
      ("messages", .array(r.messages.map { message($0, r, zone: zone) })),
      ("problems", .array(r.errors.map { .string($0.description) })),
    ]).rendered()
  }

  static func message(_ m: TracedMessage, _ r: TraceResult, zone: LocalZone) -> JSON {
    let files = Set(m.events.map(\.file)).sorted().map { JSON.string(r.inputs[$0].displayName) }
    return .object([
      ("queue_id", .optional(m.queueID)),
      ("mta", .string(m.mta == .exim ? "exim" : "postfix")),
      ("outcome", .string(m.outcome.rawValue)),
      ("in_queue", .bool(m.queueID != nil && !m.isRemoved)),
      ("first_seen", .optional(m.firstEpoch.map(zone.timestamp))),
      ("last_seen", .optional(m.lastEpoch.map(zone.timestamp))),
      ("sender", .optional(m.first { $0.kind == .received || $0.kind == .submitted ? $0.sender : nil })),
      ("size", m.first(\.size).map { .int($0) } ?? .null),
      ("client", .optional(m.first(\.client))),
      ("message_id", .optional(m.first(\.messageID))),
      ("files", .array(files)),
      ("recipients", .array(m.recipients.map { rc in
        .object([
          ("address", .string(rc.address)), ("outcome", .string(rc.outcome.rawValue)),
          ("attempts", .int(rc.attempts)),
        ])
      })),
      ("events", .array(m.events.map { event($0, r, zone: zone) })),
    ])
  }

  static func event(_ e: TraceEvent, _ r: TraceResult, zone: LocalZone) -> JSON {
    let c = e.classification
    return .object([
      ("time", .optional(e.epoch.map(zone.timestamp))),
      ("event", .string(e.kind.rawValue)),
      ("status", e.kind == .attempt ? .string(e.status.word) : .null),
      ("matched", .bool(e.matched)),
      ("file", .string(r.inputs[e.file].displayName)),
      ("recipient", .optional(e.recipient)),
      ("original_recipient", .optional(e.originalRecipient)),
      ("sender", .optional(e.sender)),
      ("size", e.size.map { .int($0) } ?? .null),
      ("client", .optional(e.client)),
      ("message_id", .optional(e.messageID)),
      ("relay", .optional(e.relay)),
      ("dsn", .optional(e.dsn)),
      ("reply", .optional(e.reply)),
      ("delay_seconds", e.delayMillis.map { .double(Double($0) / 1000) } ?? .null),
      ("notice_queue_id", .optional(e.relatedQueueID)),
      ("reason", .optional(c?.reason.rawValue)),
      ("hard", c.map { .bool($0.isHard) } ?? .null),
      ("fault", .optional(c?.reason.fault.rawValue)),
      ("advice", .optional(c?.reason.advice)),
      ("line", .optional(e.line)),
    ])
  }

  /// What the key was compared with: JSON ids and words for people.
  static func kinds(_ k: TraceKey) -> [(id: String, words: String)] {
    var out: [(id: String, words: String)] = []
    if k.isAddress { out.append(("address", "address")) }
    if k.isQueueID { out.append(("queue-id", "queue ID")) }
    if k.isMessageID { out.append(("message-id", "Message-ID")) }
    return out
  }

  static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
  static func seconds(_ millis: Int) -> String {
    "\(millis / 1000).\(String(millis % 1000 + 1000).dropFirst())s"
  }
  static func safe(_ s: String) -> String { TerminalText.safe(s) }
}
