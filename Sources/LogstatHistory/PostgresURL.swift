/// A `postgres://user:password@host:port/database?sslmode=require` history location, and the
/// same text with the password hidden for every message, report and log line.
public struct PostgresURL: Sendable, Equatable {
  public var user: String
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String
  /// `disable` (the default), `prefer`, `require` (encrypted, certificate not checked), or
  /// `verify-ca` / `verify-full` (encrypted, certificate checked against the system's CAs).
  public var sslMode: String

  /// The URL schemes of a PostgreSQL history, compared without regard to case.
  static let schemes = ["postgres://", "postgresql://"]

  /// Whether `location` names a PostgreSQL database rather than a SQLite file: a
  /// `postgres://` or `postgresql://` URL, in any case (`POSTGRES://` too).
  public static func isPostgres(_ location: String) -> Bool {
    schemeEnd(Array(location.utf8)) != nil
  }

  /// The offset after `postgres://` / `postgresql://` (any case) at the start of `bytes`.
  static func schemeEnd(_ bytes: [UInt8]) -> Int? {
    for scheme in schemes where bytes.count >= scheme.utf8.count {
      let lower = bytes.prefix(scheme.utf8.count).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
      if lower.elementsEqual(scheme.utf8) { return scheme.utf8.count }
    }
    return nil
  }

