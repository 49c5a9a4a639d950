import Glibc

/// An open file descriptor for one input, with reads that retry on EINTR and
/// throw `InputError`s naming the path; closed in deinit (standard input is left open).
final class RawFile {
  /// The descriptor; valid for the object's lifetime.
  let descriptor: Int32
  /// The input's path, for error messages.
  let path: String
  private let ownsDescriptor: Bool

  /// Opens `input` read-only; standard input uses descriptor 0.
  init(_ input: InputFile) throws(InputError) {
    path = input.path
    if input.isStandardInput {
      descriptor = STDIN_FILENO
      ownsDescriptor = false
      return
    }
    var fd: Int32
    repeat {
      fd = open(input.path, O_RDONLY | O_CLOEXEC)
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw InputError.opening(input.path, errno: errno) }
    descriptor = fd
    ownsDescriptor = true
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// The file's status (type, size, modification time).
  func status() throws(InputError) -> stat {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputError.opening(path, errno: errno) }
    return info
  }

  /// Reads up to `count` bytes at the current position; 0 means end of file.
  /// `offset` is only used to name the place of an error.
  func read(into buffer: UnsafeMutableRawPointer, count: Int, offset: Int64) throws(InputError) -> Int {
    while true {
      let got = Glibc.read(descriptor, buffer, count)
      if got >= 0 { return got }
      let code = errno
      if code != EINTR { throw InputError.reading(path, errno: code, at: offset) }
    }
  }

  /// Reads up to `count` bytes at `offset` without moving the file position; 0 means end of file.
  func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(InputError) -> Int {
    while true {
      let got = pread(descriptor, buffer, count, off_t(offset))
      if got >= 0 { return got }
      let code = errno
      if code != EINTR { throw InputError.reading(path, errno: code, at: offset) }
    }
  }
}

extension stat {
  /// True for a directory.
  var isDirectory: Bool { (st_mode & S_IFMT) == S_IFDIR }
  /// True for a regular file.
  var isRegularFile: Bool { (st_mode & S_IFMT) == S_IFREG }
}
