import LogstatClassify

/// The reply classifier on arbitrary text, with the input's halves also as relay host and
/// recipient domain: it must classify anything without crashing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClassify(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = UnsafeRawBufferPointer(start: start, count: count)
  let half = count / 2
  let first = UnsafeRawBufferPointer(rebasing: data[..<half])
  let second = UnsafeRawBufferPointer(rebasing: data[half...])
  _ = classifier.classify(text: data, dsn: nil, relayHost: first, recipientDomain: second)
  _ = classifier.classify(text: second, dsn: nil, relayHost: nil, recipientDomain: nil)
  _ = Reply.parse(data, into: buffer)
  return 0
}

let classifier = ReplyClassifier()
let buffer = ReplyBuffer()
