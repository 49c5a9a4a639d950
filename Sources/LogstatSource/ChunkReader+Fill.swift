import CZlib

/// Getting new bytes into the line buffer: plain reads (whole input or a byte
/// range) and gzip inflation, member after member.
extension ChunkReader {
  /// Writes up to `count` new bytes at `destination` and returns how many; 0 means
  /// no more bytes: the end of the input, or an error now kept in `pendingError`.
  func fill(into destination: UnsafeMutableRawPointer, count: Int) -> Int {
    guard pendingError == nil else { return 0 }
    do {
      if let inflater {
        return try inflateSome(inflater, into: destination, count: count)
      }
      return try readPlain(into: destination, count: count)
    } catch {
      pendingError = error
      return 0
    }
  }

  /// One read(2) of plain bytes, or one pread(2) inside the byte range.
  private func readPlain(into destination: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
    guard let rangeEnd else {
      let want = boundedBySizeAtOpen(count)
      guard want > 0 else { return 0 }
      let got = try file.read(into: destination, count: want, offset: compressedBytesRead)
      compressedBytesRead += Int64(got)
      return got
    }
    let left = rangeEnd - position
    guard left > 0 else { return 0 }
    let got = try file.read(into: destination, count: Int(min(Int64(count), left)), at: position)
    position += Int64(got)
    compressedBytesRead += Int64(got)
    return got
  }

  /// `count`, or fewer so that a regular file is not read past its size when opened.
  private func boundedBySizeAtOpen(_ count: Int) -> Int {
    guard let sizeAtOpen else { return count }
    return Int(max(0, min(Int64(count), sizeAtOpen - compressedBytesRead)))
  }

  /// Offset in the file of the first compressed byte zlib has not consumed.
  private var consumedOffset: Int64 {
    compressedBytesRead - Int64(inflater?.availableInput ?? 0)
  }

  /// Refills the inflater's input with one large read, or notes the end of file.
  private func readCompressed(_ inflater: GzipInflater) throws(InputError) {
    let want = boundedBySizeAtOpen(inflater.inputCapacity)
    let got = want > 0 ? try file.read(into: inflater.input, count: want, offset: compressedBytesRead) : 0
    if got == 0 {
      compressedAtEOF = true
    } else {
      compressedBytesRead += Int64(got)
      inflater.refill(count: got)
    }
  }

  /// Inflates up to `count` bytes into `destination`; 0 at the clean end of the
  /// last member. Maps every zlib status code to a result or an `InputError`.
  ///
  /// After a member ends (`Z_STREAM_END`): more bytes starting with `1f` begin a
  /// new member (inflateReset, same stream); zero bytes are padding and are
  /// skipped; anything else is trailing garbage, reported with its offset.
  private func inflateSome(
    _ inflater: GzipInflater, into destination: UnsafeMutableRawPointer, count: Int
  ) throws(InputError) -> Int {
    let room = min(count, Int(UInt32.max))
    while true {
      if inflater.availableInput == 0 && !compressedAtEOF {
        try readCompressed(inflater)
        continue
      }
      if betweenMembers {
        guard inflater.availableInput > 0 else { return 0 }  // clean end: compressedAtEOF
        let first = inflater.nextInputByte
        if first == 0 {
          skipZeroPadding(inflater)
          continue
        }
        guard first == 0x1f else { throw InputError.trailingGarbage(input.path, at: consumedOffset) }
        inflater.reset()
        betweenMembers = false
      }
      let (produced, status) = inflater.inflate(into: destination, count: room)
      switch status {
      case Z_OK:
        if produced > 0 { return produced }
        if inflater.availableInput == 0 && compressedAtEOF {
          throw InputError.truncatedGzip(input.path, at: consumedOffset)
        }
      case Z_STREAM_END:
        betweenMembers = true
        if produced > 0 { return produced }
      case Z_BUF_ERROR:
        // No progress was possible: zlib needs input we do not have.
        guard inflater.availableInput == 0 else {
          throw InputError.corruptGzip(input.path, at: consumedOffset, reason: "inflate made no progress")
        }
        if compressedAtEOF { throw InputError.truncatedGzip(input.path, at: consumedOffset) }
      default:
        // zlib may write output in the same call that finds the damage (a bad
        // CRC is only seen after the member's last byte): keep those bytes.
        let error = failure(status, inflater)
        guard produced > 0 else { throw error }
        pendingError = error
        return produced
      }
    }
  }

  /// The error for a zlib failure status.
  private func failure(_ status: Int32, _ inflater: GzipInflater) -> InputError {
    switch status {
    case Z_DATA_ERROR:
      return InputError.corruptGzip(input.path, at: consumedOffset, reason: inflater.reason)
    case Z_NEED_DICT:
      return InputError.corruptGzip(input.path, at: consumedOffset, reason: "asks for a preset dictionary")
    case Z_MEM_ERROR:
      return InputError.outOfMemory(input.path, at: consumedOffset)
    default:
      return InputError.corruptGzip(input.path, at: consumedOffset, reason: "zlib status \(status)")
    }
  }

  /// Skips the run of zero bytes at the front of the unconsumed input.
  private func skipZeroPadding(_ inflater: GzipInflater) {
    var zeros = 0
    let available = inflater.availableInput
    while zeros < available && inflater.nextInputByte == 0 {
      inflater.skipInput(1)
      zeros += 1
    }
  }
}
