import Testing

@testable import LogstatHistory

/// The one parser of history URLs and the one redaction: any byte in the password, any case
/// in the scheme, percent-encoding; the password never shows.
@Suite struct HistoryURLTests {
  /// Every ASCII punctuation character.
  static let punctuation = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

  @Test(arguments: punctuation)
  func passwordWithPunctuationParsesAndNeverShows(_ c: Character) throws {
    let password = "pa\(c)s s/w?rd\(c)9"
    for scheme in ["postgres", "POSTGRES", "PostgreSQL"] {
      let text = "\(scheme)://lsuser:\(password)@db.example:6543/hist?sslmode=require"
      #expect(PostgresURL.isPostgres(text))
      // `%` not followed by two hex digits is itself.
      let url = try PostgresURL(text)
      #expect(url.password == password, "\(text)")
      #expect(url.user == "lsuser" && url.host == "db.example" && url.port == 6543)
      #expect(url.database == "hist" && url.sslMode == "require")
      #expect(url.redacted == "postgres://lsuser@db.example:6543/hist?sslmode=require")
      for shown in [
        PostgresURL.redact(text), HistoryStores.shown(text),
        PostgresURL.redact("history \(text): cannot connect; retry \(text)"),
      ] {
        #expect(!shown.contains("s s/w?rd"), "\(shown)")
        #expect(shown.contains("***"))
      }
    }
  }

  @Test(arguments: punctuation)
  func percentEncodedPasswordDecodes(_ c: Character) throws {
    let encoded = String(c).utf8.map { "%" + String($0, radix: 16, uppercase: true) }.joined()
    let text = "postgresql://u:a\(encoded)b@[::1]/h"
    let url = try PostgresURL(text)
    #expect(url.password == "a\(c)b")
    #expect(url.host == "::1" && url.port == 5432)
    let shown = PostgresURL.redact("x \(text) y a\(c)b", location: text)
    #expect(!shown.contains("a\(encoded)b") && !shown.contains("a\(c)b"), "\(shown)")
  }

  @Test func otherURLsAreRefusedNotTakenForFiles() {
    #expect(throws: HistoryError.self) { try HistoryStores.open("mysql://u:s3cret@h/db") }
    do {
      _ = try HistoryStores.open("mysql://u:s3cret@h/db")
    } catch {
      #expect(!error.description.contains("s3cret"))
    }
  }

  @Test func malformedURLMessagesHideThePassword() {
    for text in ["POSTGRES://u:top secret@host", "postgres://u:top/secret?@host:99999/db"] {
      do {
        _ = try PostgresURL(text)
        Issue.record("\(text) parsed")
      } catch {
        #expect(!error.description.contains("secret"), "\(error.description)")
      }
    }
  }

  /// Found by FuzzHistoryURL (Fuzz/FailCases/FuzzHistoryURL/crash-51d4d3c5…, crash-66cdcff8…):
  /// a password holding `://` ended the redaction early, and one starting with a combining
  /// mark hid the `:` before it from a search by `Character`; both were shown.
  @Test(arguments: ["postgres://uwe=requiri", "a://b@c", "x://y:z@", "://@://", "\u{07EC}", "\u{0301}x@"])
  func passwordHoldingASchemeIsHidden(_ password: String) throws {
    let location = "postgres://u:\(password)@db.example:5432/hist"
    let url = try PostgresURL(location)
    #expect(url.password == password)
    for shown in [
      PostgresURL.redact(location), url.redacted,
      PostgresURL.redact("x \(location) y postgres://v:other@h/d", location: location),
    ] {
      #expect(!shown.contains(password), "\(shown)")
    }
    #expect(PostgresURL.redact("a postgres://u:\(password)@h:1/d and postgres://v:other@h/d?x")
      == "a postgres://u:***@h:1/d and postgres://v:***@h/d?x")
    #expect(PostgresURL.redact("a postgres://u:secret@h:1/d and postgres://v:other@h/d?x")
      == "a postgres://u:***@h:1/d and postgres://v:***@h/d?x")
  }
}
