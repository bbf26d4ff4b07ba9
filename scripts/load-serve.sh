#!/usr/bin/env bash
# Load test of credcheck serve (docs/performance.md#serve): builds
# credcheck, starts `credcheck serve` on a free 127.0.0.1 port and keeps as
# many requests in flight as the server evaluates at once (--concurrency,
# one per CPU), each posting the same news-length article to /v1/check, for
# 30 seconds; then stops the server with SIGTERM. Prints a Markdown table:
# requests/s, latency percentiles, status codes, the server's CPU time per
# request and its resident memory idle, at the start, middle and end.
# Exits 1 when a request fails other than by 429 or the answers differ.
#
#   scripts/load-serve.sh                      # 30 s at the limit
#   DURATION=5s scripts/load-serve.sh          # shorter
#   WORKERS=8 scripts/load-serve.sh            # past the limit: 429s expected
#   scripts/load-serve.sh -- --workers 1       # extra flags for credcheck serve
#
# CONCURRENCY sets the server's --concurrency (default: the CPUs), ARTICLE
# the article posted, WORK=DIR keeps the built binary in DIR.
set -euo pipefail

die() { echo "load-serve.sh: $*" >&2; exit 2; }
command -v go >/dev/null 2>&1 || die "Go not found on PATH"
[ -r /proc/self/status ] || die "needs Linux's /proc to read the server's memory"

# shellcheck source=scripts/bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"

go build -o "$W/credcheck" ./cmd/credcheck
go build -o "$W/loadserve" ./scripts/loadserve
args=(-bin "$W/credcheck" -duration "${DURATION:-30s}")
[ -z "${CONCURRENCY:-}" ] || args+=(-concurrency "$CONCURRENCY")
[ -z "${WORKERS:-}" ] || args+=(-workers "$WORKERS")
[ -z "${ARTICLE:-}" ] || args+=(-article "$ARTICLE")
echo "load-serve.sh: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$W/loadserve" "${args[@]}" "$@"
