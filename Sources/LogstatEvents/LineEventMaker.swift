import LogstatClassify
import LogstatKinds
import LogstatScan

extension LineEvent {
  /// The classification of a line's reply, as every counting path makes it: failed deliveries
  /// (deferred, bounced, expired) and inbound rejects; nil for other lines. The MTA's wrapper,
  /// when the scanner kept one, tells the classifier the SMTP step.
  @inlinable @inline(__always)
  public static func classify(
    _ line: ScannedLine, _ b: UnsafeRawBufferPointer, with classifier: ReplyClassifier
  ) -> Classification? {
    switch line.kind {
    case .delivery:
      guard line.status == .deferred || line.status == .bounced || line.status == .expired else {
        return nil
      }
    case .inboundReject:
      break
    default:
      return nil
    }
    let dsn = EnhancedCode(packed: line.fieldDSN)
    let relay = line.relayHost.isEmpty ? nil : b.slice(line.relayHost)
    let text = line.replyContext.isEmpty ? line.replyText : line.replyContext
    let verdict = classifier.classify(text: b.slice(text), dsn: dsn, relayHost: relay, recipientDomain: nil)
    // Postfix's lmtp/local/virtual/pipe agents deliver to our own machine: a connection they
    // cannot make is our fault (local-error), which the reply's words alone do not say.
    if line.mta == .postfix, Classification.isLocalAgent(b.slice(line.daemon)) {
      return verdict.loggedByLocalAgent()
    }
    // Exim: a pipe, file or autoreply that failed is our own command, file or reply transport
    // (no remote server was asked), and a local error number says so whatever the words.
    if line.mta == .exim,
      LineEvent.isOwnDelivery(line.special) || Classification.isLocalEximError(Int(line.eximError))
    {
      return verdict.failedLocally()
    }
    // Exim with no remote host and no remote reply: the words are our own MTA's about itself.
    if line.mta == .exim, line.relayHost.isEmpty, line.replyContext.isEmpty {
      return verdict.saidByOurMTA()
    }
    return verdict
  }
}

extension LineEvent {
  /// Exim deliveries our own machine makes to something other than a mailbox: a command, a
  /// file, an autoreply, the system filter's own deliveries.
  @inlinable @inline(__always)
  public static func isOwnDelivery(_ special: SpecialRecipient) -> Bool {
    switch special {
    case .pipe, .file, .autoreply, .filter: true
    default: false
    }
  }
}

/// Scan, classify, event: the whole path from a line's bytes to its event, for code that has
/// lines one by one (tests, benchmarks, fuzzing). The engine does the same steps inline.
public struct LineEventMaker {
  public var scanned = ScannedLine()
  public let classifier: ReplyClassifier

  public init(classifier: ReplyClassifier = ReplyClassifier()) {
    self.classifier = classifier
  }

  /// Calls `body` with the event of line `bytes`; `classify: false` leaves out the
  /// classification (a caller that wants only correlation). Lines before the time window
  /// (`counted: false`) are never classified, as in the engine.
  public mutating func withEvent<R>(
    _ bytes: UnsafeRawBufferPointer, epoch: Int64?, counted: Bool = true, classify: Bool = true,
    _ body: (LineEvent) throws -> R
  ) rethrows -> R {
    LineScanner.scan(bytes, into: &scanned)
    let verdict = classify && counted ? LineEvent.classify(scanned, bytes, with: classifier) : nil
    return try body(LineEvent(scanned, bytes: bytes, epoch: epoch, counted: counted, verdict: verdict))
  }

  /// The same for a line given as a `String`.
  public mutating func withEvent<R>(
    _ line: String, epoch: Int64?, counted: Bool = true, classify: Bool = true, _ body: (LineEvent) throws -> R
  ) rethrows -> R {
    var copy = line
    // Safe because: the UTF-8 view lives for the closure, and `withEvent` uses the bytes (and
    // the event built over them) only inside its body.
    return try copy.withUTF8 { u in
      try withEvent(UnsafeRawBufferPointer(u), epoch: epoch, counted: counted, classify: classify, body)
    }
  }
}
