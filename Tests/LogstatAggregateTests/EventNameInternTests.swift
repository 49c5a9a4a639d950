import LogstatAggregate
import LogstatEvents
import Testing

/// An event's name comes hashed (`NameHash`); the interner must file it where it files the
/// same bytes given plainly (merges and restores intern bytes), whatever their case.
@Suite struct EventNameInternTests {
  @Test func eventNamesAndBytesShareIDs() {
    var maker = LineEventMaker()
    var plain = Interner()
    var viaEvents = Interner()
    let domains = ["Example.COM", "mail.example.net", "a-much-longer-subdomain.of.example.org", "x.io", "example.com"]
    var fromEvents: [Int32] = []
    for domain in domains {
      maker.withEvent(
        "Nov 22 06:25:03 mx1 postfix/smtp[1]: 4D1B2C3A4F: to=<someone@\(domain)>, relay=mx.\(domain)[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)",
        epoch: 0
      ) { e in
        fromEvents.append(viaEvents.intern(e.recipientDomain))
        // Interning the same name again, now as plain bytes, finds it.
        #expect(viaEvents.intern(e.recipientDomain.string) == fromEvents.last)
      }
    }
    let fromBytes = domains.map { plain.intern($0) }
    #expect(fromEvents == fromBytes)
    #expect(fromEvents == [0, 1, 2, 3, 0])  // "Example.COM" and "example.com" are one domain
    #expect(viaEvents.count == 4)
  }
}
