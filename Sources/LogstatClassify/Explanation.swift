/// Everything `logstat explain` says about one reply text or log line.
public struct Explanation: Sendable, Equatable {
  /// The input as given (a bare reply or a whole log line).
  public var input: String
  /// The reply text pulled out of the input (the input itself when it is a bare reply).
  public var replyText: String
  /// The `dsn=` value of a Postfix line.
  public var dsn: EnhancedCode?
  /// The relay host of the line (`relay=` or Exim `H=`), without address and port.
  public var relayHost: String?
  /// The recipient domain of the line (`to=<>` or the Exim address).
  public var recipientDomain: String?
  /// The classifier's verdict.
  public var classification: Classification

  /// The reason id.
  public var reason: Reason { classification.reason }
  /// True when the line is a deferral (Postfix `status=deferred`, Exim `==`): never hard.
  public var isDeferral: Bool
  /// False for an Exim line that reports no delivery outcome of its own: a message's line with
  /// no `**`/`==`/`=>` flag (`H=host [ip]: SMTP error ...`, `no IP address found for host X`,
  /// a transport's output) only explains the flagged line around it, so it is never hard.
  public var isOutcome = true
  /// True for hard bounces (remove the address): never for a deferral, a 4xx code or a line
  /// that is no outcome.
  public var isHard: Bool { classification.isHard && !isDeferral && isOutcome }
  /// Where the fault lies.
  public var fault: Fault { classification.reason.fault }
  /// The enhanced code that best describes the reply (text or `dsn=`, the more specific).
  public var bestCode: EnhancedCode? { classification.bestCode }
  /// The registered meaning of `bestCode`.
  public var meaning: String? { bestCode?.meaning }
  /// What the sender can do; an address reason given as a temporary refusal says so first.
  public var advice: String {
    let advice = classification.reason.advice
    guard classification.reason.isHard, !isHard else { return advice }
    return "This refusal was temporary (a 4xx code or a deferral), so the queue retries and the address is not removed yet; only if it turns permanent: "
      + advice
  }
}

/// Explains one reply text or one whole Postfix/Exim log line.
///
/// Postfix lines give `to=`, `relay=`, `dsn=` and the text in `status=... (...)` (or the text of
/// a `NOQUEUE: reject:`); Exim lines give the address, `H=` and the text after
/// `SMTP error from remote mail server after ...:` or after the `R=`/`T=`/`defer (n):` fields.
/// Not for the hot path: it builds Strings.
public func explain(_ text: String, classifier: ReplyClassifier = ReplyClassifier()) -> Explanation {
  let line = LogLineFields(text)
  var verdict = classifier.classify(
    line.context ?? line.reply, dsn: line.dsn, relayHost: line.relay, recipientDomain: line.domain)
  if line.localAgent { verdict = verdict.loggedByLocalAgent() }
  if line.localFault { verdict = verdict.failedLocally() }
  if line.isExim, line.relay == nil, line.context == nil { verdict = verdict.saidByOurMTA() }
  return Explanation(
    input: text, replyText: line.reply, dsn: line.dsn, relayHost: line.relay,
    recipientDomain: line.domain, classification: verdict, isDeferral: line.isDeferral,
    isOutcome: line.isOutcome)
}

/// The fields `explain` pulls out of a log line; a plain reply passes through untouched.
struct LogLineFields {
  var reply: String
  var dsn: EnhancedCode?
  var relay: String?
  var domain: String?
  var isDeferral = false
  /// The text as our MTA logged it around the reply (`host X said: ... (in reply to ...)`,
  /// `SMTP error from remote mail server after ...: ...`): what the classifier reads, so it
  /// sees the SMTP step. Nil when it is the reply itself.
  var context: String?
  /// The line was logged by Postfix's `lmtp`, `local`, `virtual` or `pipe` agent (our own
  /// machine's delivery), read from its program name (`postfix/lmtp[123]:`).
  var localAgent = false
  /// An Exim line about our own machinery: a delivery to a pipe, file or autoreply (`|cmd`,
  /// `/path`, `>addr`), or a local error number (`defer (-17)`), as the engine reads it.
  var localFault = false
  /// An Exim line (a delivery, deferral or reject), read by `parseExim`, or a message's line
  /// without a flag, read by `parseEximMessageNote`.
  var isExim = false
  /// False for an Exim message's line without a delivery flag (see `Explanation.isOutcome`).
  var isOutcome = true

