import { describe, expect, it } from "vitest";
import { ClusterIPAllocator, NodePortAllocator, PodIPAM, staticBandSize } from "./allocators";
import { parseCidr, parseIPv4 } from "./ip";
import { Rng } from "./rng";
import { harness } from "./test-support/harness";

// Service IP allocation follows KEP-3070 (reserved ranges for static and dynamic Service IPs) and
// NodePorts KEP-3668: dynamic allocation prefers the upper band, so requested values rarely collide.
describe("static band sizes", () => {
  it("uses min(max(16, size/16), 256) for Service IP ranges", () => {
    expect(staticBandSize(2 ** 20, 16, 256)).toBe(256); // 10.96.0.0/12
    expect(staticBandSize(2 ** 12, 16, 256)).toBe(256); // /20: 4096/16 = 256
    expect(staticBandSize(2 ** 10, 16, 256)).toBe(64); // /22
    expect(staticBandSize(2 ** 7, 16, 256)).toBe(16); // /25: never below 16
  });
  it("has no static band for ranges smaller than 16", () => {
    expect(staticBandSize(8, 16, 256)).toBe(0);
  });
  it("uses min(max(16, size/32), 128) for the NodePort range", () => {
    expect(staticBandSize(32767 - 30000 + 1, 32, 128)).toBe(86);
    expect(staticBandSize(10000, 32, 128)).toBe(128);
  });
});

