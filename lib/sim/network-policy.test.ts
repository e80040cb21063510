import { describe, expect, it } from "vitest";
import {
  evaluateConnection,
  ipBlockContains,
  type PolicyConnection,
  type PolicyEndpoint,
  type PolicyPod,
  type PolicyWorld,
} from "./network-policy";
import type { NetworkPolicy, Protocol } from "./types";

// Rules from staging/src/k8s.io/api/networking/v1/types.go (field docs) and
// kubernetes.io/docs/concepts/services-networking/network-policies/.

const pod = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
  extra: Partial<PolicyPod> = {},
): PolicyPod => ({ name, namespace, labels, ports: [], nodeIP: "172.18.0.3", ...extra });
const at = (ip: string, p: PolicyPod): PolicyEndpoint => ({ ip, pod: p });

const web = at(
  "10.244.1.10",
  pod("web", "default", { app: "web" }, { ports: [{ name: "http", containerPort: 8080 }] }),
);
const client = at("10.244.2.20", pod("client", "default", { app: "client" }, { nodeIP: "172.18.0.4" }));
const monitor = at("10.244.2.30", pod("prom", "monitoring", { app: "prom" }, { nodeIP: "172.18.0.4" }));
const monitorClient = at("10.244.2.31", pod("client", "monitoring", { app: "client" }, { nodeIP: "172.18.0.4" }));

function policy(name: string, spec: Partial<NetworkPolicy["spec"]>, namespace = "default"): NetworkPolicy {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace, uid: name, creationTimestamp: "", resourceVersion: "" },
    spec: { podSelector: {}, policyTypes: ["Ingress"], ...spec },
  };
}

const world = (...policies: NetworkPolicy[]): PolicyWorld => ({
  policies,
  namespaceLabels: (ns) => ({ "kubernetes.io/metadata.name": ns, ...(ns === "monitoring" ? { team: "ops" } : {}) }),
});

const conn = (
  source: PolicyEndpoint,
  destination: PolicyEndpoint,
  port = 8080,
  protocol: Protocol = "TCP",
): PolicyConnection => ({ source, destination, port, protocol });

const allowed = (w: PolicyWorld, c: PolicyConnection) => evaluateConnection(w, c).allowed;

describe("isolation (concepts page: 'Pods become isolated by having a NetworkPolicy that selects them')", () => {
  it("allows everything while no policy selects either pod (default allow)", () => {
    expect(allowed(world(), conn(client, web))).toBe(true);
    expect(allowed(world(policy("other", { podSelector: { matchLabels: { app: "db" } } })), conn(client, web))).toBe(
      true,
    );
  });

  it("an ingress policy with no rules isolates the selected pods and allows nothing in", () => {
    const w = world(policy("deny-in", {}));
    const verdict = evaluateConnection(w, conn(client, web));
    expect(verdict).toMatchObject({ allowed: false, direction: "Ingress", policies: ["deny-in"] });
  });

  it("isolates per direction: an Ingress-only policy leaves the pod's egress open", () => {
    const w = world(policy("deny-in", {}));
    expect(allowed(w, conn(web, monitor, 9090))).toBe(true);
  });

  it("an Egress policy with no rules blocks the selected pods' new connections out", () => {
    const w = world(policy("deny-out", { policyTypes: ["Egress"] }));
    expect(evaluateConnection(w, conn(client, web))).toMatchObject({ allowed: false, direction: "Egress" });
  });

  it("a policy in another namespace does not select the pod", () => {
    expect(allowed(world(policy("deny-in", {}, "monitoring")), conn(client, web))).toBe(true);
  });

  it("adds rules of all policies selecting a pod (union): one allowing is enough", () => {
    const w = world(
      policy("deny-in", {}),
      policy("allow-client", { ingress: [{ from: [{ podSelector: { matchLabels: { app: "client" } } }] }] }),
    );
    expect(allowed(w, conn(client, web))).toBe(true);
    expect(allowed(w, conn(monitor, web))).toBe(false);
  });

  it("needs both ends: the source's egress and the destination's ingress", () => {
    const egressOnly = world(
      policy("client-out", {
        podSelector: { matchLabels: { app: "client" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ podSelector: { matchLabels: { app: "web" } } }] }],
      }),
      policy("web-in", { podSelector: { matchLabels: { app: "web" } } }),
    );
    expect(evaluateConnection(egressOnly, conn(client, web))).toMatchObject({ allowed: false, direction: "Ingress" });
  });

  it("never checks replies: the destination's own egress isolation does not stop an allowed connection", () => {
    const w = world(policy("web-no-out", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"] }));
    expect(allowed(w, conn(client, web))).toBe(true);
  });

  it("an empty rule ({}) allows every source on every port", () => {
    expect(allowed(world(policy("all-in", { ingress: [{}] })), conn(monitor, web, 1234))).toBe(true);
  });

  it("a pod cannot block itself, and its own node always reaches it", () => {
    const w = world(policy("deny-all", { policyTypes: ["Ingress", "Egress"] }));
    expect(allowed(w, conn(web, web))).toBe(true);
    expect(allowed(w, conn({ ip: "172.18.0.3" }, web))).toBe(true);
    expect(allowed(w, conn({ ip: "172.18.0.4" }, web))).toBe(false);
  });
});

