import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp } from "./client-ip";
import { installForwardedForGuard } from "./forwarded-for-guard";

describe("clientIp", () => {
  it("takes the last X-Forwarded-For entry: the peer, or what the trusted proxy saw", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    // A client can put anything first; only the entry our proxy appended counts.
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers())).toBe("unknown");
  });

  it("throttles IPv6 by /64 and reads IPv4-mapped addresses as IPv4", () => {
    expect(normaliseIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseIp("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("2001:db8:1:2::99")).toBe("2001:db8:1:2::/64");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseIp("[::1]")).toBe("0:0:0:0::/64");
    expect(normaliseIp("198.51.100.4")).toBe("198.51.100.4");
  });
});

/** One request to a real HTTP server in this process; returns the X-Forwarded-For its handler saw. */
async function forwardedForSeen(sent: string): Promise<string | undefined> {
  let seen: string | undefined;
  const server = http.createServer((req, res) => {
    seen = req.headers["x-forwarded-for"] as string | undefined;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": sent } }).then((r) => r.text());
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return seen;
}

describe("the X-Forwarded-For guard (instrumentation.ts)", () => {
  it("drops a client-sent X-Forwarded-For unless TRUST_PROXY=1, before any handler runs", async () => {
    const env: Record<string, string | undefined> = {};
    installForwardedForGuard(env);
    // Without a trusted proxy the header is gone, so Next.js fills it in from the socket.
    expect(await forwardedForSeen("6.6.6.6")).toBeUndefined();
    env.TRUST_PROXY = "1";
    expect(await forwardedForSeen("203.0.113.9")).toBe("203.0.113.9");
  });
});