  init(_ raw: String) {
    let text = raw.trimmingSpaces
    reply = text
    localAgent = ["/lmtp[", "/local[", "/virtual[", "/pipe["].contains { text.contains($0) }
    if text.contains(" status=") || text.hasPrefix("status=") || LogLineFields.rejectMarker(in: text) != nil {
      parsePostfix(text)
    } else if let marker = LogLineFields.eximMarker(in: text) {
      parseExim(text, marker: marker)
    } else if let marker = LogLineFields.undatedEximMarker(in: text) {
      // A flagged line quoted without its stamp and message id: read as the whole line would be.
      parseExim(" " + text, marker: marker)
    } else if let note = LogLineFields.eximMessageNote(in: text) {
      parseEximMessageNote(String(note))
    }
  }

  mutating func parsePostfix(_ text: String) {
    if let to = text.value(after: "to=<", until: ">") { domain = to.domainPart }
    if let relay = text.value(after: "relay=", until: ",") {
      self.relay = relay == "none" ? nil : relay.hostPart
    }
    if let dsn = text.value(after: "dsn=", until: ",") { self.dsn = EnhancedCode(dsn) }
    isDeferral = text.contains("status=deferred")
    if let marker = LogLineFields.rejectMarker(in: text), let range = text.firstRange(of: marker) {
      var rest = String(text[range.upperBound...])
      if let colon = rest.firstRange(of: "]: ") {
        rest = String(rest[colon.upperBound...])
      } else if rest.hasPrefix("END-OF-MESSAGE: ") || rest.hasPrefix("DATA: ") || rest.hasPrefix("CONNECT: ") {
        rest = String(rest[rest.firstRange(of: ": ")!.upperBound...])
      }
      if let from = rest.firstRange(of: "; from=<") { rest = String(rest[..<from.lowerBound]) }
      reply = rest
      // The classifier reads smtpd's own marker: the step, and that our own server spoke.
      var own = text[range.lowerBound...]
      if own.hasPrefix("NOQUEUE: ") { own = own.dropFirst(9) } else if own.hasPrefix(": ") { own = own.dropFirst(2) }
      context = String(own)
      return
    }
    guard let status = text.firstRange(of: "status=") else { return }
    guard let open = text[status.upperBound...].firstIndex(of: "("),
      let close = text.lastIndex(of: ")"), open < close
    else {
      // qmgr's "status=expired, returned to sender" has no reply text of its own.
      reply = String(text[status.upperBound...])
      return
    }
    var inner = String(text[text.index(after: open)..<close])
    context = inner
    if let suffix = inner.lastRange(of: " (in reply to ") {
      inner = String(inner[..<suffix.lowerBound])
    }
    for marker in [" said: ", " refused to talk to me: "] {
      if let found = inner.firstRange(of: marker) {
        inner = String(inner[found.upperBound...])
        break
      }
    }
    reply = inner
  }

  /// The Postfix refusal markers: smtpd's own, its before-queue proxy's, and a milter's.
  static func rejectMarker(in text: String) -> String? {
    for marker in ["NOQUEUE: reject: ", "NOQUEUE: proxy-reject: ", "milter-reject: ", ": proxy-reject: "]
    where text.contains(marker) {
      return marker
    }
    return nil
  }

  /// The Exim delivery-line flag (`**`, `==`, `->`, `=>`, `*>`) or "rejected" marker, if any.
  static func eximMarker(in text: String) -> String? {
    guard LogLineFields.startsWithDate(text) else { return nil }
    for marker in [" ** ", " == ", " => ", " -> ", " *> "] where text.contains(marker) {
      return marker
    }
    // Our server refused something: `rejected` (or `temporarily rejected`) before the first
    // `: `, as the scanner reads it (RCPT, after DATA, MAIL FROM, EHLO, connection, non-SMTP).
    if let rejected = text.firstRange(of: " rejected ") {
      let colon = text.firstRange(of: ": ")?.lowerBound ?? text.endIndex
      if rejected.lowerBound < colon { return " rejected " }
    }
    return nil
  }

