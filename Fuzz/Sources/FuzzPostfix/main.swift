import FuzzSupport

/// Postfix lines: each input line scanned as is and behind a Postfix syslog header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostfix(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  scanLines(UnsafeRawBufferPointer(start: start, count: count), prefix: header)
  return 0
}

let header = Array("Nov 22 06:25:01 mx1 postfix/smtp[3103]: ".utf8)
