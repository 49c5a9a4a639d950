#!/bin/sh
# Release-built classifier throughput, cache misses and hits, on the labelled corpus.
#   Benchmarks/classifier-throughput.sh [REVISION [ROUNDS]]
# With a git revision, its LogstatClassify sources are measured (e.g. the commit before a
# change) with the same harness and the same corpus of the working tree; "." is the working
# tree. Each figure is the best of ROUNDS rounds of one CPU second (default 5).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
if [ $# -gt 0 ] && [ "$1" != . ]; then
  git -C "$root" archive "$1" Sources/LogstatClassify | tar -x -C "$work/src"
  git -C "$root" archive "$1" Sources/LogstatCodes 2>/dev/null | tar -x -C "$work/src" || true
else
  cp -R "$root/Sources/LogstatClassify" "$root/Sources/LogstatCodes" "$work/src/"
fi
sources="$work/src/Sources/LogstatClassify"
[ -d "$work/src/LogstatClassify" ] && sources="$work/src/LogstatClassify"
# The classifier's one dependency, LogstatCodes (the reply-code parser), is compiled into the
# same module: its import is dropped.
codes=
for dir in "$work/src/Sources/LogstatCodes" "$work/src/LogstatCodes"; do
  if [ -d "$dir" ]; then codes="$dir/*.swift"; fi
done
for f in "$sources"/*.swift; do sed -i '/^import LogstatCodes$/d' "$f"; done
# Sources that report their packed table size say so; older ones are sized as dense rows.
flags=
if grep -q 'var tableBytes' "$sources"/PhraseAutomaton*.swift; then flags="-D TABLE_BYTES"; fi
swiftc -O -wmo -swift-version 6 -module-name ClassifierThroughput $flags \
  "$sources"/*.swift $codes "$root/Benchmarks/ClassifierThroughput/main.swift" -o "$work/bench" 2>&1 |
  grep -v warning || true
"$work/bench" "${2:-5}" < "$root/Tests/LogstatClassifyTests/Corpus/replies.tsv"