  /// The flag of an Exim delivery line quoted without its stamp and message id, as people
  /// paste them (`== user@host R=caller T=local_delivery defer (13): ...`, `** |/bin/cmd <a@b>
  /// R=r T=t: ...`): the flag, a space, then an address, a pipe, a file, an autoreply or a
  /// `:special:`. Nil for anything else (a reply text never starts so).
  static func undatedEximMarker(in text: String) -> String? {
    for marker in ["** ", "== ", "=> ", "-> ", "*> "] where text.hasPrefix(marker) {
      let token = text.dropFirst(marker.count).prefix { $0 != " " }
      guard let first = token.first else { return nil }
      if token.contains("@") || first == "|" || first == "/" || first == ">" || first == ":" {
        return " " + marker
      }
      return nil
    }
    return nil
  }

  /// Exim main-log lines start with `YYYY-MM-DD`; bare replies never do.
  static func startsWithDate(_ text: String) -> Bool {
    let head = Array(text.utf8.prefix(10))
    guard head.count == 10 else { return false }
    for (i, b) in head.enumerated() {
      if i == 4 || i == 7 {
        if b != UInt8(ascii: "-") { return false }
      } else if b < UInt8(ascii: "0") || b > UInt8(ascii: "9") {
        return false
      }
    }
    return true
  }

  /// The text after the date, time (with an optional zone and `[pid]`) and message id of an
  /// Exim main-log line, or nil when the line does not start so. Only for lines with no
  /// delivery flag and no "rejected" (see `eximMarker`).
  static func eximMessageNote(in text: String) -> Substring? {
    guard LogLineFields.startsWithDate(text) else { return nil }
    var words = text.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)[...].dropFirst(2)
    if let zone = words.first, zone.first == "+" || zone.first == "-" { words = words.dropFirst() }
    if let pid = words.first, pid.first == "[", pid.last == "]" { words = words.dropFirst() }
    guard let id = words.first, isEximMessageID(id), words.count > 1 else { return nil }
    return text[id.endIndex...].dropFirst()
  }

  /// Exim's message ids: `1xZQNJ-0004Hj-1K` (before 4.97) and `10HmaX-000000005vi-0000`.
  static func isEximMessageID(_ word: Substring) -> Bool {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 6,
      parts[1].count == 6 && parts[2].count == 2 || parts[1].count == 11 && parts[2].count == 4
    else { return false }
    return parts.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
  }

  /// A message's line with no delivery flag: the host a remote reply came from (`H=host [ip]:
  /// SMTP error from remote mail server after ...`, `H=host [ip] Connection refused`), a
  /// transport's output (`<addr>: T transport output: ...`, our own command speaking) or our
  /// MTA's own words. Never an outcome, so never hard.
  mutating func parseEximMessageNote(_ note: String) {
    isExim = true
    isOutcome = false
    reply = note
    if note.hasPrefix("H="), let host = note.value(after: "H=", until: " ") {
      relay = host.hostPart
      if let smtp = note.firstRange(of: "SMTP error from remote mail server after ") {
        context = String(note[smtp.lowerBound...])
        let after = note[smtp.upperBound...]
        if let colon = after.firstRange(of: ": ") { reply = String(after[colon.upperBound...]) }
      } else if let close = note.firstRange(of: "]") {
        var rest = note[close.upperBound...]
        if rest.hasPrefix(":") { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        reply = String(rest).trimmingSpaces
      }
      return
    }
    if note.hasPrefix("<"), let output = note.firstRange(of: " transport output: ") {
      // Exim's log_output: what our own pipe command printed.
      localFault = true
      reply = String(note[output.upperBound...])
    }
  }

  mutating func parseExim(_ text: String, marker: String) {
    isExim = true
    isDeferral = marker == " == "
    if marker != " rejected ", let host = text.value(after: " H=", until: " ") {
      relay = host.hostPart
    }
    guard let range = text.firstRange(of: marker) else { return }
    var rest = String(text[range.upperBound...])
    if marker == " rejected " {
      // "temporarily rejected RCPT" is Exim's 4xx: never a hard refusal.
      isDeferral = text.contains(" temporarily rejected ")
      if rest.hasPrefix("RCPT <"), let address = rest.value(after: "<", until: ">") { domain = address.domainPart }
      // No ": " means no text (`rejected connection in "connect" ACL`), as the scanner keeps it.
      reply = rest.firstRange(of: ": ").map { String(rest[$0.upperBound...]) } ?? ""
      return
    }
    let address = rest.prefix { $0 != " " }
    domain = String(address).trimmingCharacters(in: ":").domainPart
    localFault = address.first == "|" || address.first == "/" || address.first == ">"
    if isDeferral, let code = rest.value(after: " defer (-", until: ")"), let n = Int(code),
      Classification.isLocalEximError(-n)
    {
      localFault = true
    }
    rest = String(rest.dropFirst(address.count))
    if let smtp = rest.firstRange(of: "SMTP error from remote mail server after ") {
      context = String(rest[smtp.lowerBound...])
      let after = rest[smtp.upperBound...]
      if let colon = after.firstRange(of: ": ") { reply = String(after[colon.upperBound...]) }
      return
    }
    // Skip the R= T= H= fields and a `defer (n)` up to the first ": ", if any.
    var words = rest.split(separator: " ", omittingEmptySubsequences: true)[...]
    while let word = words.first,
      word.hasPrefix("R=") || word.hasPrefix("T=") || word.hasPrefix("<") || word == "defer"
        || word.hasPrefix("(") && !word.hasSuffix("):") || word.hasPrefix("H=") || word.hasPrefix("[")
    {
      words = words.dropFirst()
    }
    var joined = words.joined(separator: " ")
    if joined.hasPrefix("("), let colon = joined.firstRange(of: "): ") {
      joined = String(joined[colon.upperBound...])
    } else if joined.hasPrefix(": ") {
      joined = String(joined.dropFirst(2))
    }
    reply = joined
  }
}

