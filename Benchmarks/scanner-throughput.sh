#!/usr/bin/env bash
# Times LineScanner alone (header, program tag, Postfix/Exim body) on a log, without SwiftPM:
# builds Sources/LogstatScan with one harness (swiftc -O -wmo) and scans the log.
#
#   Benchmarks/scanner-throughput.sh LOG [ROUNDS]             # wall time of ROUNDS passes
#   CALLGRIND=1 Benchmarks/scanner-throughput.sh LOG          # instructions a line (valgrind)
#   REV=0c8d6bf Benchmarks/scanner-throughput.sh LOG          # the scanner of a git revision
#
# Use a slice of about 20 MB for callgrind (head -c 20000000 big.log | sed '$d' > slice.log).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=${1:?usage: scanner-throughput.sh LOG [ROUNDS]}
rounds=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources="$root/Sources/LogstatScan"
if [[ -n ${REV:-} ]]; then
  mkdir "$work/src"
  git -C "$root" archive "$REV" Sources/LogstatScan | tar -x -C "$work/src"
  sources="$work/src/Sources/LogstatScan"
fi
swiftc -O -wmo -swift-version 6 -module-name ScannerThroughput -I "$root/Sources/CStringSearch" \
  $(find "$sources" -name '*.swift') "$root/Benchmarks/ScannerThroughput/main.swift" \
  -o "$work/bench" 2>&1 | grep -v warning || true
if [[ ${CALLGRIND:-0} == 1 ]]; then
  out=$(valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$work/bench" "$log" 2>&1)
  lines=$(awk '/^lines/ { print $2 }' <<< "$out")
  total=$(awk -F'refs: *' '/refs:/ { gsub(",", "", $2); print $2 }' <<< "$out")
  grep '^lines' <<< "$out"
  awk -v t="$total" -v n="$lines" 'BEGIN { printf "%d instructions, %.0f a line (harness and memchr included)\n", t, t / n }'
  callgrind_annotate "$work/cg" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -12
else
  /usr/bin/time -f "%e s wall, %U s user" "$work/bench" "$log" "$rounds"
fi
