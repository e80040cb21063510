// npm run bench (third part): does sign-in time tell which e-mails have an account? Times the real
// credential check (throttle in the database, user lookup, bcrypt) for a known e-mail with a wrong
// password and for an unknown e-mail, alternating, and prints both medians. Figures only: nothing
// here passes or fails (lib/auth/credential-check.test.ts proves the dummy comparison happens).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { createCredentialCheck } from "../lib/auth/credential-check";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../lib/auth/password";
import { SignInThrottle } from "../lib/auth/sign-in-throttle";
import { createDb } from "../lib/db/create-db";
import { providerOf } from "../lib/db/database-url";
import { repositoriesFor } from "../lib/db/repositories-for";

const DATABASE_URL = "file:./data/bench-signin.db";
const ROUNDS = 40;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`data/bench-signin.db${suffix}`, { force: true });
  const migrated = spawnSync("./node_modules/.bin/tsx", ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`could not migrate ${DATABASE_URL}:\n${migrated.stderr}`);

  const db = createDb(DATABASE_URL);
  try {
    const repos = repositoriesFor(db, providerOf(DATABASE_URL));
    await repos.users.create({ email: "known@bench.test", name: "Bench", passwordHash: await hashPassword("right") });
    const check = createCredentialCheck({
      findUserByEmail: (email) => repos.users.findByEmail(email),
      throttle: new SignInThrottle(db),
      verifyPassword,
      dummyPasswordHash,
    });
    // A fresh client address per attempt (just a key here), so the throttle never refuses one.
    let n = 0;
    const attempt = async (email: string) => {
      n += 1;
      const start = performance.now();
      await check({ email, password: "wrong", ip: `bench-${n}` });
      return performance.now() - start;
    };
    await attempt("known@bench.test"); // warm up: the dummy hash is made on first use
    await attempt("nobody@bench.test");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      known.push(await attempt("known@bench.test"));
      unknown.push(await attempt(`nobody-${i}@bench.test`));
    }
    const [k, u] = [median(known), median(unknown)];
    console.log(`kubelearn sign-in timing benchmark (Node ${process.version}, ${ROUNDS} attempts each)\n`);
    console.log(`${"known e-mail, wrong password".padEnd(40)} median ${k.toFixed(1).padStart(7)} ms`);
    console.log(`${"unknown e-mail".padEnd(40)} median ${u.toFixed(1).padStart(7)} ms`);
    console.log(`${"ratio unknown / known".padEnd(40)}        ${(u / k).toFixed(2).padStart(7)}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
