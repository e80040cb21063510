import { describe, expect, it } from "vitest";
import { indefiniteArticle, withArticle } from "./articles";

describe("indefinite articles", () => {
  it.each([
    ["ClusterIP", "a"],
    ["Pod IP", "a"],
    ["odd-one-out", "an"],
    ["ordering", "an"],
    ["single", "a"],
    ["IPVS scheduler", "an"],
    ["SRV record", "an"],
    ["A record", "an"],
    ["PTR record", "a"],
    ["CNAME", "a"],
    ["ExternalName Service", "an"],
    ["EndpointSlice", "an"],
    ["iptables rule", "an"],
    ["unique name", "a"],
    ["hour", "an"],
    ["NodePort", "a"],
  ])("%s takes %s", (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it("lets an author say a name is a mass noun", () => {
    expect(withArticle("session affinity", "none")).toBe("session affinity");
    expect(withArticle("ordering")).toBe("an ordering");
  });
});
