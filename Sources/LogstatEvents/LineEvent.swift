import LogstatClassify
import LogstatKinds
import LogstatScan

/// One log line as the counts see it: what happened, when, to which message and recipient,
/// with which codes and why: every field parsed once, by Scan and Classify.
///
/// The aggregate reads only this; it never sees the line's bytes. Names are borrowed views of
/// the line, hashed here (`EventName`), so an event is valid only while its line's buffer is:
/// build it, add it, drop it (`LineEvent.init(_:bytes:epoch:counted:verdict:)`). Building one
/// allocates nothing and makes no `String`.
public struct LineEvent {
  // What and when.
  public var kind: LineKind = .notMail
  /// What an `.event` line reports.
  public var event: MailEvent = .none
  public var mta: MTA = .unknown
  /// Epoch seconds of the line's stamp, or nil when it has none that could be read.
  public var epoch: Int64?
  /// False for a line before the time window: it only updates what is known of its message.
  public var counted = true
  /// A number in the line was out of any real range and left out (`ScannedLine.damaged`).
  public var damaged = false

  // Which message.
  /// The queue ID (Postfix) or message ID (Exim), packed; empty when the line has none.
  public var queue = QueueKey()
  public var hasQueue = false
  /// Postfix `bounce`: the notification's queue ID; Exim `<= <> R=id`: the message a bounce
  /// we generated refers to.
  public var relatedQueue = QueueKey()
  public var hasRelatedQueue = false

  // A delivery's outcome.
  public var status: DeliveryStatus = .none
  /// Exim pipe, file, `:blackhole:` ... deliveries.
  public var special: SpecialRecipient = .none
  /// The basic reply code (`550`), 0 for none.
  public var replyCode: UInt16 = 0
  /// The line's enhanced status code, packed (`EnhancedPacked`): the `dsn=` value, else the
  /// one in the reply text; 0 for none. The same parse the classifier was given.
  public var enhancedCode: UInt32 = 0
  /// Delay in milliseconds, or -1.
  public var delayMillis = -1
  /// Message size in bytes, or -1.
  public var size = -1
  /// Exim `=>`/`->` with ` X=cipher`: delivered over TLS.
  public var overTLS = false
  /// Postfix `status=sent (forwarded as ID)`: handed on, not delivered to a mailbox.
  public var forwarded = false
  /// The classification of the reply (failed deliveries, inbound rejects), nil otherwise.
  public var verdict: Verdict?
  /// A bounced recipient that can be a remote person's mailbox, not delivered by our own
  /// `relay=local`: what `--suppression-list` lists when the bounce is hard.
  public var suppressible = false

  // Names the counts key on (hashed once, here).
  /// The recipient: the logged address, or for Exim file and pipe deliveries the original one.
  public var recipient = EventName.none
  /// The domain of `recipient`; for an inbound reject, of the refused recipient.
  public var recipientDomain = EventName.none
  /// True when a sender field was present (an empty `sender` is then `<>`).
  public var hasSender = false
  /// Envelope sender (empty for `<>`) and its domain: split here, hashed only by the table
  /// that keeps them (a message's sender is counted once, on the first of its queue lines).
  public var sender = EventText.none
  public var senderDomain = EventText.none
  /// A counted client: the refused or failed-AUTH client (IP, else host name), the host of an
  /// smtpd `connect from`.
  public var client = EventName.none
  /// The user name of a failed SMTP AUTH.
  public var user = EventName.none

  // Texts kept for reports (made into `String`s only when one is kept).
  /// The relay host (`mx.example.com[192.0.2.1]:25`, Exim `H=`): for provider detection
  /// (`relayProvider`) and, on a TLS line, counted by name.
  public var relay = EventText.none
  /// The server's reply or the MTA's explanation.
  public var reply = EventText.none
  /// `ReplyShape.of(reply)`, for failed deliveries: the reply with its digits left out, hashed.
  public var replyShape: UInt64 = 0
  /// The IP address a blocklist reply names (our sending address), if any (`ListedAddress`).
  public var listedAddress = EventText.none
  /// A warning/error/fatal/panic line's daemon and message, grouped by `withLogGroup`.
  public var daemon = EventText.none
  public var detail = EventText.none
  /// Set by `read` when it wrote more than the fields every line writes, so the next `read`
  /// clears the value first; most lines (skipped, entered, bounce notices) leave it clear.
  @usableFromInline var needsReset = false

  public init() {}

  /// The parts of a `Classification` the counts use.
  public struct Verdict: Sendable, Equatable {
    public var reason: Reason
    public var provider: Provider
    public var blocklist: Blocklist?
    /// A hard bounce (`Classification.isHard`).
    public var isHard: Bool

    public init(_ c: Classification) {
      reason = c.reason
      provider = c.provider
      blocklist = c.blocklist
      isHard = c.isHard
    }
  }
}
