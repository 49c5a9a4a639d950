#!/usr/bin/env bash
# Times logstat against a minimal C scanner and the tools people already use, on a generated
# 1 GB Postfix log (and its gzip).
#
#   Benchmarks/compare.sh                 # from the repository root
#   SIZE=4G ROUNDS=5 Benchmarks/compare.sh
#
# Environment (all optional):
#   SIZE=1G         size of the generated log (logstat-gen --size syntax)
#   SLICE=100M      size of the slice pflogsumm (and logstat, for the ratio) runs on
#   ROUNDS=3        rounds; each round runs every command once, interleaved
#   SEED=1          generator seed
#   DATA=bench-data where the logs are kept (git-ignored); reused when present
#   LOGSTAT=.build/release/logstat   the analyser to time
#   LOGSTAT_ARGS="" extra arguments for logstat
#   GEN=.build/release/logstat-gen   the generator
#   BUILD=1         build logstat and logstat-gen in release mode first (0: use what is built)
#   FORMAT=json     logstat's report format (the full report, all rows)
#   PFLOGSUMM=1     also time pflogsumm on the slice (0: skip it; it takes seconds per round)
#   CC=cc           the C compiler for the reference scanner (Benchmarks/refscan/refscan.c, -O2, zlib)
#
# The yardstick is `refscan` (Benchmarks/refscan/refscan.c): one core, memchr per line, the
# program tag, and for Postfix delivery lines `to=<...@domain>` and `status=` counted per
# domain in a small hash table -- the minimal version of logstat's essential work. Its gzip
# row reads through zlib (gzread) on the same core, so it is bound by zlib's inflate.
#
# Prints per command the median wall time, MB/s (1 MB = 10^6 bytes of uncompressed log), and
# its speed relative to the C scanner (plain rows to `C refscan`, gzip rows to
# `C refscan+zlib`), cat, wc -l and zcat | wc -l. The `/C` column is the median of the
# per-round ratios (each round runs every command once, interleaved), so load that comes and
# goes hits both sides of a ratio alike; the other columns divide the medians. Then logstat's
# peak RSS.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZE=${SIZE:-1G}
SLICE=${SLICE:-100M}
ROUNDS=${ROUNDS:-3}
SEED=${SEED:-1}
DATA=${DATA:-bench-data}
LOGSTAT=${LOGSTAT:-.build/release/logstat}
LOGSTAT_ARGS=${LOGSTAT_ARGS:-}
BUILD=${BUILD:-1}
GEN=${GEN:-.build/release/logstat-gen}
FORMAT=${FORMAT:-json}
CC=${CC:-cc}
PFLOGSUMM=${PFLOGSUMM:-1}

say() { printf '%s\n' "$*" >&2; }

if [[ $BUILD == 1 ]]; then
  say "== building logstat-gen and logstat (release)"
  swift build -c release --product logstat-gen >&2
  swift build -c release --product logstat >&2 || say "!! logstat did not build; its rows will be skipped"
fi
mkdir -p "$DATA"
PLAIN=$DATA/postfix-$SIZE-seed$SEED.log
GZ=$PLAIN.gz
SLICED=$DATA/postfix-$SIZE-seed$SEED.slice-$SLICE.log
if [[ ! -s $PLAIN ]]; then
  if [[ ! -x $GEN ]]; then
    say "logstat-gen is not built: run 'swift build -c release --product logstat-gen' (or BUILD=1)"
    exit 1
  fi
  say "== generating $PLAIN (and its truth, $PLAIN.truth.tsv)"
  "$GEN" --format postfix --size "$SIZE" --seed "$SEED" --output "$PLAIN.tmp" --truth "$PLAIN.truth.tsv" >&2
  mv "$PLAIN.tmp" "$PLAIN"
fi
if [[ ! -s $GZ ]]; then
  GZIP_TOOL=$(command -v pigz || command -v gzip)
  say "== compressing with $GZIP_TOOL"
  "$GZIP_TOOL" -c -6 "$PLAIN" > "$GZ.tmp"
  mv "$GZ.tmp" "$GZ"
