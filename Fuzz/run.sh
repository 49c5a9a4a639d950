#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer + AddressSanitizer, replays every kept crasher in
# FailCases/, then fuzzes each target for SECONDS seconds (default 60), one after another.
# New corpus entries go to .fuzz-work/ (not committed); crashers are written to FailCases/.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzPostfix FuzzExim FuzzLineSplitter FuzzGzip FuzzClassify FuzzMerge FuzzHistoryURL)
fi

swift build -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin=.build-fuzz/release

status=0
for target in "${targets[@]}"; do
  # Replay kept crashers: each must now run clean.
  if compgen -G "FailCases/$target/*" > /dev/null; then
    echo "== $target: replaying FailCases/$target"
    "$bin/$target" FailCases/"$target"/* || status=1
  fi
done

mkdir -p .fuzz-work
for target in "${targets[@]}"; do
  echo "== $target: fuzzing for $seconds s"
  mkdir -p ".fuzz-work/$target" "FailCases/$target"
  log=".fuzz-work/$target.log"
  if "$bin/$target" ".fuzz-work/$target" "corpus/$target" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="FailCases/$target/" > "$log" 2>&1; then
    result=ok
  else
    result=CRASH
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "$target: $result, $runs executions (log: Fuzz/$log)"
done
exit $status
