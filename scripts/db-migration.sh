#!/usr/bin/env bash
# Writes a migration for both providers from the change in prisma/models.prisma since the last one.
# `prisma migrate dev` needs a downloaded engine, so we diff the snapshot of the models at the last
# migration (prisma/migrated-models.prisma) against the current models, per provider.
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
cd "$(dirname "$0")/.."
stamp=$(date -u +%Y%m%d%H%M%S)
# Even a diff between two schema files opens a connection through the adapter, so PostgreSQL's
# diff needs a running server: the local one, in a scratch database.
pg_url=$(scripts/local-postgres.sh kubelearn_scratch)
for provider in sqlite postgres; do
  if [ $provider = postgres ]; then export DATABASE_URL=$pg_url; else export DATABASE_URL=file::memory:; fi
  from=$(mktemp -d)
  cp "prisma/$provider/schema.prisma" "$from/schema.prisma"
  [ -f prisma/migrated-models.prisma ] && cp prisma/migrated-models.prisma "$from/models.prisma"
  out="prisma/$provider/migrations/${stamp}_${name}"
  mkdir -p "$out"
  if [ -f prisma/migrated-models.prisma ]; then
    ./node_modules/.bin/prisma migrate diff --config "prisma/$provider/prisma.config.ts" --from-schema-datamodel "$from" --to-schema-datamodel "prisma/$provider" --script -o "$out/migration.sql"
  else
    ./node_modules/.bin/prisma migrate diff --config "prisma/$provider/prisma.config.ts" --from-empty --to-schema-datamodel "prisma/$provider" --script -o "$out/migration.sql"
  fi
  rm -rf "$from"
  printf '# Written by scripts/db-migration.sh; do not edit.\nprovider = "%s"\n' \
    "$([ $provider = postgres ] && echo postgresql || echo sqlite)" > "prisma/$provider/migrations/migration_lock.toml"
  echo "wrote $out/migration.sql"
done
cp prisma/models.prisma prisma/migrated-models.prisma