fi
if [[ ! -s $SLICED ]]; then
  slice_bytes=$(numfmt --from=iec "${SLICE%B}")
  head -c "$slice_bytes" "$PLAIN" | sed '$d' > "$SLICED"  # drop the cut last line
fi

REFSCAN=$DATA/refscan
if [[ ! -x $REFSCAN || Benchmarks/refscan/refscan.c -nt $REFSCAN ]]; then
  say "== building the C reference scanner ($CC -O2)"
  "$CC" -O2 -o "$REFSCAN" Benchmarks/refscan/refscan.c -lz
fi

plain_mb=$(stat -c %s "$PLAIN")
slice_mb=$(stat -c %s "$SLICED")

# Commands: name<TAB>input bytes<TAB>shell command<TAB>reference (the C row its /C column
# divides by; empty for none). Output always goes to /dev/null.
commands=()
add() { commands+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"${4:-}"); }
CP="C refscan"; CZ="C refscan+zlib"
add "$CP"             "$plain_mb" "'$REFSCAN' '$PLAIN' > /dev/null" "$CP"
add "$CZ"             "$plain_mb" "'$REFSCAN' '$GZ' > /dev/null" "$CZ"
add "cat"             "$plain_mb" "cat '$PLAIN' > /dev/null"
add "wc -l"           "$plain_mb" "wc -l '$PLAIN' > /dev/null"
add "zcat | wc -l"    "$plain_mb" "zcat '$GZ' | wc -l > /dev/null"

have_pflogsumm=0
if [[ $PFLOGSUMM == 0 ]]; then
  say "== pflogsumm skipped (PFLOGSUMM=0)"
elif command -v pflogsumm > /dev/null; then
  have_pflogsumm=1
  add "pflogsumm (slice)" "$slice_mb" "pflogsumm '$SLICED' > /dev/null 2>&1" "C refscan (slice)"
  add "C refscan (slice)" "$slice_mb" "'$REFSCAN' '$SLICED' > /dev/null" "C refscan (slice)"
else
  say "!! pflogsumm not found, skipped (install: apt-get install -y pflogsumm)"
fi

have_logstat=0
jobs_note=""
if [[ -x $LOGSTAT ]]; then
  have_logstat=1
  # The options belong to the analyze subcommand (the default one): the root --help lists
  # only subcommands.
  analyze_help=$("$LOGSTAT" analyze --help 2>&1 || true)
  if grep -q -- '--jobs' <<< "$analyze_help"; then
    j1="--jobs 1"; j2="--jobs 2"
  else
    j1=""; j2=""; jobs_note="(logstat does not accept --jobs yet: both rows ran without it)"
  fi
  # No progress line and no history file while timing, where the build has them.
  grep -q -- '--quiet' <<< "$analyze_help" && LOGSTAT_ARGS="--quiet $LOGSTAT_ARGS"
  grep -q -- '--no-history' <<< "$analyze_help" && LOGSTAT_ARGS="--no-history $LOGSTAT_ARGS"
  grep -q -- '--format' <<< "$analyze_help" && LOGSTAT_ARGS="--format $FORMAT $LOGSTAT_ARGS"
  add "logstat --jobs 1"      "$plain_mb" "'$LOGSTAT' $j1 $LOGSTAT_ARGS '$PLAIN' > /dev/null" "$CP"
  add "logstat --jobs 2"      "$plain_mb" "'$LOGSTAT' $j2 $LOGSTAT_ARGS '$PLAIN' > /dev/null" "$CP"
  add "logstat --jobs 1 gz"   "$plain_mb" "'$LOGSTAT' $j1 $LOGSTAT_ARGS '$GZ' > /dev/null" "$CZ"
  add "logstat --jobs 2 gz"   "$plain_mb" "'$LOGSTAT' $j2 $LOGSTAT_ARGS '$GZ' > /dev/null" "$CZ"
  if [[ $have_pflogsumm == 1 ]]; then
    add "logstat --jobs 2 (slice)" "$slice_mb" "'$LOGSTAT' $j2 $LOGSTAT_ARGS '$SLICED' > /dev/null" "C refscan (slice)"
  fi
else
  say "!! $LOGSTAT not found: logstat rows skipped (build: swift build -c release --product logstat)"
fi