  /// Parses `location`; throws a message (without the password) saying what is wrong.
  ///
  /// The one parser of history URLs. The password may hold any character, also unencoded
  /// `/`, `?`, `@`, `:`, `#` and spaces: the credentials run to the *last* `@` of the URL
  /// (host, database and `sslmode` never hold one); user and password are percent-decoded.
  /// Works on UTF-8 bytes: a combining mark after `:` or `@` must not hide the delimiter (as
  /// it does for `Character`s; found by FuzzHistoryURL).
  public init(_ location: String) throws(HistoryError) {
    let shown = PostgresURL.redact(location)
    func bad(_ what: String) -> HistoryError {
      HistoryError(
        .cannotOpen, location: shown,
        message: "\(what). Write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require].")
    }
    let bytes = Array(location.utf8)
    guard let afterScheme = PostgresURL.schemeEnd(bytes) else { throw bad("not a postgres:// URL") }
    var rest = bytes[afterScheme...]
    user = "logstat"
    password = nil
    if let at = rest.lastIndex(of: Self.at) {
      let credentials = rest[..<at]
      rest = rest[(at + 1)...]
      if let colon = credentials.firstIndex(of: Self.colon) {
        user = PostgresURL.decoded(credentials[..<colon])
        password = PostgresURL.decoded(credentials[(colon + 1)...])
      } else {
        user = PostgresURL.decoded(credentials)
      }
    }
    var query = ""
    if let q = rest.firstIndex(of: UInt8(ascii: "?")) {
      query = String(decoding: rest[(q + 1)...], as: UTF8.self)
      rest = rest[..<q]
    }
    guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { throw bad("no database name") }
    database = PostgresURL.decoded(rest[(slash + 1)...])
    var authority = rest[..<slash]
    port = 5432
    if let colon = authority.lastIndex(of: Self.colon), authority.last != UInt8(ascii: "]") {
      guard let p = Int(String(decoding: authority[(colon + 1)...], as: UTF8.self)), (1...65535).contains(p) else {
        throw bad("the port is not a number from 1 to 65535")
      }
      port = p
      authority = authority[..<colon]
    }
    if authority.first == UInt8(ascii: "["), authority.last == UInt8(ascii: "]"), authority.count >= 2 {
      authority = authority.dropFirst().dropLast()
    }
    host = String(decoding: authority, as: UTF8.self)
    guard !host.isEmpty, !database.isEmpty, !user.isEmpty else { throw bad("no host, user or database") }
    sslMode = "disable"
    for pair in query.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1)
      guard kv.count == 2 else { continue }
      if kv[0] == "sslmode" {
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(kv[1]) else {
          throw bad("sslmode must be disable, prefer, require, verify-ca or verify-full")
        }
        sslMode = String(kv[1])
      }
    }
  }

  static let at = UInt8(ascii: "@")
  static let colon = UInt8(ascii: ":")

  /// `text` with the password of every `scheme://user:password@` in it replaced by `***`:
  /// the one redaction every message, report, alert and `logstat history` goes through.
  ///
  /// As the password may hold any character (spaces, `/`, `?`, `@`, `://`), a text that is a
  /// location on its own is cut as the parser does (credentials to its *last* `@`); in other
  /// text a URL's credentials run to the last `@` before the next URL that stands after
  /// whitespace, which errs on the side of hiding too much. With `location`, its password is
  /// also hidden wherever it appears (as written and percent-decoded), e.g. in a driver's
  /// error message. Works on UTF-8 bytes, like the parser.
  public static func redact(_ text: String, location: String? = nil) -> String {
    var bytes = Array(text.utf8)
    if let location, let secret = (try? PostgresURL(location))?.password, !secret.isEmpty {
      bytes = replacingAll(bytes, Array(secret.utf8))
      if let raw = rawPassword(location), !raw.isEmpty { bytes = replacingAll(bytes, raw) }
    }
    return String(decoding: redactBytes(bytes[...]), as: UTF8.self)
  }

  /// The URL separator `://`.
  static let separator = Array("://".utf8)

  static func redactBytes(_ text: ArraySlice<UInt8>) -> [UInt8] {
    guard let scheme = find(separator, in: text) else { return Array(text) }
    let afterScheme = scheme + separator.count
    let name = text[text.startIndex..<scheme]
    // A location on its own (what messages name): the parser's rule, the last `@` of all.
    if !name.isEmpty, name.allSatisfy({ isSchemeByte($0) }) {
      return Array(text[..<afterScheme]) + hidingCredentials(text[afterScheme...])
    }
    // In other text: up to the next URL standing after whitespace, once past the first `@`.
    let rest = text[afterScheme...]
    guard let firstAt = rest.firstIndex(of: at) else { return Array(text) }
    var next = rest.endIndex
    var k = firstAt
    while let found = find(separator, in: rest[k...]) {
      var start = found
      while start > rest.startIndex, !isSpace(rest[start - 1]) { start -= 1 }
      if start > firstAt, start > rest.startIndex, isSpace(rest[start - 1]),
        !rest[start..<found].contains(at)
      {
        next = start
        break
      }
      k = found + separator.count
    }
    return Array(text[..<afterScheme]) + hidingCredentials(rest[..<next]) + redactBytes(rest[next...])
  }

  /// `rest` (what follows `scheme://`) with the password, after the first `:` and up to the
  /// last `@`, replaced by `***`; as it is when it holds no `user:password@`.
  static func hidingCredentials(_ rest: ArraySlice<UInt8>) -> [UInt8] {
    guard let at = rest.lastIndex(of: at), let colon = rest[..<at].firstIndex(of: colon) else {
      return Array(rest)
    }
    return Array(rest[...colon]) + Array("***".utf8) + Array(rest[at...])
  }

  static func isSchemeByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2B || b == 0x2D || b == 0x2E
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

  /// The first offset of `needle` in `hay`, or nil.
  static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
    guard !needle.isEmpty, hay.count >= needle.count else { return nil }
    var i = hay.startIndex
    while i + needle.count <= hay.endIndex {
      if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// Every occurrence of `secret` in `bytes` replaced by `***`.
  static func replacingAll(_ bytes: [UInt8], _ secret: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if i + secret.count <= bytes.count, bytes[i..<(i + secret.count)].elementsEqual(secret) {
        out += Array("***".utf8)
        i += secret.count
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return out
  }

  /// The password of `location` as written in it (before percent-decoding), if any.
  static func rawPassword(_ location: String) -> [UInt8]? {
    let bytes = Array(location.utf8)
    guard let afterScheme = schemeEnd(bytes) else { return nil }
    let rest = bytes[afterScheme...]
    guard let at = rest.lastIndex(of: at), let colon = rest[..<at].firstIndex(of: colon) else { return nil }
    return Array(rest[(colon + 1)..<at])
  }

  /// This location without its password (what messages and reports show).
  public var redacted: String {
    "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
      + (sslMode == "disable" ? "" : "?sslmode=\(sslMode)")
  }

  /// Percent-decoding of URL parts (`%40` for `@` in passwords).
  static func decoded(_ s: ArraySlice<UInt8>) -> String {
    var bytes: [UInt8] = []
    var u = s
    while let b = u.first {
      u = u.dropFirst()
      if b == UInt8(ascii: "%"), u.count >= 2,
        let v = UInt8(String(decoding: u.prefix(2), as: UTF8.self), radix: 16)
      {
        bytes.append(v)
        u = u.dropFirst(2)
      } else {
        bytes.append(b)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
