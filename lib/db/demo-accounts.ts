import type { UserRole } from "./user-repository";

/** The accounts `npm start` seeds, also listed in README; never use them on a public server. */
export const DEMO_ACCOUNTS: { email: string; name: string; password: string; role: UserRole }[] = [
  { email: "learner@example.com", name: "Demo Learner", password: "learn-kubernetes", role: "LEARNER" },
  { email: "instructor@example.com", name: "Demo Instructor", password: "teach-kubernetes", role: "INSTRUCTOR" },
];
