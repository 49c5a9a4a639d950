import LogstatKinds

/// The fields of one scanned line, as spans into the line's bytes.
///
/// One value is reused for every line (`reset()`); nothing here allocates.
public struct ScannedLine: Sendable {
  public var kind: LineKind = .notMail
  public var mta: MTA = .unknown
  public var time = LineTime()
  public var host: Span = .none
  /// The daemon part of the program tag (`smtp` in `postfix-out/smtp`).
  public var daemon: Span = .none
  /// Postfix queue ID or Exim message ID.
  public var queueID: Span = .none
  /// Recipient address, without angle brackets.
  public var recipient: Span = .none
  public var originalRecipient: Span = .none
  /// Envelope sender, without angle brackets; empty for the null sender `<>`.
  public var sender: Span = .none
  /// True when a sender field was present (so an empty `sender` means `<>`).
  public var hasSender = false
  public var relayHost: Span = .none
  public var relayIP: Span = .none
  /// Delay in milliseconds, or -1 when absent.
  public var delayMillis = -1
  /// The `dsn=` value (Postfix) or nothing (Exim keeps codes in the text).
  public var dsn: Span = .none
  /// The `dsn=` value parsed (`SMTPCodeParser`), packed (`EnhancedPacked`); 0 when absent or
  /// not a code. What the classifier is given as the delivery's DSN.
  public var fieldDSN: UInt32 = 0
  public var status: DeliveryStatus = .none
  /// The server's reply or the MTA's explanation, as written.
  public var replyText: Span = .none
  /// The reply with our MTA's wrapper around it (Exim `SMTP error from remote mail server
  /// after RCPT TO:<..>: ...`) when `replyText` left it out: the classifier reads the SMTP step there.
  public var replyContext: Span = .none
  /// The basic SMTP reply code found in the text (`550`), or 0.
  public var replyCode = 0
  /// An enhanced status code written in the reply text (`5.7.1`, `#5.1.0`), if any.
  public var textDSN: Span = .none
  /// The line's one enhanced status code, packed (`EnhancedPacked`): the `dsn=` value, else
  /// the one in the reply text; 0 for none. What the counts count, so they and the reasons
  /// come from the same parse.
  public var enhancedCode: UInt32 = 0
  /// Message size in bytes, or -1.
  public var size = -1
  /// Client of an inbound reject: host name and IP address.
  public var clientHost: Span = .none
  public var clientIP: Span = .none
  /// Postfix `bounce`: the queue ID of the notification message; Exim `<= <> R=id`: the
  /// message a bounce we generated refers to.
  public var relatedQueueID: Span = .none
  /// What an `.event` line reports.
  public var event: MailEvent = .none
  /// Exim pipe, file, `:blackhole:` ... deliveries.
  public var special: SpecialRecipient = .none
  /// Exim's own error number of a deferral (`defer (-17): ...`), 0 when the line has none or
  /// gives a system errno (`defer (110)`): the negative numbers say which step of our own
  /// machine failed (`Classification.isLocalEximError`).
  public var eximError: Int16 = 0
  /// The user name of a failed SMTP AUTH, when the log gives it.
  public var user: Span = .none
  /// The message of a warning/error/fatal/panic line (for grouping), or another event's text.
  public var detail: Span = .none
  /// A number in the line (`size=`, `S=`, `delay=`) was out of any real range: the field was
  /// dropped (left at -1) and the line is counted as damaged instead of trapping on overflow.
  public var damaged = false
  /// Exim `=>`/`->` with ` X=cipher`: this delivery went over TLS.
  public var overTLS = false
  /// Which Postfix daemon wrote the line, set with `daemon` by the header when the tag names
  /// Postfix (`LineHeader.classifyTag`), so the body scanner does not classify the name again.
  var postfixDaemon: PostfixDaemon = .other
  /// The last classic stamp read into this value (`LineHeader.parse`): kept across lines,
  /// never cleared by `reset()`, so a line with the previous line's stamp copies its time.
  var recentStamp = RecentStamp()
  /// The last syslog host read into this value, kept the same way (`LineHeader.syslogRest`).
  var recentHost = RecentHost()

  /// The largest size (bytes) or delay (milliseconds) taken from a line: 10^15 - 1, a petabyte
  /// or 31,000 years. Anything larger is damage, and sums of such values cannot overflow `Int`.
  public static let largestNumber = 999_999_999_999_999

  public init() {}

  /// Clears every field so the value can be reused for the next line (a new field must be
  /// added here too).
  @inlinable public mutating func reset() {
    // Field by field: assigning a fresh value builds it aside and copies ~300 bytes.
    kind = .notMail
    mta = .unknown
    time = LineTime()
    host = .none
    daemon = .none
    queueID = .none
    recipient = .none
    originalRecipient = .none
    sender = .none
    hasSender = false
    relayHost = .none
    relayIP = .none
    delayMillis = -1
    dsn = .none
    fieldDSN = 0
    status = .none
    replyText = .none
    replyContext = .none
    replyCode = 0
    textDSN = .none
    enhancedCode = 0
    size = -1
    clientHost = .none
    clientIP = .none
    relatedQueueID = .none
    event = .none
    special = .none
    eximError = 0
    user = .none
    detail = .none
    damaged = false
    overTLS = false
  }
}
