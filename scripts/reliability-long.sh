#!/usr/bin/env bash
# Nightly-style run of the reliability suite (reliability/): ten times the fuzzing, 30 SIGKILL cycles, a long
# load test, 2000-way concurrency, four 20-second streaks of failing state file saves (lost-writes must be 0). Loopback only. Prints the figure lines ("reliability: …") at the end and keeps the
# whole log and the figures under dist/reliability/. Exit code: vitest's.
#   scripts/reliability-long.sh                  # fresh fuzz seeds (printed in the figures)
#   CRMKIT_FUZZ_SEED=1234 scripts/reliability-long.sh   # replay one seed
set -uo pipefail
cd "$(dirname "$0")/.."
out=dist/reliability
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
log="$out/long-$stamp.log"

npm run --silent bundle || exit 2
CRMKIT_LONG=1 npx vitest run reliability --reporter=default 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

grep -ao 'reliability: .*' "$log" | sed 's/\x1b\[[0-9;]*m//g' > "$out/figures-$stamp.txt"
echo
echo "== figures ($out/figures-$stamp.txt)"
cat "$out/figures-$stamp.txt"
exit "$status"
