import CZlib
import Glibc

/// Finding line ends in newly read bytes, and cutting lines longer than `maxLineLength`.
extension ChunkReader {
  /// Takes `count` new bytes just written at `buffer + end`: drops the rest of a
  /// cut line if one is being skipped, then searches the new bytes for newlines.
  func acceptNewBytes(_ count: Int) {
    var count = count
    if skippingOverlongLine {
      let fresh = buffer + end
      // Safe because: the `count` new bytes at `fresh` were just written inside the buffer, and
      // both the search and the move stay inside them.
      guard let newline = memchr(fresh, 0x0A, count) else { return }  // all still part of the cut line
      let kept = count - (newline - fresh) - 1
      if kept > 0 { memmove(fresh, newline + 1, kept) }
      skippingOverlongLine = false
      count = kept
    }
    end += count
    scanNewBytes()
  }

  /// Advances `lineStart` past the last newline in `[searched, end)`, cutting
  /// any line that grows past `maxLineLength`.
  ///
  /// Looks backwards (memrchr) in windows no longer than `maxLineLength + 1`
  /// bytes from the current line start: a newline found in such a window proves
  /// every line before it is short enough, so one call covers about
  /// `maxLineLength` bytes and touches only the bytes after the last newline.
  /// - Complexity: O(bytes after the last newline) per window, plus O(1) calls per `maxLineLength` bytes.
  func scanNewBytes() {
    while searched < end {
      // A newline before `limit` ends a line of at most maxLineLength bytes.
      let limit = lineStart + maxLineLength + 1
      let windowEnd = min(end, limit)
      if searched < windowEnd,
        let newline = czlib_memrchr(buffer + searched, 0x0A, windowEnd - searched)
      {
        lineStart = buffer.distance(to: newline) + 1
        searched = windowEnd
        continue
      }
      searched = windowEnd
      if windowEnd == limit {
        cutOverlongLine()
      }
    }
  }

  /// Ends the line at `lineStart` after `maxLineLength` bytes with an inserted
  /// newline and drops the rest of it (here and, if needed, in later reads).
  private func cutOverlongLine() {
    let cut = lineStart + maxLineLength
    // Safe because: called only when end >= lineStart + maxLineLength + 1, so cut < end <= capacity.
    buffer.storeBytes(of: 0x0A, toByteOffset: cut, as: UInt8.self)
    truncatedLines += 1
    let after = cut + 1
    if after < end, let newline = memchr(buffer + after, 0x0A, end - after) {
      // Safe because: after < resume <= end, so both ranges of the move lie inside `[0, end)`.
      let resume = buffer.distance(to: newline) + 1
      let kept = end - resume
      if kept > 0 { memmove(buffer + after, buffer + resume, kept) }
      end = after + kept
    } else {
      end = after
      skippingOverlongLine = true
    }
    lineStart = after
    searched = after
  }
}
