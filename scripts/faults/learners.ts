import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/create-db";
import { UserRepository } from "../../lib/db/user-repository";

// Learners for the fault scenarios: accounts made straight in the database (quicker than the sign-up
// form), then signed in over HTTP through next-auth's credentials endpoint, as a browser would.

export interface Learner {
  id: string;
  email: string;
  password: string;
  /** The session cookie ("authjs.session-token=…") once signed in. */
  cookie: string;
}

export async function createLearners(databaseUrl: string, count: number, label: string): Promise<Learner[]> {
  const db = createDb(databaseUrl);
  try {
    const users = new UserRepository(db);
    const password = "faults-password-1";
    const passwordHash = await hashPassword(password);
    const stamp = Date.now().toString(36);
    const learners: Learner[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${label}-${stamp}-${i}@faults.test`;
      const user = await users.create({ email, name: `${label} ${i}`, passwordHash });
      learners.push({ id: user.id, email, password, cookie: "" });
    }
    return learners;
  } finally {
    await db.$disconnect();
  }
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in on `baseURL` and stores the session cookie on the learner. */
export async function signIn(baseURL: string, learner: Learner): Promise<void> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email: learner.email, password: learner.password, csrfToken, callbackUrl: "/" }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${learner.email} on ${baseURL} gave no session (${response.status})`);
  learner.cookie = session;
}

/** Reading time stored for each learner on `lessonSlug`, read from the database itself. */
export async function storedSeconds(databaseUrl: string, learners: Learner[], lessonSlug: string) {
  const db = createDb(databaseUrl);
  try {
    const rows = await db.lessonProgress.findMany({
      where: { userId: { in: learners.map((l) => l.id) }, lessonSlug },
      select: { userId: true, timeSpentSec: true },
    });
    return new Map(rows.map((r) => [r.userId, r.timeSpentSec]));
  } finally {
    await db.$disconnect();
  }
}