now_ns() { date +%s%N; }
declare -A times
say "== logstat arguments: $LOGSTAT_ARGS"
say "== $ROUNDS rounds over ${#commands[@]} commands (log: $PLAIN, $(numfmt --to=si "$plain_mb")B)"
for ((r = 1; r <= ROUNDS; r++)); do
  for entry in "${commands[@]}"; do
    IFS=$'\t' read -r name bytes cmd ref <<< "$entry"
    start=$(now_ns)
    status=0
    bash -c "$cmd" || status=$?
    [[ $status == 0 ]] || say "!! '$name' failed (exit $status)"
    end=$(now_ns)
    times[$name]+="$(( end - start )) "
    say "   round $r: $name $(awk -v n=$(( end - start )) 'BEGIN { printf "%.3f s", n / 1e9 }')"
  done
done

# Median seconds of a name's samples.
median() { tr ' ' '\n' <<< "${times[$1]}" | grep . | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.4f", m / 1e9 }'; }
speed() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
# Median over rounds of reference time / command time: the command's speed relative to the
# reference, round by round.
ratio() {
  paste <(tr ' ' '\n' <<< "${times[$2]}" | grep .) <(tr ' ' '\n' <<< "${times[$1]}" | grep .) \
    | awk '{ print $1 / $2 }' | sort -g \
    | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m }'
}

cat_s=$(median "cat"); wc_s=$(median "wc -l"); zcat_s=$(median "zcat | wc -l")
cat_v=$(speed "$plain_mb" "$cat_s"); wc_v=$(speed "$plain_mb" "$wc_s"); zcat_v=$(speed "$plain_mb" "$zcat_s")

printf '\nlog %s: %d MB plain, %d MB gzip; slice %d MB. MB/s counts uncompressed bytes.\n' \
  "$PLAIN" $(( plain_mb / 1000000 )) $(( $(stat -c %s "$GZ") / 1000000 )) $(( slice_mb / 1000000 ))
printf '%-26s %7s %9s %8s %9s %9s %9s %9s\n' "command" "MB" "median s" "MB/s" "/C" "/cat" "/wc -l" "/zcat|wc"
for entry in "${commands[@]}"; do
  IFS=$'\t' read -r name bytes cmd ref <<< "$entry"
  s=$(median "$name"); v=$(speed "$bytes" "$s")
  r=-; [[ -n $ref ]] && r="$(ratio "$name" "$ref")x"
  awk -v n="$name" -v mb="$(( bytes / 1000000 ))" -v s="$s" -v v="$v" -v r="$r" -v c="$cat_v" -v w="$wc_v" -v z="$zcat_v" \
    'BEGIN { printf "%-26s %7d %9.3f %8.1f %9s %8.3fx %8.3fx %8.3fx\n", n, mb, s, v, r, v / c, v / w, v / z }'
done
echo "/C: plain rows against '$CP', gzip rows against '$CZ', slice rows against the C scanner on the slice"

if [[ $have_logstat == 1 ]]; then
  j1s=$(median "logstat --jobs 1"); j2s=$(median "logstat --jobs 2")
  awk -v a="$j1s" -v b="$j2s" 'BEGIN { printf "\nlogstat --jobs 2 vs --jobs 1 (plain): %.2fx\n", a / b }'
  if [[ $have_pflogsumm == 1 ]]; then
    awk -v p="$(median "pflogsumm (slice)")" -v l="$(median "logstat --jobs 2 (slice)")" \
      'BEGIN { printf "logstat --jobs 2 vs pflogsumm (same slice): %.0fx\n", p / l }'
  fi
  [[ -n $jobs_note ]] && echo "$jobs_note"
  if [[ -x /usr/bin/time ]]; then
    for input in "$PLAIN" "$GZ"; do
      rss=$( { /usr/bin/time -v "$LOGSTAT" $j2 $LOGSTAT_ARGS "$input" > /dev/null; } 2>&1 \
        | awk -F': ' '/Maximum resident/ { print $2 }')
      echo "logstat $j2 peak RSS on $(basename "$input"): $(( ${rss:-0} / 1024 )) MB"
    done
  else
    echo "peak RSS not measured: /usr/bin/time missing (install: apt-get install -y time)"
  fi
fi
