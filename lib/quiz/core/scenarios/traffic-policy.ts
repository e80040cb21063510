import { curlOutcome } from "../../../sim/shell/read-output";
import { outcomeCandidates, Script } from "./script";
import { createEchoDeployment, params, type ScenarioTemplate, single } from "./template";

/** A NodePort Service with externalTrafficPolicy Local. */
function localNodePortService(app: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector:
    app: ${app}
  ports:
    - port: 80
`;
}

/**
 * Three workers, one pod of `app` behind a NodePort Service with externalTrafficPolicy Local;
 * returns the script with the node that runs the pod and a worker that runs none.
 */
function localApp(seed: number, app: string) {
  const s = new Script({ seed, workers: 3 }, { [`${app}-svc.yaml`]: localNodePortService(app) });
  s.showCommand(createEchoDeployment(app, 1));
  s.showCommand(`kubectl apply -f ${app}-svc.yaml`);
  s.show(`kubectl get pods -l app=${app} -o wide`);
  s.show("kubectl get nodes -o wide");
  s.show(`kubectl get service ${app}`);
  const [pod] = s.pods(`${app}-`);
  const nodes = s.sim.cluster.nodes();
  const busy = nodes.find((n) => n.metadata.name === pod.spec.nodeName)!;
  const idle = nodes.find((n) => n.metadata.name !== pod.spec.nodeName && n.metadata.name !== "control-plane")!;
  const nodePort = s.sim.cluster.store.get("Service", "default", app)!.spec.ports[0].nodePort!;
  return { s, pod, busy, idle, nodePort, ip: (n: typeof busy) => s.sim.cluster.nodeIP(n) };
}

/** externalTrafficPolicy Local: a node without a local endpoint drops traffic from outside. */
export const etpLocalIdleNode: ScenarioTemplate = {
  id: "etp-local-idle-node",
  kind: "single",
  concepts: ["external-local"],
  sections: ["external-local-path"],
  build(seed) {
    const { app } = params(this.id, seed);
    const { s, pod, idle, nodePort, ip } = localApp(seed, app);
    const result = s.observe(`curl -s --max-time 5 http://${ip(idle)}:${nodePort}/`);
    const observed = curlOutcome(result.exitCode);
    return {
      kind: "single",
      prompt: `Service ${app} is a NodePort Service with externalTrafficPolicy: Local. Its only pod runs on ${pod.spec.nodeName}. From a laptop outside the cluster you run \`curl http://${ip(idle)}:${nodePort}/\`, the node port on ${idle.metadata.name}. What happens?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        outcomeCandidates(observed, {
          answered: {
            text: `${pod.metadata.name} on ${pod.spec.nodeName} answers`,
            misconception: "Thinks every node forwards node-port traffic whatever the traffic policy.",
          },
          refused: { misconception: "Expects kube-proxy to reject the connection rather than drop it." },
          timeout: {},
          unresolved: { misconception: "Confuses a connection failure with a DNS failure." },
        }),
      ),
      evidence: s.evidence,
      explanation: `With externalTrafficPolicy Local, kube-proxy on ${idle.metadata.name} may only use ready endpoints on ${idle.metadata.name}, and there are none. Because the Service does have an endpoint elsewhere, kube-proxy drops the packets (it does not reject them), so curl waits until it gives up. A load balancer avoids such nodes through the health check node port.`,
    };
  },
};

/** externalTrafficPolicy Local: a node with a local endpoint serves the connection itself. */
export const etpLocalBusyNode: ScenarioTemplate = {
  id: "etp-local-busy-node",
  kind: "single",
  concepts: ["external-local"],
  sections: ["external-local-what-it-is", "external-local-source"],
  build(seed) {
    const { app } = params(this.id, seed);
    const { s, pod, busy, nodePort, ip } = localApp(seed, app);
    const result = s.observe(`curl -s --max-time 5 http://${ip(busy)}:${nodePort}/hostname`);
    // One replica: when the connection is answered, it is answered by that pod.
    const observed = curlOutcome(result.exitCode);
    return {
      kind: "single",
      prompt: `Service ${app} is a NodePort Service with externalTrafficPolicy: Local, and its only pod ${pod.metadata.name} runs on ${busy.metadata.name}. From a laptop outside the cluster you run \`curl http://${ip(busy)}:${nodePort}/hostname\` (the pod answers with its name), the node port on ${busy.metadata.name}. What happens?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        outcomeCandidates(observed, {
          answered: { text: `${pod.metadata.name} answers` },
          timeout: { misconception: "Thinks Local turns off node ports altogether." },
          refused: { misconception: "Thinks a NodePort Service needs a pod on every node." },
        }),
      ),
      evidence: s.evidence,
      explanation: `${busy.metadata.name} has a ready local endpoint, so kube-proxy sends the connection to ${pod.metadata.name} on the same node. No second hop is needed, so kube-proxy does not masquerade it, and the pod sees the laptop's address as the source.`,
    };
  },
};

/** externalTrafficPolicy governs external traffic only: the ClusterIP works from any node. */
export const etpLocalClusterIP: ScenarioTemplate = {
  id: "etp-local-cluster-ip",
  kind: "single",
  concepts: ["external-local"],
  sections: ["external-local-path", "internal-local-path"],
  build(seed) {
    const { app } = params(this.id, seed);
    const { s, pod } = localApp(seed, app);
    const podNode = pod.spec.nodeName;
    s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
    s.show("kubectl get pod client -o wide");
    const [client] = s.pods("client");
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    const observed = curlOutcome(result.exitCode);
    const where = client.spec.nodeName === podNode ? `the same node as ${pod.metadata.name}` : client.spec.nodeName;
    return {
      kind: "single",
      prompt: `Service ${app} is a NodePort Service with externalTrafficPolicy: Local, and its only pod runs on ${podNode}. A client pod on ${where} runs \`curl ${app}\`, which connects to the ClusterIP. What happens?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        outcomeCandidates(observed, {
          answered: { text: `${pod.metadata.name} answers` },
          timeout: { misconception: "Thinks externalTrafficPolicy also limits traffic to the ClusterIP." },
          refused: { misconception: "Thinks a Local policy makes the ClusterIP reject connections." },
        }),
      ),
      evidence: s.evidence,
      explanation: `externalTrafficPolicy applies to node ports and load balancer addresses. Connections to the ClusterIP follow internalTrafficPolicy, which is Cluster here, so kube-proxy on the client's node sends them to the ready pod wherever it runs.`,
    };
  },
};
