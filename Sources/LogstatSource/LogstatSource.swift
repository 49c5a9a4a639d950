// LogstatSource: the input layer of logstat.
//
// Brief overview:
// - `InputDiscovery` turns command-line arguments (files, directories, `-`) or the
//   system's mail-log locations into an ordered list of `InputFile`s, oldest
//   rotation first, each file once.
// - `ChunkReader` reads one input, plain or gzip (detected by its magic bytes),
//   and hands out newline-aligned chunks of whole lines from one reusable buffer.
// - `FileSplitter` cuts a large plain file into newline-aligned byte ranges so
//   several workers can read it at once; `InputProbe` peeks at a file's first
//   and last line without reading it all.
// - Every problem is an `InputError` that names the file, the byte offset when
//   known, and what the user can do about it.
//
// The read path uses read(2)/pread(2) and zlib directly; no Foundation.
