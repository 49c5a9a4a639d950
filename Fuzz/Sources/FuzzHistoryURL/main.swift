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
  let secret = url.password ?? ""
  if secret.utf8.count >= 3 {
    for shown in [PostgresURL.redact(location), url.redacted, PostgresURL.redact("x \(location) y", location: location)]
    where shown.contains(secret) {
      fatalError("password shown: \(shown)")
    }
  }
  _ = redacted
  return 0
}
