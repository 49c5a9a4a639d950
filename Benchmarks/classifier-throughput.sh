#!/bin/sh
# Release-built classifier throughput, cache misses and hits, on the labelled corpus.
#   Benchmarks/classifier-throughput.sh [REVISION]
# With a git revision, its LogstatClassify sources are measured (e.g. the commit before a
# change) with the same harness and the same corpus of the working tree.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then
  mkdir "$work/src"
  git -C "$root" archive "$1" Sources/LogstatClassify | tar -x -C "$work/src"
  sources="$work/src/Sources/LogstatClassify"
else
  sources="$root/Sources/LogstatClassify"
fi
swiftc -O -wmo -swift-version 6 -module-name ClassifierThroughput \
  "$sources"/*.swift "$root/Benchmarks/ClassifierThroughput/main.swift" -o "$work/bench" 2>&1 |
  grep -v warning || true
"$work/bench" < "$root/Tests/LogstatClassifyTests/Corpus/replies.tsv"
