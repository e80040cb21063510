import { curlOutcome } from "../../../sim/shell/read-output";
import { outcomeQuestion } from "./reachability";
import { Script } from "./script";
import { params, type ScenarioTemplate } from "./template";

// A curl client (busybox has no curl), so the outcome of a connection can be read from its exit code.
const CLIENT = "kubectl run client --image=curlimages/curl -- sleep 3600";

/** targetPort defaults to port: a Service on 8080 in front of a server on 80 sends traffic to :8080. */
export const targetPortDefault: ScenarioTemplate = {
  id: "target-port-default",
  kind: "single",
  concepts: ["target-port", "service-port"],
  sections: ["target-port-default", "target-port-what-it-is"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const port = [8080, 8000, 3000][rng.int(3)];
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --port=80 --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=${port}`);
    s.showCommand(CLIENT);
    s.observe(`kubectl get service ${app} -o jsonpath={.spec.ports[0].targetPort}`);
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}:${port}`);
    return {
      kind: "single",
      prompt: `nginx listens on port 80 in the pods of ${app}. You run \`kubectl expose deployment ${app} --port=${port}\` (no --target-port) and, from a client pod, \`curl ${app}:${port}\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `Without --target-port the Service's targetPort is ${port}, the same as its port. kube-proxy forwards the connection to port ${port} of a pod, where nothing listens, so the pod answers with a reset and the connection is refused. --target-port=80 fixes it.`,
    };
  },
};

/** containerPort is informational: a pod that declares no port is still reached on the port it listens on. */
export const noContainerPort: ScenarioTemplate = {
  id: "no-container-port",
  kind: "single",
  concepts: ["container-port"],
  sections: ["container-port-what-it-is", "one-connection"],
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.show(`kubectl get deployment ${app} -o jsonpath={.spec.template.spec.containers[0].ports}`);
    s.showCommand(`kubectl expose deployment ${app} --port=80 --target-port=80`);
    s.showCommand(CLIENT);
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `The pods of ${app} run nginx on port 80 but their spec declares no containerPort (the jsonpath prints nothing). Service ${app} has port 80 and targetPort 80. From a client pod you run \`curl ${app}\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `containerPort only declares a port; it opens and closes nothing. kube-proxy sends the connection to port 80 of a pod, nginx listens there, and it answers. Declaring the port is still worth doing: named targetPorts and kubectl expose read it.`,
    };
  },
};

/** A NodePort Service is reached at NodeIP:nodePort; the Service's own port means nothing on a node. */
export const servicePortOnNode: ScenarioTemplate = {
  id: "service-port-on-node",
  kind: "single",
  concepts: ["node-port", "service-port"],
  sections: ["real-kubernetes", "node-port-what-it-is"],
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --type=NodePort --port=80`);
    s.show(`kubectl get service ${app}`);
    const ip = s.nodeIP("worker-1");
    const result = s.observe(`curl -s --max-time 5 http://${ip}:80/`);
    return {
      kind: "single",
      prompt: `From a laptop on the nodes' network you run \`curl http://${ip}:80/\`: worker-1's address with ${app}'s Service port, not its node port. Nothing else on worker-1 listens on port 80. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `kube-proxy catches only the node port (the number after the colon in PORT(S)) on a node's address; port 80 is the Service's port on its ClusterIP. On worker-1 nothing listens on port 80, so its kernel answers with a reset and the connection is refused.`,
    };
  },
};