describe("peers (types.go NetworkPolicyPeer)", () => {
  const from = (...peers: NonNullable<NetworkPolicy["spec"]["ingress"]>[number]["from"] & object) =>
    world(policy("in", { ingress: [{ from: peers }] }));

  it("podSelector alone selects pods in the policy's own namespace only", () => {
    const w = from({ podSelector: { matchLabels: { app: "client" } } });
    expect(allowed(w, conn(client, web))).toBe(true);
    expect(allowed(w, conn(monitorClient, web))).toBe(false);
  });

  it("namespaceSelector alone selects every pod of the matching namespaces", () => {
    const w = from({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } });
    expect(allowed(w, conn(monitor, web))).toBe(true);
    expect(allowed(w, conn(monitorClient, web))).toBe(true);
    expect(allowed(w, conn(client, web))).toBe(false);
  });

  it("both selectors in one peer are ANDed: those pods in those namespaces", () => {
    const w = from({
      namespaceSelector: { matchLabels: { team: "ops" } },
      podSelector: { matchLabels: { app: "prom" } },
    });
    expect(allowed(w, conn(monitor, web))).toBe(true);
    expect(allowed(w, conn(monitorClient, web))).toBe(false);
  });

  it("the same selectors as two peers are ORed", () => {
    const w = from(
      { namespaceSelector: { matchLabels: { team: "ops" } } },
      { podSelector: { matchLabels: { app: "prom" } } },
    );
    expect(allowed(w, conn(monitorClient, web))).toBe(true);
    expect(allowed(w, conn(client, web))).toBe(false);
  });

  it("an empty namespaceSelector selects all namespaces", () => {
    expect(allowed(from({ namespaceSelector: {} }), conn(monitorClient, web))).toBe(true);
  });

  it("ipBlock matches addresses in cidr but not in except", () => {
    const w = from({ ipBlock: { cidr: "172.18.0.0/16", except: ["172.18.0.4/32"] } });
    expect(allowed(w, conn({ ip: "172.18.0.1" }, web))).toBe(true);
    expect(allowed(w, conn({ ip: "172.18.0.4" }, web))).toBe(false);
  });

  it("selectors never match a node or an address outside the pod network", () => {
    expect(allowed(from({ namespaceSelector: {} }), conn({ ip: "172.18.0.1" }, web))).toBe(false);
  });

  it("ipBlock takes any prefix from /0 to /32", () => {
    expect(ipBlockContains({ cidr: "0.0.0.0/0" }, "93.184.215.14")).toBe(true);
    expect(ipBlockContains({ cidr: "0.0.0.0/0", except: ["93.184.215.14/32"] }, "93.184.215.14")).toBe(false);
    expect(ipBlockContains({ cidr: "10.0.0.0/8" }, "11.0.0.1")).toBe(false);
  });
});

describe("ports (types.go NetworkPolicyPort)", () => {
  const onPorts = (...ports: NonNullable<NetworkPolicy["spec"]["ingress"]>[number]["ports"] & object) =>
    world(policy("in", { ingress: [{ ports }] }));

  it("matches the destination port and the protocol (TCP when unset)", () => {
    const w = onPorts({ port: 8080 });
    expect(allowed(w, conn(client, web, 8080))).toBe(true);
    expect(allowed(w, conn(client, web, 80))).toBe(false);
    expect(allowed(w, conn(client, web, 8080, "UDP"))).toBe(false);
  });

  it("endPort makes an inclusive range", () => {
    const w = onPorts({ protocol: "TCP", port: 8000, endPort: 8080 });
    expect(allowed(w, conn(client, web, 8080))).toBe(true);
    expect(allowed(w, conn(client, web, 8081))).toBe(false);
  });

  it("a named port is the destination pod's container port of that name", () => {
    const w = onPorts({ port: "http" });
    expect(allowed(w, conn(client, web, 8080))).toBe(true);
    expect(allowed(w, conn(client, web, 80))).toBe(false);
  });

  it("a rule needs its ports and its peers to match together", () => {
    const w = world(
      policy("in", {
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "client" } } }], ports: [{ port: 80 }] }],
      }),
    );
    expect(allowed(w, conn(client, web, 8080))).toBe(false);
    expect(allowed(w, conn(monitor, web, 80))).toBe(false);
    expect(allowed(w, conn(client, web, 80))).toBe(true);
  });

  it("on egress a named port is looked up on the destination, so it never matches an outside address", () => {
    const w = world(policy("out", { policyTypes: ["Egress"], egress: [{ ports: [{ port: "http" }] }] }));
    expect(allowed(w, conn(client, web, 8080))).toBe(true);
    expect(allowed(w, conn(client, { ip: "93.184.215.14" }, 8080))).toBe(false);
  });
});
