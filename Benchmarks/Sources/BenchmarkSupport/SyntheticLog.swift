/// Deterministic, real-shaped mail log lines for benchmarks: messages with one to three
/// recipients over a few hundred domains, mostly delivered, some deferred and bounced.
///
/// Not a realistic traffic model (that is `logstat-gen`); enough to exercise every hot path
/// with the line shapes Postfix and Exim write.
public enum SyntheticLog {
  /// About `bytes` of Postfix lines (classic syslog stamps), ending with a newline.
  public static func postfix(bytes: Int, seed: UInt64 = 1) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(bytes + 4096)
    var rng = seed
    var serial = 0
    while out.count < bytes {
      serial += 1
      let id = queueID(serial)
      let t = serial / 20
      let stamp = "Nov 20 \(two(t / 3600 % 24)):\(two(t / 60 % 60)):\(two(t % 60)) mx1 postfix"
      append(&out, "\(stamp)/smtpd[\(1000 + serial % 50)]: \(id): client=mail\(serial % 97).example.net[203.0.113.\(serial % 250)]")
      append(&out, "\(stamp)/cleanup[2001]: \(id): message-id=<\(serial).\(id)@example.net>")
      append(&out, "\(stamp)/qmgr[99]: \(id): from=<user\(serial % 31)@sender\(serial % 7).example.org>, size=\(1000 + serial % 9000), nrcpt=1 (queue active)")
      let recipients = 1 + Int(next(&rng) % 3)
      for r in 0..<recipients {
        let domain = "d\(Int(next(&rng) % 300)).example.com"
        let roll = next(&rng) % 100
        let head = "\(stamp)/smtp[\(3000 + serial % 40)]: \(id): to=<u\(r)@\(domain)>, relay=mx.\(domain)[198.51.100.\(r + 1)]:25, delay=1.\(r), delays=0.1/0/0.4/0.6"
        if roll < 8 {
          append(&out, "\(head), dsn=4.7.0, status=deferred (host mx.\(domain)[198.51.100.\(r + 1)] said: 421 4.7.0 Try again later (in reply to RCPT TO command))")
        }
        if roll < 5 {
          append(&out, "\(head), dsn=5.1.1, status=bounced (host mx.\(domain)[198.51.100.\(r + 1)] said: 550 5.1.1 <u\(r)@\(domain)>: Recipient address rejected: User unknown (in reply to RCPT TO command))")
        } else {
          append(&out, "\(head), dsn=2.0.0, status=sent (250 2.0.0 OK queued as \(serial))")
        }
      }
      append(&out, "\(stamp)/qmgr[99]: \(id): removed")
      if serial % 25 == 0 {
        append(&out, "\(stamp)/smtpd[1999]: NOQUEUE: reject: RCPT from unknown[192.0.2.\(serial % 250)]: 554 5.7.1 Service unavailable; Client host [192.0.2.\(serial % 250)] blocked using zen.spamhaus.org; from=<x@spam.example> to=<u@d\(serial % 300).example.com> proto=ESMTP helo=<spam>")
      }
    }
    return out
  }

  /// About `bytes` of Exim mainlog lines, ending with a newline.
  public static func exim(bytes: Int, seed: UInt64 = 1) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(bytes + 4096)
    var rng = seed
    var serial = 0
    while out.count < bytes {
      serial += 1
      let id = "1v\(base62(serial, 4))-\(base62(serial * 7, 6))-\(base62(serial % 3844, 2))"
      let t = serial / 20
      let stamp = "2026-11-20 \(two(t / 3600 % 24)):\(two(t / 60 % 60)):\(two(t % 60))"
      append(&out, "\(stamp) \(id) <= user\(serial % 31)@sender\(serial % 7).example.org H=mail.example.net [203.0.113.\(serial % 250)] P=esmtps S=\(1000 + serial % 9000) id=\(serial)@example.net")
      let domain = "d\(Int(next(&rng) % 300)).example.com"
      let roll = next(&rng) % 100
      if roll < 8 {
        append(&out, "\(stamp) \(id) == u@\(domain) R=dnslookup T=remote_smtp defer (-44) H=mx.\(domain) [198.51.100.1]: SMTP error from remote mail server after RCPT TO:<u@\(domain)>: 451 4.7.1 Greylisted")
      }
      if roll < 5 {
        append(&out, "\(stamp) \(id) ** u@\(domain) R=dnslookup T=remote_smtp H=mx.\(domain) [198.51.100.1]: SMTP error from remote mail server after RCPT TO:<u@\(domain)>: 550 5.1.1 User unknown")
      } else {
        append(&out, "\(stamp) \(id) => u@\(domain) R=dnslookup T=remote_smtp H=mx.\(domain) [198.51.100.1] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 Ok: queued as \(serial)\"")
      }
      append(&out, "\(stamp) \(id) Completed")
    }
    return out
  }

  /// The number of lines in `log`.
  public static func lineCount(_ log: [UInt8]) -> Int { log.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }

  static func append(_ out: inout [UInt8], _ line: String) {
    out.append(contentsOf: line.utf8)
    out.append(10)
  }

  static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  static func next(_ state: inout UInt64) -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }

  static func queueID(_ n: Int) -> String { "4" + base62(n &* 2_654_435_761, 9).uppercased() }

  static func base62(_ n: Int, _ width: Int) -> String {
    let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    var v = abs(n)
    var s = ""
    for _ in 0..<width {
      s.append(digits[v % 62])
      v /= 62
    }
    return s
  }
}
