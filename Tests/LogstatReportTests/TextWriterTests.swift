import Testing

@testable import LogstatReport

@Suite("Text report")
struct TextWriterTests {
  @Test(arguments: [60, 72, 80, 100, 140])
  func fitsTheWidth(_ width: Int) {
    let text = TextWriter.render(Fixture.model, options: ReportOptions(top: 20, width: width))
    let long = text.split(separator: "\n").filter { TerminalText.width(String($0)) > width }
    #expect(long == [])
  }

  @Test func noEscapeSequenceWithoutColour() {
    let text = TextWriter.render(Fixture.model, options: ReportOptions(top: 20))
    #expect(!text.contains("\u{1B}"))
    #expect(!text.contains("\u{07}"))
    #expect(text.contains("\\x1B[31mRED"))
    #expect(text.contains("/var/log/mail.log.2.gz\\x1B]0;pwned\\x07"))
  }

  @Test func colourUsesOnlyOurOwnStyles() {
    let text = TextWriter.render(Fixture.model, options: ReportOptions(top: 20, color: true))
    let escapes = text.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
    #expect(!escapes.isEmpty)
    for e in escapes {
      let code = e.prefix { $0 != "m" }
      #expect(code.first == "[" && code.dropFirst().allSatisfy { $0.isNumber }, "escape \(e.prefix(8).debugDescription)")
    }
  }

  @Test func tableCutsTextColumnsWithEllipsis() {
    var t = TextTable([("name", .left), ("count", .right), ("note", .left)])
    t.add(["a-rather-long-domain-name.example", "12", "a note that is much too long to fit"])
    let out = t.rendered(indent: "", width: 50)
    let lines = out.split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { TerminalText.width($0) <= 50 })
    // Both text columns give, the name (first column) keeping at least 24 columns.
    #expect(lines[2].hasPrefix("a-rather-long-domain-na… "))
    #expect(lines[2].hasSuffix("…"))
    #expect(t.rendered(indent: "", width: 200).contains("a-rather-long-domain-name.example  "))
  }

  @Test func leavesOutDroppableColumnsLast() {
    var t = TextTable([("name", .left), ("a", .right), ("b", .right), ("c", .right)])
    t.droppable = [2]
    t.add(["abcdefghijkl", "1111111111", "2222222222", "3333333333"])
    #expect(t.rendered(indent: "", width: 60) == "name                   a           b           c\n------------  ----------  ----------  ----------\nabcdefghijkl  1111111111  2222222222  3333333333\n")
    #expect(t.rendered(indent: "", width: 40) == "name                  a          c\n------------ ---------- ----------\nabcdefghijkl 1111111111 3333333333\n")
    #expect(t.rendered(indent: "", width: 30) == "name              a          c\n-------- ---------- ----------\nabcdefg… 1111111111 3333333333\n")
  }

  @Test func fileLineCountsAgreeInNumber() {
    var m = Fixture.model
    m.files[0].lines = 1
    m.files[0].gzip = true
    let one = TextWriter.render(m, options: ReportOptions(top: 20, width: 200))
    #expect(one.contains("/var/log/mail.log.1 (1 line, gzip)"))
    m.files[0].lines = 2
    m.files[0].gzip = false
    let two = TextWriter.render(m, options: ReportOptions(top: 20, width: 200))
    #expect(two.contains("/var/log/mail.log.1 (2 lines)"))
  }

  @Test func sparkline() {
    #expect(TimelineSeries.sparkline([0, 1, 8, 4, 2]) == " ▁█▄▂")
    #expect(TimelineSeries.sparkline([0, 0]) == "  ")
  }

  @Test func timelineBucketsFillGaps() {
    let hourly = TimelineSeries(Fixture.model.timeline, maxBuckets: 100)
    #expect(hourly.hours == 1)
    #expect(hourly.buckets.count == 24)
    #expect(hourly.buckets[2].total == 0)
    #expect(hourly.buckets[9].delivered == 40)
    let coarse = TimelineSeries(Fixture.model.timeline, maxBuckets: 10)
    #expect(coarse.hours == 3)
    #expect(coarse.buckets.count == 8)
    #expect(coarse.buckets[0].delivered == 14)
    #expect(coarse.buckets.map(\.delivered).reduce(0, +) == 128)
  }

  @Test func textIsMadeSafe() {
    #expect(TerminalText.safe("a\u{1B}[2Jb\nc\u{9B}d") == "a\\x1B[2Jb\\x0Ac\\x9Bd")
    #expect(TerminalText.wrap("one two three four", width: 28, indent: "  ") == "  one two three four\n")
  }
}

@Suite("Report options")
struct ReportOptionsTests {
  @Test func sectionsKeepOrderAndDropRepeats() throws {
    #expect(try ReportOptions.sections(["domains,reputation", "summary", "domains"], for: .text) == [.domains, .reputation, .summary])
    #expect(try ReportOptions.sections([" Timeline , inbound"], for: .csv) == [.timeline, .inbound])
  }

  @Test func emptyMeansEverythingTheFormatShows() throws {
    #expect(try ReportOptions.sections([], for: .html) == ReportSection.allCases)
    #expect(try ReportOptions.sections([], for: .prometheus).contains(.timeline) == false)
  }

  @Test func unknownOrUnfitSectionsAreRefused() {
    #expect(throws: ReportOptionError.self) { try ReportOptions.sections(["domainz"], for: .text) }
    #expect(throws: ReportOptionError.self) { try ReportOptions.sections(["timeline"], for: .prometheus) }
    do {
      _ = try ReportOptions.sections(["senders"], for: .prometheus)
    } catch {
      #expect(error.description.contains("It can show: alerts, summary, domains"))
    }
  }

  @Test func suppressionListIsSortedUniqueAndClean() {
    let list = SuppressionList.render(["b@x.example", "a@x.example", "a@x.example", "evil\u{1B}@x", "", "with space@x"])
    #expect(list == "a@x.example\nb@x.example\n")
    #expect(SuppressionList.render([]) == "")
  }

  /// Examples are cut at a word, never show a literal `\n`; wrapped alerts keep their indent;
  /// no line ends in a space.
  @Test func examplesAndAlertsReadCleanly() {
    let reply = #"550-5.7.1 [192.0.2.25] Our system has detected that this message is\n550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. Please visit https://support.google.com/mail/?p=UnsolicitedMessageError for more information. a1si123 - gsmtp"#
    let cut = TerminalText.excerpt(reply, 160)
    #expect(!cut.contains(#"\n"#))
    #expect(cut.hasSuffix(" …"))
    #expect(cut.count <= 162)
    let words = Set(reply.replacing(#"\n"#, with: " ").split(separator: " ").map(String.init))
    #expect(cut.dropLast(2).split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(cut)")
    var m = Fixture.model
    m.alerts[0].example = reply
    let text = TextWriter.render(m, options: ReportOptions(sections: [.alerts], top: 20, width: 60))
    let lines = text.split(separator: "\n").drop { !$0.hasPrefix("ALERTS") }.dropFirst()
    #expect(lines.count >= 6)
    #expect(lines.allSatisfy { $0.hasPrefix("  ! ") || $0.hasPrefix("    ") }, "\(lines)")
    let full = TextWriter.render(m, options: ReportOptions(top: 20))
    #expect(!full.split(separator: "\n").contains { $0.hasSuffix(" ") })
  }
}

