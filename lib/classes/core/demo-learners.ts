import type { Rng } from "../../quiz/core/seeded";
import { between, chance, normal, rngFor } from "./demo-random";

// Who the generated learners are: a readable name, an e-mail at example.test (a domain reserved
// for testing, RFC 2606), and how they study. Pure and seeded.

/**
 * How a learner studies. steady: most days, through the end; keen: nearly every day; occasional:
 * now and then, skipping some assignments; struggling: lower ability, skips more; lapsed: stopped
 * one to three weeks before the end; late-starter: joined in the second half.
 */
export const ARCHETYPES = ["steady", "keen", "occasional", "struggling", "lapsed", "late-starter"] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Learner i studies like ROTATION[i % 10]: every class of ten or more has each kind, and learner 0 is steady. */
const ROTATION: readonly Archetype[] = [
  "steady",
  "occasional",
  "keen",
  "struggling",
  "lapsed",
  "steady",
  "late-starter",
  "occasional",
  "lapsed",
  "steady",
];

interface ArchetypeTraits {
  /** Chance of a session on a given day. */
  sessionRate: number;
  /** Added to the learner's drawn ability. */
  abilityShift: number;
  /** Chance of skipping any one assignment altogether. */
  skipAssignment: number;
  /** The first day of activity, as a share of the period [from, to). */
  start: [number, number];
  /** Days before the end after which the learner does nothing more. */
  quietDays: [number, number];
}

const TRAITS: Record<Archetype, ArchetypeTraits> = {
  steady: { sessionRate: 0.55, abilityShift: 0.2, skipAssignment: 0, start: [0, 0.08], quietDays: [0, 0] },
  keen: { sessionRate: 0.85, abilityShift: 0.5, skipAssignment: 0, start: [0, 0.05], quietDays: [0, 0] },
  occasional: { sessionRate: 0.25, abilityShift: 0, skipAssignment: 0.45, start: [0, 0.3], quietDays: [0, 3] },
  struggling: { sessionRate: 0.4, abilityShift: -0.9, skipAssignment: 0.5, start: [0, 0.2], quietDays: [0, 2] },
  lapsed: { sessionRate: 0.5, abilityShift: 0, skipAssignment: 0.3, start: [0, 0.15], quietDays: [8, 22] },
  "late-starter": { sessionRate: 0.6, abilityShift: 0.1, skipAssignment: 0.2, start: [0.5, 0.7], quietDays: [0, 0] },
};

export interface LearnerProfile {
  index: number;
  name: string;
  email: string;
  archetype: Archetype;
  /** On a logit scale: 0 is a typical learner, ±1 a strong or weak one. */
  ability: number;
  sessionRate: number;
  /** The first and last day (0-based, inclusive) with any activity. */
  firstDay: number;
  lastDay: number;
  /** The hour of the day (UTC) the learner usually starts. */
  hour: number;
  /** Chance of skipping an assignment. */
  skipAssignment: number;
  /** Chance of taking a lesson's quiz right after finishing it. */
  quizAfterLesson: number;
  /** Chance of working on a drill in a session. */
  drillRate: number;
  /** Most flashcards reviewed in one session. */
  cardsPerSession: number;
}

// biome-ignore format: a table of names reads better in rows
const FIRST_NAMES = [
  "Ada", "Amara", "Aiko", "Alejandro", "Anika", "Bruno", "Chen", "Chiara", "Dmitri", "Elena",
  "Emeka", "Farah", "Fatima", "Gabriel", "Hana", "Hugo", "Ines", "Ivan", "Jonas", "Kai",
  "Kavya", "Leila", "Liam", "Lucia", "Malik", "Maya", "Mei", "Mateo", "Nadia", "Noah",
  "Nora", "Omar", "Oskar", "Priya", "Rafael", "Rosa", "Sami", "Sara", "Sofia", "Tariq",
  "Theo", "Uma", "Valentina", "Wei", "Yara", "Yusuf", "Zainab", "Zoe", "Arjun", "Ingrid",
];

// biome-ignore format: a table of names reads better in rows
const LAST_NAMES = [
  "Abara", "Andersen", "Bianchi", "Costa", "Dubois", "Eriksen", "Fernandez", "Fischer", "Garcia", "Haddad",
  "Ito", "Jensen", "Kim", "Kowalski", "Lindqvist", "Mensah", "Moreau", "Nakamura", "Novak", "Okafor",
  "Oliveira", "Park", "Petrov", "Quinn", "Rahman", "Rossi", "Santos", "Schmidt", "Silva", "Singh",
  "Tanaka", "Torres", "Ueda", "Vargas", "Weber", "Wong", "Yamamoto", "Yilmaz", "Zhang", "Zielinski",
];

const COMBINATIONS = FIRST_NAMES.length * LAST_NAMES.length;
/** Coprime with COMBINATIONS: i ↦ (i × STRIDE) mod COMBINATIONS visits every name pair once. */
const STRIDE = 1237;

/** Learner i's name and e-mail: unique for every i (past 2,000 learners the e-mail gets a number). */
export function learnerName(seed: number, index: number): { name: string; email: string } {
  const offset = rngFor(seed, "names").int(COMBINATIONS);
  const k = (offset + (index % COMBINATIONS) * STRIDE) % COMBINATIONS;
  const first = FIRST_NAMES[k % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(k / FIRST_NAMES.length)];
  const round = Math.floor(index / COMBINATIONS);
  const local = `${first}.${last}`.toLowerCase() + (round > 0 ? `.${round + 1}` : "");
  return { name: `${first} ${last}`, email: `${local}@example.test` };
}

const intBetween = (rng: Rng, [lo, hi]: [number, number]) => Math.floor(between(rng, lo, hi + 1));

/** Learner i of a class whose activity spans `days` days. */
export function learnerProfile(seed: number, index: number, days: number): LearnerProfile {
  const rng = rngFor(seed, "learner", index);
  const archetype = ROTATION[index % ROTATION.length];
  const traits = TRAITS[archetype];
  const firstDay = Math.min(days - 1, Math.floor(between(rng, traits.start[0], traits.start[1]) * days));
  const quiet = intBetween(rng, traits.quietDays);
  return {
    index,
    ...learnerName(seed, index),
    archetype,
    ability: 0.7 * normal(rng) + traits.abilityShift,
    sessionRate: Math.min(0.95, traits.sessionRate * between(rng, 0.8, 1.2)),
    firstDay,
    lastDay: Math.max(firstDay, days - 1 - quiet),
    hour: 7 + rng.int(14),
    skipAssignment: traits.skipAssignment,
    quizAfterLesson: chance(rng, 0.8) ? 0.9 : 0.5,
    drillRate: between(rng, 0.3, 0.7),
    cardsPerSession: 10 + rng.int(30),
  };
}
