import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl describe", () => {
  it("describes a Service with its endpoints", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80 --target-port=80");
    const out = h.ok("kubectl describe service web");
    const endpoints = h.ipsOf("web-").map((ip) => `${ip}:80`);
    expect(out).toMatch(/Endpoints:\s+(\S+)/);
    expect(
      out
        .match(/Endpoints:\s+(\S+)/)![1]
        .split(",")
        .sort(),
    ).toEqual(endpoints.sort());
  });
});
