import FuzzSupport

/// ChunkReader on the input as a gzip file (the magic bytes are put in front when the
/// input lacks them): it must hand out line-aligned chunks and then end or throw, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = UnsafeRawBufferPointer(start: start, count: count)
  var bytes: [UInt8] = []
  if count < 2 || data[0] != 0x1f || data[1] != 0x8b { bytes = [0x1f, 0x8b, 0x08] }
  bytes += data
  let input = bytes.withUnsafeBytes { ScratchFile.write($0) }
  let chunkSize = count > 2 ? 1 + Int(data[count - 1]) % 4096 : 4096
  let result = ScratchFile.readAll(input, chunkSize: chunkSize, maxLineLength: 512)
  if let error = result.error {
    precondition(error.path == input.path, "error names another file")
    precondition(!error.message.isEmpty, "error without a message")
  } else {
    precondition(result.reader?.isGzip == true, "not read as gzip")
  }
  return 0
}
