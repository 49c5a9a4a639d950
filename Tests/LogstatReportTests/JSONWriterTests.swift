import Foundation
import Testing

@testable import LogstatReport

@Suite("JSON report")
struct JSONWriterTests {
  func decode(_ options: ReportOptions = ReportOptions(top: nil)) throws -> [String: Any] {
    let text = JSONWriter.render(Fixture.model, options: options)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func decodesBackWithLogTextIntact() throws {
    let doc = try decode()
    #expect(doc["schema"] as? String == "logstat/1")
    #expect(doc["time_zone"] as? String == "Europe/Berlin")
    let domains = try #require(doc["domains"] as? [[String: Any]])
    #expect(domains.count == 5)
    #expect(domains[1]["domain"] as? String == Fixture.scriptDomain)
    #expect(domains[1]["expired"] as? Int == 2)
    let reasons = try #require(doc["reasons"] as? [[String: Any]])
    #expect(reasons[0]["example"] as? String == Fixture.hostileReply)
    #expect(reasons[0]["hard"] as? Bool == true)
    let senders = try #require(doc["senders"] as? [[String: Any]])
    #expect(senders[1]["domain"] as? String == Fixture.formulaSender)
    #expect(senders[1]["hard_bounced"] as? Int == 5)
    #expect(senders[1]["hard_bounce_rate"] as? Double == 0.125)
    let summary = try #require(doc["summary"] as? [String: Any])
    #expect(summary["delivery_rate"] as? Double == 0.8649)
    #expect(summary["delay_p95_seconds"] as? Int == 2710)
    let files = try #require(doc["files"] as? [[String: Any]])
    #expect(files[1]["path"] as? String == "/var/log/mail.log.2.gz\u{1B}]0;pwned\u{07}")
  }

  @Test func reputationKeys() throws {
    let doc = try decode()
    let rep = try #require(doc["reputation"] as? [String: Any])
    let listings = try #require(rep["listings"] as? [[String: Any]])
    #expect(listings.map { $0["address"] as? String } == ["192.0.2.25", "2001:db8::25"])
    #expect(listings[0]["count"] as? Int == 6)
    let issues = try #require(rep["issues"] as? [[String: Any]])
    #expect(issues.map { $0["category"] as? String } == ReputationIssue.Category.allCases.map(\.rawValue))
    #expect(issues[1]["reason"] as? String == "reputation")
    #expect(issues[1]["deferred"] as? Int == 20)
    let hygiene = try #require(rep["hygiene"] as? [String: Any])
    #expect(hygiene["hard_bounced"] as? Int == 12)
    #expect(hygiene["level"] as? String == "high")
    #expect((hygiene["senders"] as? [[String: Any]])?.count == 2)
    let inbound = try #require(doc["inbound"] as? [String: Any])
    let clients = try #require(inbound["clients"] as? [[String: Any]])
    #expect(clients[1]["client"] as? String == "-2+3\"<b>")
    #expect(clients[0]["top_reason"] as? String == "blocklisted")
    #expect((inbound["by_reason"] as? [[String: Any]])?.first?["reason"] as? String == "blocklisted")
  }

  @Test func keepsEveryEarlierKeyInOrder() throws {
    let text = JSONWriter.render(Fixture.model)
    let earlier = [
      "schema", "generated_at", "time_zone", "window", "first_event", "last_event", "files",
      "problems", "lines", "summary", "domains", "dsn_codes", "reply_codes", "senders", "inbound",
      "timeline", "reasons", "providers", "blocklists",
    ]
    let positions = earlier.map { key in text.firstRange(of: "\n  \"\(key)\":")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
  }

  @Test func reportSelectsKeys() throws {
    let doc = try decode(ReportOptions(sections: [.domains], top: 2))
    #expect(doc["domains"] != nil)
    #expect(doc["summary"] == nil)
    #expect(doc["reputation"] == nil)
    #expect(doc["files"] != nil)
    #expect(doc["sections"] as? [String] == ["domains"])
    #expect((doc["domains"] as? [Any])?.count == 2)
  }
}
