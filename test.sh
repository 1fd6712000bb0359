#!/usr/bin/env bash
# Runs every Midx test: unit, integration (the real app on Kestrel with its sandbox servers) and browser
# (Playwright driving Debian's Chromium). Prints a one-line summary and exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
dotnet test MidxBlazor.sln --logger "trx;LogFileName=midx.trx" --results-directory "$results" "$@" 2>&1 | tee "$results/output.txt"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
if [ -f "$results/midx.trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$results/midx.trx" | head -n 1)
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  skipped=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
fi
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit "$status"
