import { describe, expect, it } from "vitest";
import type { SingleQuestion } from "../kinds/single";
import { noContainerPort, servicePortOnNode, targetPortDefault } from "./service-ports";

// Rules: targetPort defaults to port (pkg/apis/core/v1/defaults.go SetDefaults_Service); a Pod's
// containerPort list is informational (Container v1 API reference, `ports`); only the nodePort is
// forwarded on a node's address ("Service", type NodePort, in the Kubernetes documentation).
const rightText = (q: SingleQuestion) => q.options.find((o) => o.id === q.answer)!.text;
const SEEDS = [1, 2, 3, 17, 4242];

describe("service port scenarios", () => {
  it("target-port-default: a Service on another port than the server, without targetPort, is refused", () => {
    for (const seed of SEEDS) {
      const q = targetPortDefault.build(seed) as SingleQuestion;
      expect(rightText(q)).toBe("The connection is refused at once");
      // The evidence shows the defaulted targetPort: the same number as the Service port.
      const port = /--port=(\d+)/.exec(q.prompt)![1];
      expect(q.evidence?.[0].output).toBe(port);
    }
  });

  it("no-container-port: a pod that declares no containerPort still answers on the port it listens on", () => {
    for (const seed of SEEDS)
      expect(rightText(noContainerPort.build(seed) as SingleQuestion)).toBe("One of the pods answers with its name");
  });

  it("service-port-on-node: a node's address at the Service port (not the node port) is refused", () => {
    for (const seed of SEEDS)
      expect(rightText(servicePortOnNode.build(seed) as SingleQuestion)).toBe("The connection is refused at once");
  });

  it("builds the same question from the same seed", () => {
    for (const t of [targetPortDefault, noContainerPort, servicePortOnNode]) expect(t.build(9)).toEqual(t.build(9));
  });
});
