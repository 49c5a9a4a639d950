#!/bin/sh
# The reply cache and the classifier's cost on a log's real failed-delivery replies.
#   Benchmarks/reply-cache.sh LOG [ROUNDS]          # the working tree's sources
#   REV=abc123 Benchmarks/reply-cache.sh LOG        # the sources of a git revision
#   VERIFY=1 Benchmarks/reply-cache.sh LOG          # and compare each cached answer with a fresh one
# Release-builds LogstatScan, LogstatClassify and the modules they import into one module with
# Benchmarks/ReplyCache/main.swift; prints replies, distinct texts, hit rate, the best round's
# CPU time per reply (a fresh classifier each round) and a digest of every verdict.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
log=${1:?usage: reply-cache.sh LOG [ROUNDS]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mods="LogstatScan LogstatClassify LogstatCodes LogstatTables"
if [ -n "${REV:-}" ]; then
  for m in $mods; do git -C "$root" archive "$REV" "Sources/$m" | tar -x -C "$work"; done
else
  mkdir "$work/Sources"
  for m in $mods; do cp -R "$root/Sources/$m" "$work/Sources/"; done
fi
files=$(find "$work/Sources" -name '*.swift')
for f in $files; do sed -i '/^import Logstat[A-Za-z]*$/d' "$f"; done
flags=
if grep -q 'cacheMisses' "$work/Sources/LogstatClassify"/*.swift; then flags="-D CACHE_COUNTERS"; fi
swiftc -O -wmo -swift-version 6 -module-name ReplyCache $flags -I "$root/Sources/CStringSearch" \
  $files "$root/Benchmarks/ReplyCache/main.swift" -o "$work/bench" 2>&1 | grep -v warning || true
[ -n "${KEEP:-}" ] && cp "$work/bench" "$KEEP"
"$work/bench" "$log" "${2:-3}"
