/// Turns a list of random numbers into a realistic mail log: each number is one event of
/// one of a few messages (Postfix or Exim), in the line shapes the real servers write.
///
/// Messages live in slots; a slot has a fixed queue ID, so creating a message again in a
/// slot reuses its queue ID, as a busy server eventually does. Slots 0-3 are Postfix,
/// 4-7 Exim. Events out of order (a delivery before the message was created, an expiry
/// of nothing) are allowed: logs start and end mid-message.
enum LogScript {
  static let postfixIDs = ["3F2A1B0C11", "4Vq8Kz1sYHz9abc", "5E6F7A8B9C", "7B2C3D4E5F"]
  static let eximIDs = ["1tXyZa-000Abc-De", "1tXyZb-000Abd-Df", "1tXyZc-000000Abc12-DeFg", "1tXyZd-000Abe-Dg"]
  static let recipients = [
    "ann@gmail.com", "bob@yahoo.com", "cy@corp.example", "dan@Gmail.COM", "eve@outlook.com", "full@gmx.de",
  ]
  static let senders = ["news@example.net", "billing@shop.example.org", "", "alerts@EXAMPLE.net"]

  /// The log lines for `events`, one line per event.
  /// - Parameter slots: 8 for all slots; 2 for one Postfix and one Exim message ID only,
  ///   so that events of one message meet more often.
  static func lines(_ events: [UInt64], slots: UInt64 = 8) -> [String] {
    events.enumerated().map { k, e in
      let slot = e % 8 % slots
      let folded = slots == 8 ? e : e - e % 8 + (slot == 0 ? 0 : 4)
      return line(folded, second: k)
    }
  }

  /// One line for event `e`; `second` makes stamps increase.
  static func line(_ e: UInt64, second k: Int) -> String {
    let slot = Int(e % 8)
    let kind = Int(e / 8 % 16)
    let r = recipients[Int(e / 128 % UInt64(recipients.count))]
    let s = senders[Int(e / 1024 % UInt64(senders.count))]
    let variant = Int(e / 8192 % 4)
    let size = 1000 + Int(e / 32768 % 50_000)
    if slot < 4 {
      return postfix(postfixIDs[slot], kind: kind, recipient: r, sender: s, variant: variant, size: size, second: k)
    }
    return exim(eximIDs[slot - 4], kind: kind, recipient: r, sender: s, variant: variant, size: size, second: k)
  }

  static func postfixStamp(_ k: Int) -> String {
    let h = 6 + k / 3600 % 18
    let m = k / 60 % 60
    let s = k % 60
    return "Nov 22 \(two(h)):\(two(m)):\(two(s)) mx1"
  }

