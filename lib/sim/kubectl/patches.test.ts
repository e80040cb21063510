import { describe, expect, it } from "vitest";
import { type Json, jsonPatch, mergeKeyOf, mergePatch, PatchConflict, strategicMergePatch } from "./patches";

describe("JSON merge patch (RFC 7386)", () => {
  it("merges objects, removes keys set to null and replaces lists whole", () => {
    const target: Json = { a: 1, b: { c: 2, d: 3 }, list: [1, 2, 3] };
    expect(mergePatch(target, { b: { c: null, e: 4 }, list: [9] })).toEqual({ a: 1, b: { d: 3, e: 4 }, list: [9] });
  });
  it("leaves the target untouched", () => {
    const target: Json = { b: { c: 2 } };
    mergePatch(target, { b: { c: 3 } });
    expect(target).toEqual({ b: { c: 2 } });
  });
});

describe("strategic merge patch (apimachinery strategicpatch, patchMergeKey of core/v1)", () => {
  const deploymentKey = (path: string) => mergeKeyOf("Deployment", path);
  it("merges containers by name: other containers stay, a new name is appended", () => {
    const target: Json = {
      spec: {
        containers: [
          { name: "web", image: "nginx:1.25" },
          { name: "side", image: "busybox" },
        ],
      },
    };
    const result = strategicMergePatch(
      target,
      {
        spec: {
          containers: [
            { name: "web", image: "nginx:1.27" },
            { name: "new", image: "redis" },
          ],
        },
      },
      deploymentKey,
    );
    expect(result).toEqual({
      spec: {
        containers: [
          { name: "web", image: "nginx:1.27" },
          { name: "side", image: "busybox" },
          { name: "new", image: "redis" },
        ],
      },
    });
  });
  it("$patch: delete removes the item with that key", () => {
    const target: Json = { spec: { containers: [{ name: "a" }, { name: "b" }] } };
    expect(
      strategicMergePatch(target, { spec: { containers: [{ name: "a", $patch: "delete" }] } }, deploymentKey),
    ).toEqual({ spec: { containers: [{ name: "b" }] } });
  });
  it("a Service's ports merge by port, a container's by containerPort; keyless lists are replaced", () => {
    expect(mergeKeyOf("Service", "spec.ports")).toBe("port");
    expect(mergeKeyOf("Pod", "spec.containers.ports")).toBe("containerPort");
    expect(mergeKeyOf("Pod", "spec.tolerations")).toBeNull();
    const target: Json = {
      spec: {
        ports: [
          { port: 80, targetPort: 80 },
          { port: 443, targetPort: 443 },
        ],
        x: [1, 2],
      },
    };
    expect(
      strategicMergePatch(target, { spec: { ports: [{ port: 80, targetPort: 8080 }], x: [3] } }, (p) =>
        mergeKeyOf("Service", p),
      ),
    ).toEqual({
      spec: {
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 443, targetPort: 443 },
        ],
        x: [3],
      },
    });
  });
});

describe("JSON patch (RFC 6902)", () => {
  const doc: Json = { spec: { replicas: 2, ports: [{ port: 80 }], "a/b": 1 } };
  it("applies add, remove, replace, move, copy and test in order", () => {
    expect(
      jsonPatch(doc, [
        { op: "test", path: "/spec/replicas", value: 2 },
        { op: "replace", path: "/spec/replicas", value: 3 },
        { op: "add", path: "/spec/ports/-", value: { port: 443 } },
        { op: "add", path: "/spec/ports/0", value: { port: 22 } },
        { op: "remove", path: "/spec/a~1b" },
        { op: "copy", from: "/spec/replicas", path: "/spec/copy" },
        { op: "move", from: "/spec/copy", path: "/spec/moved" },
      ]),
    ).toEqual({ spec: { replicas: 3, ports: [{ port: 22 }, { port: 80 }, { port: 443 }], moved: 3 } });
  });
  it("fails as a whole when a test does not hold or a path is missing", () => {
    expect(() => jsonPatch(doc, [{ op: "test", path: "/spec/replicas", value: 5 }])).toThrow(PatchConflict);
    expect(() => jsonPatch(doc, [{ op: "remove", path: "/spec/nope" }])).toThrow(PatchConflict);
    expect(() => jsonPatch(doc, [{ op: "replace", path: "/spec/nope", value: 1 }])).toThrow(PatchConflict);
    expect(() => jsonPatch(doc, [{ op: "add", path: "/missing/child", value: 1 }])).toThrow(PatchConflict);
    expect(() => jsonPatch(doc, [{ op: "add", path: "/spec/ports/5", value: 1 }])).toThrow(PatchConflict);
    expect(doc).toEqual({ spec: { replicas: 2, ports: [{ port: 80 }], "a/b": 1 } });
  });
});
