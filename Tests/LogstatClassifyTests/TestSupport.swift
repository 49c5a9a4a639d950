#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole text file with the C library (the test target avoids Foundation).
struct ReadError: Error, CustomStringConvertible {
  let path: String
  var description: String { "cannot read \(path): check that the corpus file exists" }
}

func readFile(_ path: String) throws -> String {
  guard let file = fopen(path, "rb") else { throw ReadError(path: path) }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = fread(&chunk, 1, chunk.count, file)
    if n <= 0 { break }
    bytes.append(contentsOf: chunk[0..<n])
  }
  return String(decoding: bytes, as: UTF8.self)
}
