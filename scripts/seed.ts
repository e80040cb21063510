// Seeds the demo accounts (idempotent) into the database DATABASE_URL names.
import { hashPassword } from "../lib/auth/password";
import { createDb } from "../lib/db/client";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { repositoriesFor } from "../lib/db/repositories";

async function main() {
  const db = createDb();
  try {
    const { users } = repositoriesFor(db);
    for (const account of DEMO_ACCOUNTS) {
      await users.upsert({
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      });
      console.log(`seed: ${account.role.toLowerCase()} ${account.email}`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
