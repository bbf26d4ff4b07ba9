#!/usr/bin/env bash
# Times credcheck against Vale side by side on the dense 2,000-article corpus
# and prints a Markdown table (docs/performance.md):
#
#   scripts/bench-vale.sh              # 3 paired runs, 5 one-file runs
#   RUNS=5 LATENCY_RUNS=9 scripts/bench-vale.sh
#
# Each round runs every command once, in turn, so that machine load falls on
# all of them alike; the table gives medians over the rounds (wall and CPU =
# user + system, from /usr/bin/time) and the median peak resident memory.
#
# Needs Go, GNU time (/usr/bin/time) and Vale on PATH (or VALE=/path/to/vale):
#   go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0
# WORK=DIR keeps the corpus, styles and raw timings in DIR (default: a
# temporary directory, removed at the end).
set -euo pipefail

RUNS=${RUNS:-3}
LATENCY_RUNS=${LATENCY_RUNS:-5}
VALE=${VALE:-vale}

die() { echo "bench-vale.sh: $*" >&2; exit 2; }
command -v "$VALE" >/dev/null 2>&1 || die "Vale not found (looked for '$VALE' on PATH). Install it with
  go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0
and put \$(go env GOPATH)/bin on PATH, or set VALE=/path/to/vale."
VALE=$(command -v "$VALE")
[ -x /usr/bin/time ] || die "GNU time not found at /usr/bin/time (Debian, Ubuntu: apt-get install time)"
command -v go >/dev/null 2>&1 || die "Go not found on PATH"
[[ $RUNS =~ ^[1-9][0-9]*$ && $LATENCY_RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS and LATENCY_RUNS must be positive whole numbers"

# shellcheck source=scripts/bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"

echo "bench-vale.sh: building credcheck, the Vale styles and the corpus in $W" >&2
go build -o "$W/credcheck" ./cmd/credcheck
go run ./scripts/valestyle -out "$W/vale" >&2
rm -rf "$W/corpus"
CREDCHECK_WRITE_CORPUS="$W/corpus" go test ./engine/checker -run '^TestWriteCorpus$' -count=1 -v 2>&1 |
  grep -o 'dense corpus from .*' >&2 || die "writing the corpus failed: CREDCHECK_WRITE_CORPUS=$W/corpus go test ./engine/checker -run TestWriteCorpus"

# One article for the start-up latency: the first seed article when the
# seeds are beside the repository, otherwise a fixture.
one=$(ls "${CREDCHECK_SEEDS:-../shared/seeds}"/000_*.txt 2>/dev/null | head -1 || true)
[ -n "$one" ] || one=fixtures/hedged-scoop.txt

# Options that later versions have: a result cache would time nothing.
cc_extra=()
if "$W/credcheck" check --help 2>&1 | grep -q -- '--no-cache'; then cc_extra+=(--no-cache); fi

cpus=$(getconf _NPROCESSORS_ONLN)
# The commands, as arrays: /usr/bin/time runs programs, not shell functions.
cc=("$W/credcheck" check --format json --fail-level none "${cc_extra[@]}")
vale2=("$VALE" --config "$W/vale/wordlist.ini" --output JSON --no-exit)
valelex=("$VALE" --config "$W/vale/lexicons.ini" --output JSON --no-exit)

mkdir -p "$W/times"
rm -f "$W"/times/*
# measure NAME CMD...: runs CMD once, appends "wall cpu rss_kb" to times/NAME.
measure() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$W/time.out" "$@" >/dev/null 2>"$W/stderr.out"; then
    cat "$W/stderr.out" >&2
    die "$name failed"
  fi
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$W/time.out" >>"$W/times/$name"
}

# median COLUMN NAME: median of one column of times/NAME.
median() {
  sort -g -k"$1","$1" "$W/times/$2" | awk -v c="$1" '{ v[NR] = $c } END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
range() { awk -v c="$1" 'NR == 1 || $c < lo { lo = $c } NR == 1 || $c > hi { hi = $c } END { print lo "–" hi }' "$W/times/$2"; }

start_load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
for r in $(seq "$RUNS"); do
  echo "bench-vale.sh: corpus round $r of $RUNS" >&2
  measure cc "${cc[@]}" "$W/corpus"
  measure cc1 "${cc[@]}" --workers 1 "$W/corpus"
  if [ "$cpus" -gt 2 ]; then measure cc2 "${cc[@]}" --workers 2 "$W/corpus"; fi
  measure vale2 "${vale2[@]}" "$W/corpus"
  measure valelex "${valelex[@]}" "$W/corpus"
done
for r in $(seq "$LATENCY_RUNS"); do
  measure one_cc "${cc[@]}" "$one"
  measure one_vale2 "${vale2[@]}" "$one"
  measure one_valelex "${valelex[@]}" "$one"
done
end_load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

lexicons=$(ls "$W/vale/styles/Credcheck" | wc -l)
entries=$(grep -o '[0-9]* entries' "$W/vale/NOTES.md" | head -1)
articles=$(ls "$W/corpus" | wc -l)
row() { # row LABEL NAME
  printf '| %s | %s s (%s) | %s s | %d MB |\n' "$1" "$(median 1 "$2")" "$(range 1 "$2")" "$(median 2 "$2")" \
    "$(( $(median 3 "$2" | cut -d. -f1) / 1024 ))"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "$(date -u +%Y-%m-%d), $cpus CPUs, load average $start_load at the start and $end_load at the end;"
echo "credcheck $(git describe --always --dirty 2>/dev/null || echo '?'), $("$VALE" --version), $(go env GOVERSION)."
echo "$articles articles ($(du -sh "$W/corpus" | cut -f1)); medians of $RUNS paired runs (range of wall times in brackets)."
echo
echo "| command | wall | CPU (user+sys) | peak memory |"
echo "|---|---|---|---|"
row "\`credcheck check --format json\` (whole catalog, $cpus workers)" cc
row "\`credcheck check --format json --workers 1\`" cc1
if [ -f "$W/times/cc2" ]; then row "\`credcheck check --format json --workers 2\`" cc2; fi
row "Vale, two-rule word-list style" vale2
row "Vale, one rule per credcheck lexicon ($lexicons rules, $entries)" valelex
echo
echo "One file ($(basename "$one"), $(wc -c <"$one") bytes), medians of $LATENCY_RUNS runs:"
echo
echo "| command | wall | CPU (user+sys) | peak memory |"
echo "|---|---|---|---|"
row "\`credcheck check --format json\`" one_cc
row "Vale, two-rule style" one_vale2
row "Vale, one rule per lexicon" one_valelex
echo
w2=cc; [ -f "$W/times/cc2" ] && w2=cc2
echo "- credcheck ÷ Vale two-rule: wall $(ratio "$(median 1 cc)" "$(median 1 vale2)")×, CPU $(ratio "$(median 2 cc)" "$(median 2 vale2)")×"
echo "- credcheck ÷ Vale one rule per lexicon: wall $(ratio "$(median 1 cc)" "$(median 1 valelex)")×, CPU $(ratio "$(median 2 cc)" "$(median 2 valelex)")×"
echo "- credcheck 2 workers ÷ 1 worker, wall: $(ratio "$(median 1 "$w2")" "$(median 1 cc1)")"
echo "- one file, credcheck ÷ Vale two-rule, wall: $(ratio "$(median 1 one_cc)" "$(median 1 one_vale2)")×"
