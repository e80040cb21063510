import { describe, expect, it } from "vitest";
import { hookSeconds, secondsToStop, stopBehaviour } from "./termination";
import type { Container } from "./types";

const c = (image: string, extra: Partial<Container> = {}): Container => ({ name: "c", image, ...extra });

describe("what the main process does on the stop signal (termination.ts)", () => {
  it("servers exit: nginx (STOPSIGNAL SIGQUIT), agnhost (Go), the ingress-nginx controller, an unknown app", () => {
    for (const image of [
      "nginx",
      "nginx:1.27-alpine",
      "registry.k8s.io/e2e-test-images/agnhost:2.52",
      "registry.k8s.io/ingress-nginx/controller:v1.11.2",
      "example/shop:3",
    ])
      expect(stopBehaviour(c(image)), image).toBe("exits");
  });

  it("a shell or sleep as PID 1 has no handler, so SIGTERM never reaches it", () => {
    expect(stopBehaviour(c("busybox", { args: ["sleep", "3600"] }))).toBe("ignores");
    expect(stopBehaviour(c("curlimages/curl", { command: ["sleep", "3600"] }))).toBe("ignores");
    expect(stopBehaviour(c("busybox"))).toBe("ignores");
    // nginx started by a shell that stays PID 1 (`&&` keeps sh as the parent): the shell gets the signal.
    expect(stopBehaviour(c("nginx", { command: ["sh", "-c", "touch /tmp/ready && nginx -g 'daemon off;'"] }))).toBe(
      "ignores",
    );
  });

  it("a shell that execs its program hands PID 1 to it; one that traps TERM exits", () => {
    expect(
      stopBehaviour(c("nginx:1.27", { command: ["sh", "-c", "touch /tmp/ready && exec nginx -g 'daemon off;'"] })),
    ).toBe("exits");
    expect(stopBehaviour(c("busybox", { command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"] }))).toBe(
      "exits",
    );
  });
});

describe("the shutdown's length (killContainer: preStop, then the grace period left, at least 2 s)", () => {
  it("adds a preStop hook's sleep, bounded by the grace period", () => {
    expect(hookSeconds({ sleep: { seconds: 5 } })).toBe(5);
    expect(hookSeconds({ exec: { command: ["sh", "-c", "sleep 8"] } })).toBe(8);
    expect(secondsToStop(c("nginx", { lifecycle: { preStop: { sleep: { seconds: 5 } } } }), 30)).toEqual({
      seconds: 5,
      killed: false,
    });
    expect(secondsToStop(c("nginx", { lifecycle: { preStop: { sleep: { seconds: 50 } } } }), 30)).toEqual({
      seconds: 30,
      killed: false,
    });
  });

  it("kills a process that ignores the signal when the grace period ends, never sooner than 2 s", () => {
    const sleeper = c("busybox", { args: ["sleep", "3600"] });
    expect(secondsToStop(sleeper, 30)).toEqual({ seconds: 30, killed: true });
    expect(secondsToStop(sleeper, 1)).toEqual({ seconds: 2, killed: true });
    const hooked = c("busybox", { args: ["sleep", "3600"], lifecycle: { preStop: { sleep: { seconds: 29 } } } });
    expect(secondsToStop(hooked, 30)).toEqual({ seconds: 31, killed: true });
  });
});
