import Foundation

/// Real-shaped Postfix delivery lines for tests: sent, deferred by a Gmail rate block, bounced by
/// a Spamhaus listing, at chosen times (classic syslog stamps, read as UTC, year given).
struct LogLines {
  private(set) var text = ""
  private var queue = 0x4B2C_8100

  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `Nov 21 03:10:07` for a UTC epoch second.
  static func stamp(_ epoch: Int64) -> String {
    let c = Calendar(identifier: .gregorian)
    var utc = c
    utc.timeZone = TimeZone(identifier: "UTC")!
    let d = utc.dateComponents(
      [.month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(epoch)))
    let day = d.day! < 10 ? " \(d.day!)" : "\(d.day!)"
    return "\(months[d.month! - 1]) \(day) " + String(format: "%02d:%02d:%02d", d.hour!, d.minute!, d.second!)
  }

  mutating func nextQueueID() -> String {
    queue += 1
    return String(queue, radix: 16, uppercase: true)
  }

  mutating func sent(_ t: Int64, to address: String, relay: String) {
    let id = nextQueueID()
    text += "\(Self.stamp(t)) mx postfix/smtp[2101]: \(id): to=<\(address)>, relay=\(relay)[192.0.2.25]:25, delay=0.61, delays=0.05/0/0.21/0.35, dsn=2.0.0, status=sent (250 2.0.0 OK  1795300000 a1si\(id.lowercased()) - gsmtp)\n"
  }

  mutating func gmailRateBlock(_ t: Int64, to address: String) {
    let id = nextQueueID()
    text += "\(Self.stamp(t)) mx postfix/smtp[2102]: \(id): to=<\(address)>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=1.2, delays=0.05/0/0.4/0.75, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.26] said: 421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. (in reply to end of DATA command))\n"
  }

  /// Our own local delivery failing (a procmail pipe that may not run): reason local-error.
  mutating func localError(_ t: Int64, to address: String) {
    let id = nextQueueID()
    text += "\(Self.stamp(t)) mx postfix/local[2201]: \(id): to=<\(address)>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=4.3.0, status=deferred (temporary failure. Command output: /usr/bin/procmail: Permission denied )\n"
  }

  mutating func spamhausBounce(_ t: Int64, to address: String) {
    let id = nextQueueID()
    text += "\(Self.stamp(t)) mx postfix/smtp[2103]: \(id): to=<\(address)>, relay=mx.shop.example[192.0.2.27]:25, delay=0.9, delays=0.05/0/0.4/0.45, dsn=5.7.1, status=bounced (host mx.shop.example[192.0.2.27] said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.5 (in reply to RCPT TO command))\n"
  }

  /// One night of traffic on the UTC day starting at `dayStart`: every hour 10 sent to
  /// gmail.com and 4 to shop.example; from `blockHour` on, 4 of the gmail.com lines each hour
  /// are rate blocks and (with `spamhaus`) 2 shop.example lines bounce naming Spamhaus.
  static func night(dayStart: Int64, blockHour: Int? = nil, spamhaus: Bool = true) -> String {
    var log = LogLines()
    for h in 0..<24 {
      let blocked = blockHour.map { h >= $0 } ?? false
      for k in 0..<14 {
        let t = dayStart + Int64(h * 3600 + k * 240 + 7)
        if k < 10 {
          if blocked, k < 4 {
            log.gmailRateBlock(t, to: "user\(h)x\(k)@gmail.com")
          } else {
            log.sent(t, to: "user\(h)x\(k)@gmail.com", relay: "gmail-smtp-in.l.google.com")
          }
        } else if blocked, spamhaus, k < 12 {
          log.spamhausBounce(t, to: "buyer\(h)x\(k)@shop.example")
        } else {
          log.sent(t, to: "buyer\(h)x\(k)@shop.example", relay: "mx.shop.example")
        }
      }
    }
    return log.text
  }
}

/// A fresh temporary directory for one test.
func temporaryDirectory(_ name: String) throws -> URL {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "logstat-history-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir
}
