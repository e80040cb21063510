import { curlOutcome, type Outcome } from "../../../sim/shell/read-output";
import { OUTCOME_TEXT, Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

const MISCONCEPTIONS: Partial<Record<Outcome, string>> = {
  answered: "Thinks the address is reachable from there.",
  refused: "Expects something on the path to reject the connection actively.",
  timeout: "Expects the packets to be dropped silently.",
  unresolved: "Confuses a connection failure with a DNS failure.",
};

/** A single-choice question over the four ways a curl can end; `misconceptions` override the generic ones. */
export function outcomeQuestion(
  scope: string,
  observed: Outcome,
  misconceptions: Partial<Record<Outcome, string>> = {},
) {
  return single(
    scope,
    (Object.keys(OUTCOME_TEXT) as Outcome[]).map((o) => ({
      text: OUTCOME_TEXT[o],
      correct: o === observed,
      misconception: misconceptions[o] ?? MISCONCEPTIONS[o],
    })),
  );
}

/** A ClusterIP exists only in kube-proxy's rules on the nodes: from outside it goes nowhere. */
export const outsideClusterIP: ScenarioTemplate = {
  id: "outside-cluster-ip",
  concepts: ["cluster-ip"],
  sections: ["cluster-ip-scope"],
  kind: "single",
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.show(`kubectl get service ${app}`);
    const ip = s.clusterIP(app);
    const result = s.observe(`curl -s --max-time 5 http://${ip}/`);
    return {
      kind: "single",
      prompt: `From a laptop on the same network as the nodes, but outside the cluster, you run \`curl http://${ip}/\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `${ip} is a ClusterIP: no machine owns it; only the kube-proxy rules on the cluster's nodes translate it. The laptop's packets go to its default gateway, nothing answers, and curl waits until it gives up. To reach the app from outside, expose it with a NodePort or LoadBalancer Service.`,
    };
  },
};

/** A Service whose selector matches no ready pod rejects connections. */
export const noReadyPods: ScenarioTemplate = {
  id: "no-ready-pods",
  concepts: ["cluster-ip"],
  sections: ["cluster-ip-purpose"],
  kind: "single",
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
    s.observe(`kubectl scale deployment ${app} --replicas=0`);
    s.observe(`kubectl get endpointslices -l kubernetes.io/service-name=${app}`);
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `You scale the Deployment behind Service ${app} to 0 replicas. The Service still exists. From the client pod you run \`curl ${app}\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `The name still resolves to the ClusterIP, but the Service has no ready endpoints. kube-proxy installs a reject rule for such a Service, so the connection is refused at once instead of hanging.`,
    };
  },
};

/** A NodePort opens the port on every node, including nodes that run none of the pods. */
export const nodePortFromOutside: ScenarioTemplate = {
  id: "nodeport-from-outside",
  concepts: ["cluster-ip"],
  sections: ["cluster-ip-scope"],
  kind: "single",
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=1`);
    s.showCommand(`kubectl expose deployment ${app} --port=80 --type=NodePort`);
    s.show(`kubectl get pods -l app=${app} -o wide`);
    s.show("kubectl get nodes -o wide");
    s.show(`kubectl get service ${app}`);
    const podNode = s.pods(`${app}-`)[0].spec.nodeName;
    const other = s.sim.cluster
      .nodes()
      .find((n) => n.metadata.name !== podNode && n.metadata.name !== "control-plane")!;
    const nodeIP = s.sim.cluster.nodeIP(other);
    const nodePort = s.sim.cluster.store.get("Service", "default", app)!.spec.ports[0].nodePort;
    const result = s.observe(`curl -s --max-time 5 http://${nodeIP}:${nodePort}/`);
    return {
      kind: "single",
      prompt: `From a laptop outside the cluster you run \`curl http://${nodeIP}:${nodePort}/\`. ${nodeIP} is ${other.metadata.name}, which runs none of ${app}'s pods. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `A NodePort Service opens its port on every node. kube-proxy on ${other.metadata.name} forwards the connection to a ready pod wherever it runs (externalTrafficPolicy: Cluster, the default), so the pod on ${podNode} answers.`,
    };
  },
};
