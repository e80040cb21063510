import { describe, expect, it } from "vitest";
import { Rng } from "./rng";
import { Timers } from "./timers";

// The kubelet's timers (timers.ts) answer what a scan over every timer answers: which are due now,
// and the earliest of all, through random sets, deletes, clears and clock steps.
describe("Timers", () => {
  for (let seed = 1; seed <= 5; seed++)
    it(`finds the due and the earliest timers as a scan does (seed ${seed})`, () => {
      const r = new Rng(seed);
      const timers = new Timers();
      let now = 0;
      for (let step = 0; step < 3000; step++) {
        const op = r.int(10);
        const key = `ns/pod-${r.int(40)}`;
        if (op < 5) timers.set(key, now + r.int(50) - 5);
        else if (op < 7) timers.delete(key);
        else if (op === 7 && r.int(50) === 0) timers.clear();
        else now += r.int(8);
        const scanned = [...timers].filter(([, ms]) => ms <= now).map(([k]) => k);
        expect(timers.dueAt(now).sort()).toEqual(scanned.sort());
        expect(timers.earliest()).toBe(Math.min(Number.POSITIVE_INFINITY, ...timers.values()));
      }
    });
});
