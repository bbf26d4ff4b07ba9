# Shared set-up of the benchmark scripts (sourced, not run): from the
# repository root, W is the work directory (WORK, or a temporary one removed
# at exit) and CREDCHECK_SEEDS, when set, is made absolute, since the
# corpus writers run in engine/checker.
cd "$(dirname "$0")/.."
if [ -n "${WORK:-}" ]; then
  W=$WORK
  mkdir -p "$W"
else
  W=$(mktemp -d)
  trap 'rm -rf "$W"' EXIT
fi
W=$(cd "$W" && pwd)

if [ -n "${CREDCHECK_SEEDS:-}" ] && [ -d "$CREDCHECK_SEEDS" ]; then
  CREDCHECK_SEEDS=$(cd "$CREDCHECK_SEEDS" && pwd)
  export CREDCHECK_SEEDS
fi
