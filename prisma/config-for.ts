import path from "node:path";
import { defineConfig } from "prisma/config";
import { type DatabaseProvider, databaseUrl, providerOf } from "../lib/db/database-url";
import { createDriverAdapter } from "../lib/db/driver-adapter";

// Prisma 6.19's WASM schema engine ("js" engine) with a driver adapter runs offline;
// the classic engine would try to download a binary.
export function prismaConfigFor(provider: DatabaseProvider) {
  const dir = path.join(__dirname, provider);
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: dir,
    migrations: { path: path.join(dir, "migrations") },
    async adapter() {
      const url = databaseUrl();
      if (providerOf(url) !== provider) {
        throw new Error(`prisma/${provider} config used with a DATABASE_URL for ${providerOf(url)}`);
      }
      return createDriverAdapter(url) as never;
    },
  });
}
