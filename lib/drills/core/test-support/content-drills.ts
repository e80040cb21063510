import path from "node:path";
import { loadContent } from "../../../content/load-content";
import { loadDrills } from "../load-drills";
import { parseDrill } from "../parse-drill";

/** The drills in content/, loaded once per test file. */
export const { drills, problems } = loadDrills(path.resolve("content"));
/** The lessons a drill may name in these tests: every lesson in content/, drafts included. */
export const lessons = new Set(
  loadContent(path.resolve("content"), { includeDrafts: true }).lessons.map((l) => l.slug),
);
export const bySlug = (slug: string) => drills.find((d) => d.slug === slug)!;

/** A drill file with the given YAML `steps:` entries, for tests of mistakes in drill files. */
const base = `---
title: T
slug: t
lesson: cluster-ip-vs-pod-ip
order: 1
summary: S
seed: 1
setup:
  - kubectl create deployment web --image=nginx --replicas=2
  - kubectl expose deployment web --port=80
steps:
STEPS
---
`;
export const parseSteps = (steps: string) => parseDrill(base.replace("STEPS", steps), "bad.md", "services");
