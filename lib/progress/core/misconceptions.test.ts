import { describe, expect, it } from "vitest";
import { type ConceptAnswer, type MisconceptionSighting, misconceptionProfile } from "./misconceptions";

const at = (minutes: number) => new Date(Date.UTC(2026, 9, 1, 9, minutes));
const seen = (misconception: string, minutes: number, sectionId = "cluster-ip"): MisconceptionSighting => ({
  misconception,
  lessonSlug: "l1",
  sectionId,
  concepts: ["cluster-ip"],
  at: at(minutes),
});
const answered = (correct: boolean, minutes: number, concepts = ["cluster-ip"]): ConceptAnswer => ({
  lessonSlug: "l1",
  concepts,
  correct,
  at: at(minutes),
});

describe("misconception profile", () => {
  it("groups sightings of one misconception however it is spaced, newest section wins", () => {
    const profile = misconceptionProfile(
      [seen("The ClusterIP is a Pod's address", 1), seen("the clusterip is a  pod's address ", 5, "comparison")],
      [],
    );
    expect(profile).toEqual([
      {
        misconception: "the clusterip is a  pod's address ",
        lessonSlug: "l1",
        sectionId: "comparison",
        count: 2,
        firstSeen: at(1),
        lastSeen: at(5),
        resolved: false,
      },
    ]);
  });

  it("counts it put right after two right answers on its concepts since the last sighting", () => {
    const sightings = [seen("A", 10)];
    expect(misconceptionProfile(sightings, [answered(true, 5), answered(true, 6)])[0].resolved).toBe(false);
    expect(misconceptionProfile(sightings, [answered(true, 11), answered(false, 12)])[0].resolved).toBe(false);
    expect(misconceptionProfile(sightings, [answered(true, 11), answered(true, 12, ["pod-ip"])])[0].resolved).toBe(
      false,
    );
    expect(misconceptionProfile(sightings, [answered(true, 11), answered(true, 12)])[0].resolved).toBe(true);
  });

  it("lists open misconceptions first, each group newest first", () => {
    const profile = misconceptionProfile(
      [seen("old open", 1), seen("fixed", 2), seen("new open", 3)],
      [answered(true, 4, ["other"]), answered(true, 5, ["other"])],
    );
    expect(profile.map((p) => p.misconception)).toEqual(["new open", "fixed", "old open"]);
    const fixed = misconceptionProfile([seen("fixed", 2), seen("open", 1)], [answered(true, 3), answered(true, 4)]);
    // Both share the concept: the right answers after minute 2 put both right.
    expect(fixed.every((p) => p.resolved)).toBe(true);
  });
});
