// Run by e2e/account-deletion.spec.ts under tsx (the spec's own process never loads the Prisma
// client): makes the account with this e-mail an instructor with two classes, three learners'
// enrolments in them, and one LTI platform registration from which launches made two accounts.
// Usage: DATABASE_URL=… tsx e2e/seed-teaching.ts <email>
import { randomBytes } from "node:crypto";
import { createDb } from "../lib/db/create-db";

async function main(email: string) {
  const db = createDb();
  const tag = () => randomBytes(6).toString("hex");
  try {
    const user = await db.user.update({ where: { email }, data: { role: "INSTRUCTOR" }, select: { id: true } });
    const learner = () =>
      db.user.create({ data: { email: `${tag()}@seed.invalid`, name: "Seeded learner", passwordHash: "x" } });
    const classes = await Promise.all(
      ["Seeded class A", "Seeded class B"].map((name) =>
        db.class.create({ data: { instructorId: user.id, name, joinCode: tag().toUpperCase(), timeZone: "UTC" } }),
      ),
    );
    const [a, b] = await Promise.all([learner(), learner()]);
    await db.classMember.createMany({
      data: [
        { classId: classes[0].id, userId: a.id },
        { classId: classes[0].id, userId: b.id },
        { classId: classes[1].id, userId: a.id },
      ],
    });
    const platform = await db.ltiPlatform.create({
      data: {
        instructorId: user.id,
        name: "Seeded LMS",
        issuer: `https://lms-${tag()}.invalid`,
        clientId: "kubelearn",
        authLoginUrl: "https://lms.invalid/auth",
        authTokenUrl: "https://lms.invalid/token",
        jwksUrl: "https://lms.invalid/jwks",
        deploymentIds: JSON.stringify(["1"]),
      },
    });
    for (const sub of ["lms-user-1", "lms-user-2"])
      await db.user.create({
        data: {
          email: `${tag()}@lti.invalid`,
          name: `Launched ${sub}`,
          passwordHash: "lti-account:no-password",
          ltiAccount: { create: { platformId: platform.id, sub } },
        },
      });
    console.log(`seeded teaching for ${email}`);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv[2] ?? "").catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
