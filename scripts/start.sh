#!/usr/bin/env bash
# npm start: migrate and seed the database (embedded SQLite unless DATABASE_URL says otherwise),
# build (only when sources changed since the last build), and serve the platform on http://localhost:${PORT:-3000}.
set -euo pipefail
cd "$(dirname "$0")/.."
# Next.js would try to send anonymous telemetry; this machine has no internet and we want none.
export NEXT_TELEMETRY_DISABLED=1
node scripts/ensure-env.mjs
./node_modules/.bin/tsx scripts/db-migrate.ts
./node_modules/.bin/tsx scripts/seed.ts
node scripts/build-if-stale.mjs
echo "kubelearn: open http://localhost:${PORT:-3000} (demo accounts are listed in README.md)"
exec ./node_modules/.bin/next start -p "${PORT:-3000}"
