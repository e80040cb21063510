// Seeds the demo accounts (idempotent) into the database DATABASE_URL names.
// Runs under plain Node (tsx), so it opens its own client with create-db and uses the user
// repository directly: lib/db/client and lib/db/repositories are server-only.
import { hashPassword } from "../lib/auth/password";
import { createDb } from "../lib/db/create-db";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { UserRepository } from "../lib/db/user-repository";

async function main() {
  const db = createDb();
  try {
    const users = new UserRepository(db);
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
