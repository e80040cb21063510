#!/usr/bin/env bash
# npm test: the whole suite. Lint (Biome: format, imports, layer rules), type check, content check, Vitest (unit + SQLite + PostgreSQL
# integration), production build, Playwright end to end. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
# Next.js would try to send anonymous telemetry; this machine has no internet and we want none.
export NEXT_TELEMETRY_DISABLED=1
reports=.reports
rm -rf "$reports" && mkdir -p "$reports"
steps="$reports/steps.txt"
: > "$steps"

step() { # step NAME COMMAND...: runs a check, records pass or fail
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "$name pass" >> "$steps"; else echo "$name fail" >> "$steps"; fi
}

scripts/ensure-chromium.sh || echo "chromium fail" >> "$steps"

if [ -z "${TEST_POSTGRES_URL:-}" ] && [ "${SKIP_POSTGRES:-}" != 1 ]; then
  if url=$(scripts/local-postgres.sh kubelearn_test); then
    export TEST_POSTGRES_URL=$url
  else
    echo "PostgreSQL could not be started; set TEST_POSTGRES_URL, or SKIP_POSTGRES=1 to test SQLite only" >&2
    echo "postgresql fail" >> "$steps"
  fi
fi

# The static checks run beside Vitest, which leaves part of the two cores idle while its tests wait
# on the databases; each check's output is printed when Vitest is done, so the log reads in order.
background_step() { # background_step NAME COMMAND...: a step that runs while Vitest does
  local name=$1; shift
  ( if "$@" > "$reports/$name.log" 2>&1; then echo "$name pass"; else echo "$name fail"; fi > "$reports/$name.status" ) &
}
background_step lint ./node_modules/.bin/biome check .
background_step typecheck ./node_modules/.bin/tsc --noEmit
background_step content-check ./node_modules/.bin/tsx scripts/content-check.ts
./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"
wait
for name in lint typecheck content-check; do
  echo "── $name"
  cat "$reports/$name.log"
  cat "$reports/$name.status" 2>/dev/null >> "$steps" || echo "$name fail" >> "$steps"
done
step build node scripts/build-if-stale.mjs
if grep -q "^build pass" "$steps"; then
  PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/playwright.json" ./node_modules/.bin/playwright test
else
  echo "skipping end-to-end tests: the build failed" >&2
fi
node scripts/test-summary.mjs "$reports"
