/// The Postfix daemons whose lines logstat reads; everything else is a skipped mail line.
enum PostfixDaemon {
  /// Delivery agents: their `to=... status=` lines are delivery attempts.
  case delivery
  case qmgr
  /// smtpd: inbound `NOQUEUE: reject:` lines, connections, SASL failures.
  case smtpd
  /// postscreen: rejects like smtpd, and its own verdicts (PREGREET, DNSBL, HANGUP...).
  case postscreen
  /// postsuper: the admin's queue actions.
  case postsuper
  case cleanup
  case bounce
  /// `pickup`: a message entered by local submission (sendmail, cron).
  case pickup
  case other

  static func of(_ b: UnsafeRawBufferPointer, _ s: Span) -> PostfixDaemon {
    switch s.count {
    case 4:
      if b.matches("smtp", at: s.start) || b.matches("lmtp", at: s.start)
        || b.matches("pipe", at: s.start)
      {
        return .delivery
      }
      return b.matches("qmgr", at: s.start) ? .qmgr : .other
    case 5:
      if b.matches("local", at: s.start) || b.matches("error", at: s.start)
        || b.matches("retry", at: s.start)
      {
        return .delivery
      }
      if b.matches("smtpd", at: s.start) { return .smtpd }
      if b.matches("nqmgr", at: s.start) { return .qmgr }
      return .other
    case 6:
      if b.matches("bounce", at: s.start) { return .bounce }
      if b.matches("pickup", at: s.start) { return .pickup }
      return .other
    case 7:
      if b.matches("virtual", at: s.start) || b.matches("discard", at: s.start) {
        return .delivery
      }
      if b.matches("cleanup", at: s.start) { return .cleanup }
      return .other
    case 9:
      return b.matches("postsuper", at: s.start) ? .postsuper : .other
    case 10:
      return b.matches("postscreen", at: s.start) ? .postscreen : .other
    default:
      return .other
    }
  }
}
