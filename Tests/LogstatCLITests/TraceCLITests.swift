import Foundation
import Testing

/// `logstat trace` as a user runs it: exit status like grep, one JSON document, standard input.
@Suite struct TraceCLITests {
  /// The real Postfix 3.7 log beside the checkout, if present.
  static let realPostfix: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/realmta-sample/postfix.log")
  static var hasReal: Bool { FileManager.default.fileExists(atPath: realPostfix.path) }

  @Test(.enabled(if: hasReal, "needs ../shared/realmta-sample"), arguments: ["andrew_gonzalez14@corp-a.example", "76CC1FA171"])
  func bouncedRecipientOnRealLog(key: String) throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["trace", key, Self.realPostfix.path], in: dir.url)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.text.contains("Message 76CC1FA171 (postfix): bounced\n"))
    #expect(run.text.contains("=> andrew_gonzalez14@corp-a.example: bounced after 1 attempt\n"))
    #expect(run.text.contains("reason: relay-denied"))
  }

  @Test(.enabled(if: hasReal, "needs ../shared/realmta-sample"))
  func unknownAddressExitsOne() throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["trace", "never.seen@nowhere.example", Self.realPostfix.path], in: dir.url)
    #expect(run.status == 1)
    #expect(run.text.contains("no message found"))
  }

  @Test(.enabled(if: hasReal, "needs ../shared/realmta-sample"))
  func jsonIsOneDocument() throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(
      ["trace", "--format", "json", "jane.doe@sender.example", Self.realPostfix.path], in: dir.url)
    #expect(run.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    let messages = try #require(object["messages"] as? [[String: Any]])
    #expect(object["matched"] as? Int == messages.count)
    let bounced = try #require(messages.first { $0["queue_id"] as? String == "76CC1FA171" })
    #expect(bounced["outcome"] as? String == "bounced")
    #expect(bounced["in_queue"] as? Bool == false)
    #expect(bounced["message_id"] as? String == "m0002.postfix@sender.example")
    let events = try #require(bounced["events"] as? [[String: Any]])
    #expect(events.map { $0["event"] as? String } == ["submitted", "created", "received", "attempt", "notice", "removed"])
    #expect(events[3]["status"] as? String == "bounced")
    #expect(events[3]["dsn"] as? String == "5.7.1")
    #expect(events[3]["hard"] as? Bool == false)
    #expect(events[3]["time"] as? String == "2026-11-23 18:56:34 +00:00")
  }

  @Test func standardInputAndStillQueued() throws {
    let dir = try TempDirectory()
    let lines = LogLines.postfixMessage(LogLines.ids[0])
    let input = try dir.write("in.log", Array((lines.joined(separator: "\n") + "\n").utf8))
    let run = try Logstat.run(["trace", "bob@yahoo.com", "-"], in: dir.url, stdin: input)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.text.contains("Message 3F2A1B0C11 (postfix): 1 bounced, 1 deferred, 1 delivered\n"))
    #expect(run.text.contains("read from standard input\n"))
    #expect(run.text.contains("still in the queue at the end of the logs read\n"))
    // Both passes read the spooled copy: the created line (before the match) is there too.
    #expect(run.text.contains("created    message-id <n1@example.net>"))
  }

  @Test func badKeyIsAUsageError() throws {
    let dir = try TempDirectory()
    let run = try Logstat.run(["trace", "two words"], in: dir.url)
    #expect(run.status == 64)
  }
}
