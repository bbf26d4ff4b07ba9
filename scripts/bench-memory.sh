#!/usr/bin/env bash
# Peak memory of credcheck over many generated JSON Lines articles
# (docs/performance.md):
#
#   scripts/bench-memory.sh                 # 100,000 and 1,000,000 articles
#   scripts/bench-memory.sh 2000 10000      # any sizes
#
# For each size it writes one JSON Lines file of wire-brief-length articles
# (go test ./engine/checker -run TestWriteJSONL), runs
# `credcheck check --format jsonl` (json where jsonl is not a format yet)
# under /usr/bin/time, prints wall, CPU (user + system) and peak resident
# memory as a Markdown table, and deletes the file. It checks the free disk
# space before writing (about 1.7 KB per article) and the free memory is
# yours to watch: a version that keeps every result needs about 235 KB per
# article. WORK=DIR puts the files in DIR (default: a temporary directory).
# CORPUS=unscored writes short Chinese briefs instead, which are read and
# written out unscored without running the rules: the memory of reading,
# the pipeline and the report alone, a million in a few minutes of CPU.
set -euo pipefail

die() { echo "bench-memory.sh: $*" >&2; exit 2; }
[ -x /usr/bin/time ] || die "GNU time not found at /usr/bin/time (Debian, Ubuntu: apt-get install time)"
command -v go >/dev/null 2>&1 || die "Go not found on PATH"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "$n: sizes are positive whole numbers of articles"
done

# shellcheck source=scripts/bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"

go build -o "$W/credcheck" ./cmd/credcheck
format=json
if "$W/credcheck" check --help 2>&1 | grep -Eq -- '--format .*jsonl'; then format=jsonl; fi
extra=()
if "$W/credcheck" check --help 2>&1 | grep -q -- '--no-cache'; then extra+=(--no-cache); fi

rows=()
for n in "${sizes[@]}"; do
  need_kb=$((n * 2 + 102400))
  free_kb=$(df -Pk "$W" | awk 'NR == 2 { print $4 }')
  [ "$free_kb" -gt "$need_kb" ] || die "$n articles need about $((need_kb / 1024)) MB in $W, and $((free_kb / 1024)) MB are free"
  file="$W/articles-$n.jsonl"
  echo "bench-memory.sh: writing $n articles to $file" >&2
  CREDCHECK_WRITE_JSONL="$file" CREDCHECK_JSONL_ARTICLES=$n CREDCHECK_JSONL_CORPUS="${CORPUS:-dense}" \
    go test ./engine/checker -run '^TestWriteJSONL$' -count=1 >/dev/null ||
    { rm -f "$file"; die "writing the articles failed"; }
  size=$(du -m "$file" | cut -f1)
  echo "bench-memory.sh: checking $n articles ($size MB) with --format $format" >&2
  status=0
  /usr/bin/time -f '%e %U %S %M' -o "$W/time.out" \
    "$W/credcheck" check --format "$format" --fail-level none "${extra[@]}" "$file" >/dev/null 2>"$W/stderr.out" || status=$?
  rm -f "$file"
  if [ "$status" -ne 0 ]; then
    tail -3 "$W/stderr.out" >&2
    die "credcheck failed on $n articles (exit $status)"
  fi
  rows+=("$(awk -v n="$n" -v mb="$size" '{ printf "| %d | %d MB | %s s | %.1f s | %d MB |", n, mb, $1, $2 + $3, $4 / 1024 }' "$W/time.out")")
done

echo
echo "$(date -u +%Y-%m-%d), $(getconf _NPROCESSORS_ONLN) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'),"
echo "credcheck $(git describe --always --dirty 2>/dev/null || echo '?') check --format $format, ${CORPUS:-dense} corpus:"
echo
echo "| articles | input | wall | CPU (user+sys) | peak memory |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
