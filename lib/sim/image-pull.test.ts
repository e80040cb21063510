import { describe, expect, it } from "vitest";
import { defaultPullPolicy, goDuration, pulledMessage, pullMilliseconds } from "./image-pull";

describe("image pulls (SetDefaults_Container, image_manager.go)", () => {
  it("defaults imagePullPolicy to Always for an untagged or :latest image, else IfNotPresent", () => {
    expect(defaultPullPolicy("nginx")).toBe("Always");
    expect(defaultPullPolicy("nginx:latest")).toBe("Always");
    expect(defaultPullPolicy("localhost:5000/app")).toBe("Always");
    expect(defaultPullPolicy("nginx:1.27")).toBe("IfNotPresent");
    expect(defaultPullPolicy("nginx@sha256:0123")).toBe("IfNotPresent");
  });

  it("takes about a second and a half for nginx and under a second for busybox, the same every time", () => {
    expect(pullMilliseconds("nginx")).toBeGreaterThanOrEqual(1000);
    expect(pullMilliseconds("nginx")).toBeLessThan(2000);
    expect(pullMilliseconds("busybox")).toBeLessThan(1000);
    expect(pullMilliseconds("nginx")).toBe(pullMilliseconds("nginx"));
  });

  it("words the Pulled event as the kubelet does, with Go's duration format", () => {
    expect(goDuration(830)).toBe("830ms");
    expect(goDuration(1393)).toBe("1.393s");
    expect(goDuration(2000)).toBe("2s");
    expect(pulledMessage("busybox", 1627)).toMatch(
      /^Successfully pulled image "busybox" in 1\.627s \(1\.627s including waiting\)\. Image size: \d+ bytes\.$/,
    );
  });
});