  static func eximStamp(_ k: Int) -> String {
    "2026-11-22 \(two(6 + k / 3600 % 18)):\(two(k / 60 % 60)):\(two(k % 60))"
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  static func postfix(
    _ id: String, kind: Int, recipient r: String, sender s: String, variant: Int, size: Int, second k: Int
  ) -> String {
    let t = postfixStamp(k)
    let relay = "relay=mx.\(r.split(separator: "@").last!)[203.0.113.9]:25, delay=\(variant).\(k % 10), delays=0.1/0/0.3/0.4"
    switch kind {
    case 0, 1:
      return "\(t) postfix/cleanup[3102]: \(id): message-id=<\(k).\(id)@mx1.example.net>"
    case 2:
      return "\(t) postfix/qmgr[990]: \(id): from=<\(s)>, size=\(size), nrcpt=\(1 + variant) (queue active)"
    case 3, 4:
      return "\(t) postfix/smtp[3103]: \(id): to=<\(r)>, \(relay), dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4H1x2y3z)"
    case 5, 6:
      let text = variant % 2 == 0
        ? "host mx.example[203.0.113.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)"
        : "connect to mx.example[203.0.113.9]:25: Connection timed out"
      return "\(t) postfix/smtp[3104]: \(id): to=<\(r)>, \(relay), dsn=4.\(variant % 2 == 0 ? "2.2" : "4.1"), status=deferred (\(text))"
    case 7 where variant % 3 == 2:
      // An outbound blocklist refusal (FORMATS.md): a blocklist, a listed address, a reason.
      return "\(t) postfix/smtp[3105]: \(id): to=<\(r)>, \(relay), dsn=5.7.1, status=bounced (host mx.example[203.0.113.9] refused to talk to me: 554 5.7.1 Service unavailable; Client host [192.0.2.25] blocked using zen.spamhaus.org)"
    case 7:
      return "\(t) postfix/smtp[3105]: \(id): to=<\(r)>, \(relay), dsn=5.1.1, status=bounced (host mx.example[203.0.113.9] said: 550 5.1.1 <\(r)>: Recipient address rejected: User unknown (in reply to RCPT TO command))"
    case 8:
      return "\(t) postfix/qmgr[990]: \(id): from=<\(s)>, status=expired, returned to sender"
    case 9, 10:
      return "\(t) postfix/qmgr[990]: \(id): removed"
    case 11:
      return "\(t) postfix/bounce[3106]: \(id): sender non-delivery notification: 3F2A1B0D22"
    case 12:
      return "\(t) postfix/smtpd[3110]: NOQUEUE: reject: RCPT from unknown[198.51.100.\(variant)]: 554 5.7.1 Service unavailable; Client host [198.51.100.\(variant)] blocked using zen.spamhaus.org; from=<a@spam.example> to=<\(r)> proto=ESMTP helo=<spam.example>"
    case 13:
      switch variant {
      case 0: return "\(t) postfix/smtpd[3110]: connect from unknown[198.51.100.23]"
      case 1: return "\(t) CRON[3120]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)"
      case 2: return "\(t) postfix/postsuper[3121]: \(id): removed"
      default:
        return "\(t) postfix/smtpd[3110]: warning: unknown[198.51.100.\(k % 3)]: SASL LOGIN authentication failed: authentication failure, sasl_username=\(s.isEmpty ? "x" : s)"
      }
    case 14:
      return "\(t) postfix/error[3107]: \(id): to=<\(r)>, orig_to=<alias@example.net>, relay=none, delay=1.9, delays=0.1/0/0/1.8, dsn=4.4.2, status=deferred (delivery temporarily suspended: conversation with mx.legacy.example[203.0.113.66] timed out while receiving the initial server greeting)"
    default:
      return "\(t) postfix/local[3107]: \(id): to=<\(r)>, relay=local, delay=0.02, delays=0/0/0/0.02, dsn=2.0.0, status=sent (delivered to mailbox)"
    }
  }

  static func exim(
    _ id: String, kind: Int, recipient r: String, sender s: String, variant: Int, size: Int, second k: Int
  ) -> String {
    let t = eximStamp(k)
    let host = "H=mx.\(r.split(separator: "@").last!) [203.0.113.9]"
    switch kind {
    case 0, 1, 2:
      return s.isEmpty
        ? "\(t) \(id) <= <> R=1tXyZa-000Abc-De U=Debian-exim P=local S=\(size)"
        : "\(t) \(id) <= \(s) H=app1.example.net [192.0.2.10] P=esmtps S=\(size) id=\(k)@example.net"
    case 3, 4:
      // Every other delivery over TLS (` X=`), as Exim logs it.
      let tls = kind == 4 ? " X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes" : ""
      return "\(t) \(id) \(variant == 0 ? "->" : "=>") \(r) R=dnslookup T=remote_smtp \(host)\(tls) C=\"250 2.0.0 OK\""
    case 5, 6:
      return variant % 2 == 0
        ? "\(t) \(id) == \(r) R=dnslookup T=remote_smtp defer (-45) \(host): SMTP error from remote mail server after RCPT TO:<\(r)>: 452 4.2.2 Mailbox full"
        : "\(t) \(id) == \(r) R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for 'example'"
    case 7:
      return "\(t) \(id) ** \(r) R=dnslookup T=remote_smtp \(host): SMTP error from remote mail server after RCPT TO:<\(r)>: 550 5.1.1 <\(r)>: Recipient address rejected: User unknown"
    case 8:
      return "\(t) \(id) ** \(r): retry timeout exceeded"
    case 9, 10:
      return "\(t) \(id) Completed"
    case 11:
      return "\(t) \(id) *> \(r) R=dnslookup T=remote_smtp"
    case 12:
      return "\(t) H=(spam.example) [198.51.100.\(variant)] F=<a@spam.example> rejected RCPT <\(r)>: JunkMail rejected - 198.51.100.\(variant) is listed at zen.spamhaus.org"
    case 13:
      switch variant {
      case 0: return "\(t) Start queue run: pid=\(4000 + variant)"
      case 1: return "\(t) \(id) removed by root"
      case 2: return "\(t) \(id) => :blackhole: <\(r)> R=blackhole_router"
      default:
        return "\(t) dovecot_login authenticator failed for (User) [198.51.100.\(k % 3)]:59352 I=[192.0.2.25]:587: 535 Incorrect authentication data (set_id=\(r))"
      }
    case 14:
      return "\(t) \(id) ** \(r): Unrouteable address"
    default:
      return "\(t) \(id) == \(r) R=dnslookup T=remote_smtp defer (111): Connection refused"
    }
  }
}
