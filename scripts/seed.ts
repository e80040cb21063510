// Seeds the demo accounts and the demo class (both idempotent) into the database DATABASE_URL names.
// Runs under plain Node (tsx), so it opens its own client with create-db and uses repositories
// directly: lib/db/client and lib/db/repositories are server-only.
//
// The demo class: the demo instructor teaches it, the demo learner and DEMO_CLASS.learners generated
// learners are in it, with DEMO_CLASS.days days of generated activity up to now (README, "Demo
// class"). KUBELEARN_SEED_DEMO_CLASS=0 seeds only the accounts.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { hashPassword } from "../lib/auth/password";
import { DEMO_CLASS, demoAssignments, seedDemoClass } from "../lib/classes/service/demo-class";
import { loadContent } from "../lib/content/load-content";
import { createDb, type Db } from "../lib/db/create-db";
import { DEMO_ACCOUNTS } from "../lib/db/demo-accounts";
import { UserRepository } from "../lib/db/user-repository";
import { loadDrills } from "../lib/drills/core/load-drills";

async function seedDemoAccounts(db: Db): Promise<Map<string, string>> {
  const users = new UserRepository(db);
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await users.upsert({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
    });
    ids.set(account.role, user.id);
    console.log(`seed: ${account.role.toLowerCase()} ${account.email}`);
  }
  return ids;
}

async function seedClass(db: Db, ids: Map<string, string>) {
  const started = performance.now();
  const root = path.resolve(process.env.CONTENT_DIR ?? "content");
  const library = loadContent(root);
  const course = () => ({ lessons: library.lessons, modules: library.modules, drills: loadDrills(root).drills });
  const end = new Date();
  const result = await seedDemoClass(db, course, {
    instructorId: ids.get("INSTRUCTOR")!,
    name: DEMO_CLASS.name,
    joinCode: DEMO_CLASS.joinCode,
    seed: DEMO_CLASS.seed,
    members: [ids.get("LEARNER")!],
    learners: DEMO_CLASS.learners,
    days: DEMO_CLASS.days,
    end,
    assignments: demoAssignments(library, end),
    formsPerQuiz: DEMO_CLASS.formsPerQuiz,
    // Nobody knows it: the generated learners cannot be signed in as.
    passwordHash: () => hashPassword(randomBytes(24).toString("base64url")),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!result.created) console.log(`seed: demo class ${DEMO_CLASS.joinCode} already there`);
  else {
    const rows = Object.values(result.counts!).reduce((a, b) => a + b, 0);
    console.log(
      `seed: demo class ${DEMO_CLASS.joinCode} with ${result.memberIds.length} learners, ${rows} activity rows (${seconds} s)`,
    );
  }
}

async function main() {
  const db = createDb();
  try {
    const ids = await seedDemoAccounts(db);
    if (process.env.KUBELEARN_SEED_DEMO_CLASS !== "0") await seedClass(db, ids);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
