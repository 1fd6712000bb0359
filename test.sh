#!/usr/bin/env bash
# Runs every Midx test: unit, integration (the real app on Kestrel with its sandbox servers) and browser
# (Playwright driving Debian's Chromium). Prints a one-line summary and exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)

# A throwaway PostgreSQL server on loopback for the multi-instance path's tests (never a mock, never left running).
pgroot=""
stop_postgres() { [ -n "$pgroot" ] && ${pgrun:-} pg_ctl -D "$pgroot/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgroot"; }
trap stop_postgres EXIT
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  pgroot=$(mktemp -d)
  pgrun=""
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgroot"; pgrun="runuser -u postgres --"; fi
  pgport=$((20000 + RANDOM % 20000))
  $pgrun initdb -D "$pgroot/data" -A trust -U midx >/dev/null
  $pgrun pg_ctl -D "$pgroot/data" -w -l "$pgroot/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgroot -c fsync=off" start >/dev/null
  export MIDX_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=midx;Database=postgres"
  echo "PostgreSQL for tests on 127.0.0.1:$pgport"
else
  echo "PostgreSQL binaries (initdb, pg_ctl) not found: the PostgreSQL tests will fail. Install the postgresql package." >&2
fi
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
