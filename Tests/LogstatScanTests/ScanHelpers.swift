import LogstatKinds
import LogstatScan

/// Scans `text` and returns the result with each span turned into a String for assertions.
struct Scanned {
  var kind: LineKind
  var mta: MTA
  var time: LineTime
  var host: String
  var daemon: String
  var queueID: String
  var recipient: String
  var originalRecipient: String
  var sender: String
  var hasSender: Bool
  var relayHost: String
  var relayIP: String
  var delayMillis: Int
  var dsn: String
  var status: DeliveryStatus
  var replyText: String
  var replyCode: Int
  var textDSN: String
  var size: Int
  var clientHost: String
  var clientIP: String
  var relatedQueueID: String
  var event: MailEvent
  var special: SpecialRecipient
  var user: String
  var detail: String
  var overTLS: Bool

  init(_ text: String) {
    var line = ScannedLine()
    var copy = text
    let fields: Scanned? = copy.withUTF8 { u in
      let b = UnsafeRawBufferPointer(u)
      LineScanner.scan(b, into: &line)
      return Scanned(line, b)
    }
    self = fields!
  }

  /// Scans `text` into `line`, a value that already scanned other lines (as the engine reuses one).
  init(_ text: String, reusing line: inout ScannedLine) {
    var copy = text
    self = copy.withUTF8 { u in
      let b = UnsafeRawBufferPointer(u)
      LineScanner.scan(b, into: &line)
      return Scanned(line, b)
    }
  }

  private init(_ l: ScannedLine, _ b: UnsafeRawBufferPointer) {
    kind = l.kind
    mta = l.mta
    time = l.time
    host = b.string(l.host)
    daemon = b.string(l.daemon)
    queueID = b.string(l.queueID)
    recipient = b.string(l.recipient)
    originalRecipient = b.string(l.originalRecipient)
    sender = b.string(l.sender)
    hasSender = l.hasSender
    relayHost = b.string(l.relayHost)
    relayIP = b.string(l.relayIP)
    delayMillis = l.delayMillis
    dsn = b.string(l.dsn)
    status = l.status
    replyText = b.string(l.replyText)
    replyCode = l.replyCode
    textDSN = b.string(l.textDSN)
    size = l.size
    clientHost = b.string(l.clientHost)
    clientIP = b.string(l.clientIP)
    relatedQueueID = b.string(l.relatedQueueID)
    event = l.event
    special = l.special
    user = b.string(l.user)
    detail = b.string(l.detail)
    overTLS = l.overTLS
  }
}
