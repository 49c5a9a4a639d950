import Testing

@testable import LogstatReport

/// A small RFC 4180 parser: records end with CRLF (or LF), fields may be quoted, `""` is a
/// quote inside a quoted field.
func parseCSV(_ text: String) -> [[String]] {
  var records: [[String]] = []
  var record: [String] = []
  var field = ""
  var quoted = false
  var scalars = Array(text.unicodeScalars)[...]
  while let c = scalars.first {
    scalars = scalars.dropFirst()
    if quoted {
      if c == "\"" {
        if scalars.first == "\"" {
          field.unicodeScalars.append("\"")
          scalars = scalars.dropFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(c)
      }
    } else if c == "\"" && field.isEmpty {
      quoted = true
    } else if c == "," {
      record.append(field)
      field = ""
    } else if c == "\r" && scalars.first == "\n" {
      continue
    } else if c == "\n" {
      record.append(field)
      records.append(record)
      record = []
      field = ""
    } else {
      field.unicodeScalars.append(c)
    }
  }
  if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
  return records
}

@Suite("CSV report")
struct CSVWriterTests {
  /// Tables by section name, from the `# section` lines.
  func tables(_ text: String) -> [String: [[String]]] {
    var out: [String: [[String]]] = [:]
    var name = ""
    for record in parseCSV(text) {
      if record.count == 1, record[0].hasPrefix("# ") {
        name = String(record[0].dropFirst(2))
      } else if record != [""] {
        out[name, default: []].append(record)
      }
    }
    return out
  }

  @Test func everySectionIsOneRectangularTable() {
    let text = CSVWriter.render(Fixture.model)
    #expect(text.hasSuffix("\r\n"))
    #expect(!text.replacing("\r\n", with: "").contains("\n"))
    let t = tables(text)
    #expect(Set(t.keys) == Set(ReportSection.allCases.map(\.rawValue)))
    for (name, rows) in t {
      #expect(rows.allSatisfy { $0.count == rows[0].count }, "table \(name) is ragged")
    }
    #expect(t["domains"]?.count == 6)
    #expect(t["domains"]?[2][0] == Fixture.scriptDomain)
  }

  @Test func formulasAreNeutralisedAndTextSurvives() {
    let t = tables(CSVWriter.render(Fixture.model))
    #expect(t["senders"]?[2][0] == "'" + Fixture.formulaSender)
    let clients = t["inbound"]?.filter { $0[0] == "client" }.map { $0[1] }
    #expect(clients == ["198.51.100.23", "'-2+3\"<b>", "'@SUM(A1)"])
    let example = t["reasons"]?[1][9]
    #expect(example == TerminalText.safe(Fixture.hostileReply))
    #expect(example?.contains("\\x1B[31m") == true)
    #expect(!CSVWriter.render(Fixture.model).contains("\u{1B}"))
  }

  @Test func oneSectionIsAPlainTable() {
    let text = CSVWriter.render(Fixture.model, options: ReportOptions(sections: [.timeline], top: nil))
    let rows = parseCSV(text)
    #expect(rows[0] == ["hour", "delivered", "deferred", "bounced", "expired", "rejected"])
    #expect(rows[1] == ["2026-11-22 00:00", "10", "2", "1", "0", "0"])
    #expect(rows.count == 9)
    #expect(!text.contains("#"))
  }

  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("=a,b", "\"'=a,b\""),
    ("\tx", "'\\x09x"), (" padded ", "\" padded \""), ("", ""),
  ])
  func fieldQuoting(_ input: String, _ expected: String) {
    #expect(CSVText.field(input) == expected)
  }
}
