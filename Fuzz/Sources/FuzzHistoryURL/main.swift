import LogstatHistory

/// The history URL parser and the redaction on arbitrary text: never a crash, and a password
/// that was parsed never shows in the redacted URL, in `redacted`, or in a message naming it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHistoryURL(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let text = String(decoding: bytes, as: UTF8.self)
  let redacted = PostgresURL.redact(text)
  _ = HistoryStores.shown(text)
  // As the password of a URL with a user, host and database around it.
  let location = "postgres://u:" + text.replacingOccurrences(of: "%", with: "%25") + "@db.example:5432/hist"
  guard let url = try? PostgresURL(location) else { return 0 }
  // A location on its own is redacted exactly; `redacted` never holds a password.
  let exact = "postgres://u:***@db.example:5432/hist"
  if PostgresURL.redact(location) != exact { fatalError("redact(\(location)) != \(exact)") }
  if url.redacted != "postgres://u@db.example:5432/hist" { fatalError("redacted: \(url.redacted)") }
  // In a message naming it, the password must not show (unless the text around it holds it
  // anyway, as `pos` is in `postgres`).
  let secret = url.password ?? ""
  let shown = PostgresURL.redact("x \(location) y", location: location)
  if !secret.isEmpty, shown.contains(secret), !"x \(exact) y".contains(secret) {
    fatalError("password shown: \(shown)")
  }
  _ = redacted
  return 0
}
