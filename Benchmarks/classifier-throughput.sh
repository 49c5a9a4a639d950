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
# The classifier and the modules it imports (reply codes, hash tables), compiled into one module.
deps="LogstatCodes LogstatTables"
if [ $# -gt 0 ] && [ "$1" != . ]; then
  git -C "$root" archive "$1" Sources/LogstatClassify | tar -x -C "$work/src"
  for dep in $deps; do
    git -C "$root" archive "$1" "Sources/$dep" 2>/dev/null | tar -x -C "$work/src" || true
  done
else
  cp -R "$root/Sources/LogstatClassify" "$work/src/"
  for dep in $deps; do cp -R "$root/Sources/$dep" "$work/src/"; done
fi
sources="$work/src/Sources/LogstatClassify"
[ -d "$work/src/LogstatClassify" ] && sources="$work/src/LogstatClassify"
# A revision that predates a module simply has none of it; its import is dropped either way.
extra=
for dep in $deps; do
  for dir in "$work/src/Sources/$dep" "$work/src/$dep"; do
    if [ -d "$dir" ]; then extra="$extra $dir/*.swift"; fi
  done
  for f in "$sources"/*.swift; do sed -i "/^import $dep\$/d" "$f"; done
done
# Sources that report their packed table size say so; older ones are sized as dense rows.
flags=
if grep -q 'var tableBytes' "$sources"/PhraseAutomaton*.swift; then flags="-D TABLE_BYTES"; fi
swiftc -O -wmo -swift-version 6 -module-name ClassifierThroughput $flags \
  "$sources"/*.swift $extra "$root/Benchmarks/ClassifierThroughput/main.swift" -o "$work/bench" 2>&1 |
  grep -v warning || true
"$work/bench" "${2:-5}" < "$root/Tests/LogstatClassifyTests/Corpus/replies.tsv"
