import Glibc

// Scans every line of a log with LineScanner alone: the file is read into memory once, then
// split with memchr and scanned ROUNDS times (default 1). Prints the count of each LineKind
// and a checksum of fields, so a change that alters results shows. Built by
// Benchmarks/scanner-throughput.sh together with the LogstatScan sources (one module, -O).
guard CommandLine.arguments.count >= 2 else {
  print("usage: scanner-throughput LOG [ROUNDS]")
  exit(2)
}
let path = CommandLine.arguments[1]
let fd = open(path, O_RDONLY)
guard fd >= 0 else {
  perror(path)
  exit(2)
}
var st = stat()
fstat(fd, &st)
let size = Int(st.st_size)
let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
var got = 0
// Safe because every read writes at most size - got bytes at buf + got, inside the allocation.
while got < size { let n = read(fd, buf + got, size - got); if n <= 0 { break }; got += n }
var line = ScannedLine()
var sum = 0
var kinds = [Int](repeating: 0, count: 16)
let rounds = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 1
for _ in 0..<rounds {
  var start = 0
  while start < got {
    let stop: Int
    if let p = memchr(buf + start, 0x0A, got - start) { stop = buf.distance(to: p) } else { stop = got }
    let kind = LineScanner.scan(UnsafeRawBufferPointer(start: buf + start, count: stop - start), into: &line)
    kinds[Int(kind.rawValue)] += 1
    sum &+= line.time.second &+ line.time.hour &+ line.recipient.end &+ Int(line.status.rawValue)
    start = stop + 1
  }
}
let lines = kinds.reduce(0, +)
print("lines \(lines) kinds \(kinds.prefix(LineKind.allCases.count)) checksum \(sum)")
