import { describe, expect, it } from "vitest";
import { crossNamespaceNames, ndotsExternalName, trailingDot } from "./dns-search";
import { correctTexts, variants } from "./scenario-test-support";

// resolv.conf(5): a name with fewer dots than ndots is tried with each search domain first, then as
// is; with at least ndots dots, as is first; a name ending in a dot is never searched. The kubelet's
// ClusterFirst search list is <ns>.svc.<zone> svc.<zone> <zone> with ndots:5 (pkg/kubelet/network/dns).
describe("search list scenarios", () => {
  it("ndots-external-name: 4 names below five dots (three search domains, then as is), 1 name from five dots", () => {
    const counts = new Set<string>();
    for (const q of variants(ndotsExternalName)) {
      const dots = Number(/\((\d) dots?,/.exec(q.prompt)![1]);
      const expected = dots < 5 ? "4 names" : "1 name: the name as typed";
      counts.add(expected);
      expect(correctTexts(q), q.prompt).toEqual([expected]);
    }
    expect(counts.size).toBe(2);
  });

  it("cross-namespace-names: the short name misses; <svc>.<ns>, <svc>.<ns>.svc and the full name resolve", () => {
    for (const q of variants(crossNamespaceNames, 8)) {
      const [, app, ns] = /Service (\S+) lives in namespace (\S+);/.exec(q.prompt)!;
      expect(correctTexts(q).sort()).toEqual(
        [`${app}.${ns}`, `${app}.${ns}.svc`, `${app}.${ns}.svc.cluster.local`].sort(),
      );
    }
  });

  it("trailing-dot: only the full name with a final dot resolves; shorter absolute names are not searched", () => {
    for (const q of variants(trailingDot)) {
      const name = /nslookup (\S+)`/.exec(q.prompt)![1];
      expect(correctTexts(q)).toEqual([name.endsWith(".svc.cluster.local.") ? "True" : "False"]);
    }
  });
});
