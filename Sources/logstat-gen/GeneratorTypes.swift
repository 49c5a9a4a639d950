/// Which MTA's log to write.
enum LogFormat: String, Sendable, CaseIterable {
  case postfix, exim
}

/// Everything that determines one generated log (same config, same bytes).
struct GeneratorConfig: Sendable {
  var format: LogFormat = .postfix
  /// Stop starting new messages once this many bytes are written (the log ends a little later).
  var targetBytes: Int64 = 10_000_000
  var seed: UInt64 = 1
  var stamps: StampStyle = .classic
  /// First line's time, seconds since the epoch (UTC).
  var start: Int64 = 1_795_132_800  // 2026-11-20T00:00:00Z
  /// Local time's offset from UTC, in seconds; stamps show local time.
  var utcOffset = 0
  /// Approximate average lines per second of simulated time.
  var rate: Double = 20
  /// Queue lifetime in seconds (Postfix `maximal_queue_lifetime`, Exim retry timeout).
  var queueLifetime: Int64 = 5 * 86_400
  /// Postfix `enable_long_queue_ids = yes`.
  var longQueueIDs = false
  /// The syslog host name field: at most `maxHostnameLength` bytes.
  var hostname = "mx1"

  /// The longest host name accepted (a DNS name is at most 253 bytes). It bounds every line:
  /// the generator writes a whole event's lines before it checks for room, and the line
  /// buffer keeps `LineBuffer.lineHeadroom` bytes for that.
  static let maxHostnameLength = 255
}

/// How a recipient's delivery will go, decided when the message is created.
enum Fate: UInt8, Sendable {
  case sent, bounce, deferSent, deferBounce, deferForever
}

/// One recipient of a message in flight.
struct Recipient: Sendable {
  var domain: Int32 = 0
  /// Local-part id (see `appendLocalPart`); bit 31 set means one of our senders' addresses.
  var user: UInt32 = 0
  var deferReply: Int32 = 0
  var finalReply: Int32 = 0
  var fate: Fate = .sent
  var deferralsLeft: UInt8 = 0
  /// 0 as stored, 1 upper case, 2 capitalised labels (`Gmail.Com`).
  var caseStyle: UInt8 = 0
  var pending = false
  /// At least one deferral line for it was written.
  var deferredInLog = false
  /// Sent with `orig_to=` (an alias expanded on our side).
  var hasOrigTo = false
}

/// How a message entered the queue.
enum Origin: UInt8, Sendable {
  case smtpd, pickup, notification
}

/// Where a message is in its life; the next step to run.
enum Phase: UInt8, Sendable {
  case arrive, cleanup, queued, deliver, roundEnd
}

/// A message in flight. Recipients live in `Generator.recipients[slot * maxRecipients ...]`.
struct Message: Sendable {
  var serial: UInt64 = 0
  var parentSerial: UInt64 = 0
  var arrival: Int64 = 0
  var senderDomain: Int32 = 0
  var senderLocal: UInt32 = 0
  var size: Int32 = 0
  var origin: Origin = .smtpd
  var phase: Phase = .arrive
  var nrcpt: UInt8 = 0
  var cursor: UInt8 = 0
  var attempts: UInt8 = 0
  var roundFailures: UInt8 = 0
  var lastSentDomain: Int32 = -1
  var lastRelay: Int32 = 0
  var client: Int32 = 0
  var smtpdPid: Int32 = 0
  var live = false
}

/// Counters kept per recipient domain: what really happened, written as the truth TSV.
struct DomainTruth: Sendable, Equatable {
  var recipients = 0
  var delivered = 0
  var deferredThenSent = 0
  var bounced = 0
  var expired = 0
  var deferralLines = 0
  var rejected = 0
  var dsnNotifications = 0
  var stillDeferred = 0
}
