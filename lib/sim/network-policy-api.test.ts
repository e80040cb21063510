import { describe, expect, it } from "vitest";
import { Cluster } from "./cluster";
import { networkPolicyFromManifest } from "./network-policy-api";

// Defaulting: pkg/apis/networking/v1/defaults.go; validation: pkg/apis/networking/validation/validation.go.
const build = (spec: Parameters<typeof networkPolicyFromManifest>[1]["spec"]) =>
  networkPolicyFromManifest(new Cluster(), { name: "p", namespace: "default", spec });

describe("NetworkPolicy defaulting and validation", () => {
  it("defaults policyTypes to Ingress, adding Egress only when egress rules exist", () => {
    expect(build({}).spec.policyTypes).toEqual(["Ingress"]);
    expect(build({ egress: [] }).spec.policyTypes).toEqual(["Ingress"]);
    expect(build({ egress: [{}] }).spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(build({ policyTypes: ["Egress"] }).spec.policyTypes).toEqual(["Egress"]);
  });

  it("defaults a missing podSelector to {} and every port's protocol to TCP", () => {
    const p = build({ ingress: [{ ports: [{ port: 80 }, { protocol: "UDP", port: 53 }] }] });
    expect(p.spec.podSelector).toEqual({});
    expect(p.spec.ingress![0].ports).toEqual([
      { protocol: "TCP", port: 80 },
      { protocol: "UDP", port: 53 },
    ]);
  });

  it("refuses unknown policy types, empty peers, bad endPorts and except blocks outside the cidr", () => {
    expect(() => build({ policyTypes: ["Both"] })).toThrow(
      'spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"',
    );
    expect(() => build({ egress: [{ to: [{}] }] })).toThrow(
      "spec.egress[0].to[0]: Required value: must specify a peer",
    );
    expect(() => build({ ingress: [{ ports: [{ port: 9000, endPort: 8000 }] }] })).toThrow(
      "spec.ingress[0].ports[0].endPort: Invalid value: 8000: must be greater than or equal to `port`",
    );
    expect(() =>
      build({ ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["192.168.0.0/16"] } }] }] }),
    ).toThrow(
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
    );
  });
});
