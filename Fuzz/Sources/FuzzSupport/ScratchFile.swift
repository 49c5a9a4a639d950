#if canImport(Glibc)
  import Glibc
#endif
import LogstatSource

/// A file per fuzzing process, rewritten for each input (in /dev/shm when there is one).
public enum ScratchFile {
  public static let path: String = {
    let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    return "\(dir)/logstat-fuzz-\(getpid()).bin"
  }()

  /// Writes `bytes` to the scratch file and returns it as an input.
  public static func write(_ bytes: UnsafeRawBufferPointer) -> InputFile {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot write \(path)")
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      precondition(n > 0, "short write to \(path)")
      offset += n
    }
    close(fd)
    return InputFile(path: path)
  }

  /// Reads `input` whole through a ChunkReader; the bytes handed out and the error, if any.
  public static func readAll(_ input: InputFile, chunkSize: Int, maxLineLength: Int) -> (bytes: [UInt8], chunks: Int, error: InputError?, reader: ChunkReader?) {
    var out: [UInt8] = []
    var chunks = 0
    let reader: ChunkReader
    do {
      reader = try ChunkReader(input, chunkSize: chunkSize, maxLineLength: maxLineLength)
    } catch {
      return (out, 0, error, nil)
    }
    do {
      while let chunk = try reader.next() {
        precondition(!chunk.isEmpty, "empty chunk")
        if chunks > 0 { precondition(out.last == 0x0A, "chunk did not end at a newline") }
        out += chunk
        chunks += 1
      }
      let after = try reader.next()
      precondition(after == nil, "data after the end")
      return (out, chunks, nil, reader)
    } catch {
      return (out, chunks, error, reader)
    }
  }
}
