import LogstatScan
import Testing

@testable import LogstatEvents

/// `EventText.string(cappedAt:)`, the reason examples' cut: at most the cap in UTF-8 bytes,
/// never inside a character, and no crash for caps below the ellipsis' three bytes (a cap of 2
/// once sliced the bytes up to index -1).
@Suite struct EventTextTests {
  /// A German reply with two-byte letters.
  static let reply = "550 5.1.1 Empfänger unbekannt: Mailbox für diesen Empfänger nicht verfügbar"

  func capped(_ text: String, _ cap: Int) -> String {
    var text = text
    return text.withUTF8 { u in
      let b = UnsafeRawBufferPointer(u)
      return EventText(b, Span(0, b.count)).string(cappedAt: cap)
    }
  }

  @Test func shortTextIsWhole() {
    #expect(capped(Self.reply, 500) == Self.reply)
    #expect(capped(Self.reply, Self.reply.utf8.count) == Self.reply)
  }

  @Test func cutNeverSplitsACharacter() {
    // "550 5.1.1 Empf" is 14 bytes; "ä" is 2: a cap of 18 leaves 15 bytes before "…", which
    // would end inside "ä", so the cut backs off to 14.
    #expect(capped(Self.reply, 18) == "550 5.1.1 Empf…")
    #expect(capped(Self.reply, 19) == "550 5.1.1 Empfä…")
    for cap in 3..<Self.reply.utf8.count {
      let s = capped(Self.reply, cap)
      #expect(s.utf8.count <= cap)
      #expect(s.hasSuffix("…"))
    }
  }

  @Test(arguments: [-1, 0, 1, 2])
  func capBelowTheEllipsisGivesNothing(cap: Int) {
    #expect(capped(Self.reply, cap) == "")
  }

  @Test func capOfExactlyTheEllipsis() {
    #expect(capped(Self.reply, 3) == "…")
  }
}
