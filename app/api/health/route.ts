import { getDb } from "@/lib/db/client";
import { databaseUrl, providerOf } from "@/lib/db/database-url";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 200 when this instance can reach its database, else 503. */
export async function GET() {
  const database = await checkDatabase(getDb(), providerOf(databaseUrl()));
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
