import Testing

@testable import LogstatReport

/// Checks that `html` nests its tags properly: every opened element is closed in order (void
/// elements and `/>` excepted), no raw `<` stands in text, and attribute quotes are balanced.
/// Returns the problems found.
func tagProblems(_ html: String) -> [String] {
  let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"]
  var stack: [String] = []
  var problems: [String] = []
  let s = Array(html.unicodeScalars)
  var i = 0
  while i < s.count {
    guard s[i] == "<" else {
      i += 1
      continue
    }
    guard let close = s[i...].firstIndex(of: ">") else {
      problems.append("unclosed tag at \(i)")
      break
    }
    let tag = String(String.UnicodeScalarView(s[(i + 1)..<close]))
    i = close + 1
    if tag.hasPrefix("!") { continue }
    if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("odd quotes in <\(tag)>") }
    if tag.contains("<") { problems.append("'<' inside <\(tag)>") }
    let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
    guard !name.isEmpty else {
      problems.append("raw '<' in text: <\(tag.prefix(20))")
      continue
    }
    if tag.hasPrefix("/") {
      if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
    } else if !tag.hasSuffix("/") && !void.contains(name) {
      stack.append(name)
    }
  }
  if !stack.isEmpty { problems.append("left open: \(stack)") }
  return problems
}

@Suite("HTML report")
struct HTMLWriterTests {
  let html = HTMLWriter.render(Fixture.model, options: ReportOptions(top: 20))

  @Test func wellFormed() {
    #expect(tagProblems(html) == [])
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
  }

  @Test func logTextIsEscaped() {
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.example"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;quoted&#39; &amp; =cmd"))
    #expect(!html.contains("\u{1B}"))
    #expect(html.contains("-2+3&quot;&lt;b&gt;"))
  }

  @Test func selfContained() {
    let lower = html.lowercased()
    for outside in ["src=", "<link", "@import", "url(", "<script", "<iframe", "<object"] {
      #expect(!lower.contains(outside), "found \(outside)")
    }
    // Links only jump within the page; the SVG namespace is a name, not something fetched.
    #expect(lower.ranges(of: "href=\"").count == lower.ranges(of: "href=\"#").count)
    #expect(lower.ranges(of: "=\"http").count == lower.ranges(of: "xmlns=\"http://www.w3.org/2000/svg\"").count)
    #expect(lower.ranges(of: "<svg").count == 3)
  }

  @Test func tablesReadWithoutCSS() {
    #expect(html.ranges(of: "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">").count > 10)
  }

  @Test func tagCheckerCatchesMistakes() {
    #expect(tagProblems("<p><b>x</p></b>") != [])
    #expect(tagProblems("<p>a < b</p>") != [])
    #expect(tagProblems("<p title=\"x>y</p>") != [])
    #expect(tagProblems("<p>ok<br><svg><rect/></svg></p>") == [])
  }

  /// Recipients (final outcomes) and attempts (lines) are never stacked in one bar: every bar
  /// group of the domain and reason charts holds one unit, and the timeline stacks only
  /// recipient outcomes (deferred attempts and rejects are lines of their own).
  @Test func chartsNeverStackRecipientsOnAttempts() {
    let html = HTMLWriter.render(Fixture.model, options: ReportOptions(top: 20))
    let groups = html.components(separatedBy: "<g>").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
    #expect(groups.count > 10)
    for g in groups {
      let attempts = g.contains(HTMLChart.deferred.color)
      let recipients = [HTMLChart.bounced.color, HTMLChart.expired.color, HTMLChart.stillDeferred.color, HTMLChart.delivered.color]
        .contains { g.contains($0) }
      #expect(!(attempts && recipients), "\(g.prefix(200))")
      #expect(!(g.contains(HTMLChart.rejected.color) && (attempts || recipients)), "\(g.prefix(200))")
    }
    // Still-deferred recipients and deferred attempts have colours far apart.
    #expect(HTMLChart.deferred.color != HTMLChart.stillDeferred.color)
    #expect(html.contains("<polyline"), "deferred attempts drawn as a line in the timeline")
  }
}

