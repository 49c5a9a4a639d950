import FuzzSupport

/// Exim lines: each input line scanned as is and behind an Exim mainlog stamp.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExim(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  scanLines(UnsafeRawBufferPointer(start: start, count: count), prefix: stamp)
  return 0
}

let stamp = Array("2026-11-22 06:25:01 ".utf8)