describe("ClusterIPAllocator", () => {
  const cidr = parseCidr("10.96.0.0/12");
  const upperBandStart = parseIPv4("10.96.0.1")! + 256;

  it("allocates dynamic addresses only from the upper band while it has room", () => {
    const alloc = new ClusterIPAllocator(cidr, new Rng(7));
    for (let i = 0; i < 500; i++) {
      const ip = alloc.allocateNext();
      expect(typeof ip).toBe("string");
      expect(parseIPv4(ip as string)!).toBeGreaterThanOrEqual(upperBandStart);
    }
  });

  it("honours a requested address once and rejects the second request with the API server's message", () => {
    const alloc = new ClusterIPAllocator(cidr, new Rng(1));
    expect(alloc.allocate("10.96.0.10")).toBeNull();
    expect(alloc.allocate("10.96.0.10")).toEqual({ kind: "allocated", message: "provided IP is already allocated" });
  });

  it("rejects an address outside the range, and the network and broadcast addresses", () => {
    const alloc = new ClusterIPAllocator(cidr, new Rng(1));
    const outside = {
      kind: "not-in-range",
      message: "the provided IP (10.200.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12",
    };
    expect(alloc.allocate("10.200.0.5")).toEqual(outside);
    expect(alloc.allocate("10.96.0.0")?.kind).toBe("not-in-range");
    expect(alloc.allocate("10.111.255.255")?.kind).toBe("not-in-range");
    expect(alloc.allocate("10.111.255.254")).toBeNull();
  });

  it("never hands out the network or broadcast address of a small range (pkg/registry/core/service/ipallocator)", () => {
    const alloc = new ClusterIPAllocator(parseCidr("10.0.0.0/29"), new Rng(5));
    const got = Array.from({ length: 6 }, () => alloc.allocateNext() as string).sort();
    expect(got).toEqual(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"]);
    expect(alloc.allocateNext()).toEqual({ kind: "full", message: "range is full" });
    expect(alloc.allocate("10.0.0.7")?.kind).toBe("not-in-range");
  });

  it("falls back to the lower band when the upper band is full, then reports a full range", () => {
    const small = parseCidr("10.0.0.0/27"); // 30 usable, static band 16
    const alloc = new ClusterIPAllocator(small, new Rng(3));
    const got = new Set<string>();
    for (let i = 0; i < 30; i++) got.add(alloc.allocateNext() as string);
    expect(got.size).toBe(30);
    const firstFourteen = [...got].slice(0, 14).map((ip) => parseIPv4(ip)! - small.base - 1);
    expect(firstFourteen.every((offset) => offset >= 16)).toBe(true);
    expect(alloc.allocateNext()).toEqual({ kind: "full", message: "range is full" });
  });

  it("makes a released address available again", () => {
    const alloc = new ClusterIPAllocator(cidr, new Rng(1));
    expect(alloc.allocate("10.96.5.5")).toBeNull();
    alloc.release("10.96.5.5");
    expect(alloc.allocate("10.96.5.5")).toBeNull();
  });

  it("is deterministic for a seed", () => {
    const run = (seed: number) => {
      const alloc = new ClusterIPAllocator(cidr, new Rng(seed));
      return [1, 2, 3].map(() => alloc.allocateNext());
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });
});

describe("NodePortAllocator", () => {
  it("allocates in 30000-32767, preferring ports above the static band", () => {
    const alloc = new NodePortAllocator(30000, 32767, new Rng(5));
    for (let i = 0; i < 300; i++) {
      const port = alloc.allocateNext() as number;
      expect(port).toBeGreaterThanOrEqual(30000 + 86);
      expect(port).toBeLessThanOrEqual(32767);
    }
  });
  it("rejects a port outside the range and a port already taken", () => {
    const alloc = new NodePortAllocator(30000, 32767, new Rng(5));
    expect(alloc.allocate(8080)).toEqual({
      kind: "not-in-range",
      message: "provided port is not in the valid range. The range of valid ports is 30000-32767",
    });
    expect(alloc.allocate(30080)).toBeNull();
    expect(alloc.allocate(30080)).toEqual({ kind: "allocated", message: "provided port is already allocated" });
  });
});

describe("PodIPAM (host-local)", () => {
  it("starts after the gateway and does not hand a freed address straight back", () => {
    const ipam = new PodIPAM(parseCidr("10.244.1.0/24"));
    expect(ipam.allocate()).toBe("10.244.1.2");
    expect(ipam.allocate()).toBe("10.244.1.3");
    ipam.release("10.244.1.2");
    expect(ipam.allocate()).toBe("10.244.1.4");
  });
  it("wraps around to freed addresses and reports exhaustion", () => {
    const ipam = new PodIPAM(parseCidr("10.244.1.0/29")); // .2-.6 usable
    const all = [1, 2, 3, 4, 5].map(() => ipam.allocate());
    expect(all).toEqual(["10.244.1.2", "10.244.1.3", "10.244.1.4", "10.244.1.5", "10.244.1.6"]);
    expect(ipam.allocate()).toBeNull();
    ipam.release("10.244.1.3");
    expect(ipam.allocate()).toBe("10.244.1.3");
  });
  it("continues after the last reservation of a node that handed out addresses before", () => {
    const ipam = new PodIPAM(parseCidr("10.244.1.0/24"), 40);
    expect(ipam.allocate()).toBe("10.244.1.42");
    expect(ipam.allocate()).toBe("10.244.1.43");
  });
});

describe("pod addresses and the seed (ClusterOptions.podIPStart)", () => {
  const firstWebIPs = (options: { seed: number; podIPStart?: "fresh" | "seeded" }) => {
    const h = harness(options);
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("sleep 10");
    return h.ipsOf("web-");
  };

  it("fresh nodes hand out .2 on, whatever the seed (the default)", () => {
    for (const seed of [1, 2, 3]) for (const ip of firstWebIPs({ seed })) expect(ip).toMatch(/^10\.244\.[12]\.[2-9]$/);
  });

  it("seeded: the same seed gives the same addresses, and the addresses vary with the seed", () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const runs = seeds.map((seed) => firstWebIPs({ seed, podIPStart: "seeded" }).join(" "));
    expect(seeds.map((seed) => firstWebIPs({ seed, podIPStart: "seeded" }).join(" "))).toEqual(runs);
    expect(new Set(runs).size).toBeGreaterThan(4);
  });
});