extension String {
  var trimmingSpaces: String {
    var view = Substring(self)
    while let first = view.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
      view = view.dropFirst()
    }
    while let last = view.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
      view = view.dropLast()
    }
    return String(view)
  }

  func trimmingCharacters(in set: String) -> String {
    var view = Substring(self)
    while let last = view.last, set.contains(last) { view = view.dropLast() }
    return String(view)
  }

  /// The text between `start` and the next `end` (or the end of the string).
  func value(after start: String, until end: String) -> String? {
    guard let range = self.firstRange(of: start) else { return nil }
    let rest = self[range.upperBound...]
    if let stop = rest.firstRange(of: end) { return String(rest[..<stop.lowerBound]) }
    return String(rest)
  }

  /// The domain of an address, lower-cased; the string itself if it has no '@'.
  var domainPart: String? {
    guard let at = lastIndex(of: "@") else { return nil }
    let domain = self[index(after: at)...]
    return domain.isEmpty ? nil : domain.lowercased()
  }

  /// A relay value without `[address]` and `:port`.
  var hostPart: String {
    String(prefix { $0 != "[" && $0 != ":" && $0 != " " })
  }
}

extension StringProtocol {
  /// The first occurrence of `needle` (standard library only, so no Foundation here).
  func firstRange(of needle: String) -> Range<Index>? {
    guard let head = needle.first else { return nil }
    var start = startIndex
    while let found = self[start...].firstIndex(of: head) {
      if self[found...].hasPrefix(needle) {
        return found..<index(found, offsetBy: needle.count)
      }
      start = index(after: found)
    }
    return nil
  }

  /// The last occurrence of `needle`.
  func lastRange(of needle: String) -> Range<Index>? {
    guard let head = needle.first else { return nil }
    var end = endIndex
    while let found = self[..<end].lastIndex(of: head) {
      if self[found...].hasPrefix(needle) { return found..<index(found, offsetBy: needle.count) }
      end = found
    }
    return nil
  }
}
