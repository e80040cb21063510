import { describe, expect, it } from "vitest";
import type { MultipleQuestion } from "../kinds/multiple";
import type { SingleQuestion } from "../kinds/single";
import { orderedReadyWaits, statefulSetPodDns, statefulSetPodRecreated } from "./statefulsets";

// Rules: pkg/controller/statefulset (getPodName, initIdentity; OrderedReady in
// stateful_set_control.go) and the DNS specification 2.4.1 (an A record per endpoint hostname).
const SEEDS = [1, 2, 3, 17, 4242];
const rightTexts = (q: SingleQuestion | MultipleQuestion) =>
  q.options.filter((o) => (q.kind === "multiple" ? q.answer.includes(o.id) : o.id === q.answer)).map((o) => o.text);

describe("StatefulSet scenarios", () => {
  it("statefulset-pod-dns: <pod>.<serviceName> resolves to that pod's IP alone", () => {
    for (const seed of SEEDS)
      expect(rightTexts(statefulSetPodDns.build(seed) as SingleQuestion)).toEqual([
        expect.stringMatching(/^One address: the IP of pod web-\d$/),
      ]);
  });

  it("statefulset-pod-recreated: same name and DNS name, new IP, no random suffix", () => {
    for (const seed of SEEDS) {
      const right = rightTexts(statefulSetPodRecreated.build(seed) as MultipleQuestion);
      expect(right).toHaveLength(2);
      expect(right[0]).toMatch(/^A pod named web-\d is running again$/);
      expect(right[1]).toMatch(/^web-\d\.nginx resolves to the new pod's IP$/);
    }
  });

  it("ordered-ready-waits: no new ordinal while web-0 is not ready", () => {
    for (const seed of SEEDS)
      expect(rightTexts(orderedReadyWaits.build(seed) as SingleQuestion)).toEqual(["1: only web-0"]);
  });

  it("builds the same question from the same seed", () => {
    for (const t of [statefulSetPodDns, statefulSetPodRecreated, orderedReadyWaits])
      expect(t.build(9)).toEqual(t.build(9));
  });
});
