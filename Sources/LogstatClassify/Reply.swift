/// The codes found in one reply text, and its normalised form for matching.
///
/// Normalisation joins multi-line replies (`550-5.7.1 a 550-5.7.1 b 550 5.7.1 c` becomes
/// ` a b c `), drops reply-code prefixes, turns Exim's escaped `\n` and all control bytes into
/// spaces, collapses whitespace and lower-cases ASCII. The result always starts and ends
/// with one space, so a rule can ask for a word start with a leading space.
public struct Reply: Sendable, Equatable {
  /// The basic SMTP reply code (e.g. 550), if the text carries one.
  public var basicCode: UInt16?
  /// The first enhanced status code in the text (`5.1.1`, also `#5.1.1` or `550-5.1.1`).
  public var enhancedCode: EnhancedCode?
  /// The SMTP step the reply answered, from the wrapper around it.
  public var step: SMTPStep = .unknown
  /// Who gave the reply: a remote server unless the wrapper says our own machine.
  public var origin: ReplyOrigin = .remote

  /// Makes a reply from already known codes.
  public init(basicCode: UInt16? = nil, enhancedCode: EnhancedCode? = nil, step: SMTPStep = .unknown) {
    self.basicCode = basicCode
    self.enhancedCode = enhancedCode
    self.step = step
  }

  /// Finds the codes in `text` and writes its normalised form into `buffer`.
  ///
  /// - Complexity: O(n); allocates only when `buffer` must grow past its largest text so far.
  public static func parse(_ text: UnsafeRawBufferPointer, into buffer: ReplyBuffer) -> Reply {
    var scanner = ReplyScanner(automaton: Rules.automaton, buffer: buffer)
    return scanner.run(text).reply
  }

  /// Convenience for tests and the command line: the codes and the normalised text.
  public static func parse(_ text: String) -> (reply: Reply, normalized: String) {
    let buffer = ReplyBuffer()
    var text = text
    // Safe because: the scanner reads the string's bytes only inside the closure (the
    // normalised copy goes into `buffer`).
    let reply = text.withUTF8 { parse(UnsafeRawBufferPointer($0), into: buffer) }
    return (reply, buffer.string)
  }
}

/// A reusable byte buffer that holds one normalised reply; owned by one worker.
public final class ReplyBuffer {
  /// `capacity` bytes owned by this buffer alone: allocated in `init` and `reserve`, freed in
  /// `reserve` and `deinit`.
  var storage: UnsafeMutablePointer<UInt8>
  var capacity: Int
  /// Number of valid bytes in the buffer.
  public internal(set) var count: Int = 0

  /// Makes an empty buffer with room for typical replies.
  public init(capacity: Int = 1024) {
    self.capacity = max(capacity, 16)
    // Safe because: freed in `reserve` (when replaced) or `deinit`, never shared.
    self.storage = .allocate(capacity: self.capacity)
  }

  // Safe because: `bytes` views are valid only until the next parse, and none can follow.
  deinit { storage.deallocate() }

  /// The normalised bytes; valid until the next `Reply.parse` into this buffer.
  public var bytes: UnsafeRawBufferPointer {
    // Safe because: the scanner wrote `count` <= capacity bytes, which stay until the next
    // parse reuses (or `reserve` replaces) the storage, the lifetime documented above.
    UnsafeRawBufferPointer(start: storage, count: count)
  }

  /// The normalised text as a String (for tests and explanations only).
  public var string: String {
    // Safe because: `count` <= capacity bytes were written; they are copied into the String.
    String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
  }

  /// Makes room for `needed` bytes. The old bytes are dropped, not copied: it is called only at
  /// the start of a parse, before anything is written.
  func reserve(_ needed: Int) {
    guard needed > capacity else { return }
    // Safe because: called only before a parse writes (ReplyScanner.run reloads `out` right
    // after), and a `bytes` view from the last parse is documented as invalid by now.
    storage.deallocate()
    capacity = max(needed, capacity * 2)
    storage = .allocate(capacity: capacity)
  }
}

@available(*, unavailable)
extension ReplyBuffer: Sendable {}
