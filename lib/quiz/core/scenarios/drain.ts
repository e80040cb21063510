import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate } from "./template";

/** Draining a node moves its pods: new pods, new IPs; the Service and its other pods stay. */
export const drainNode: ScenarioTemplate = {
  id: "drain-node",
  concepts: ["cluster-ip", "pod-ip"],
  sections: ["pod-ip-scope", "why-stability"],
  kind: "multiple",
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 3 + rng.int(2);
    const s = new Script({ seed, workers: 3 });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${replicas}`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show(`kubectl get pods -l app=${app} -o wide`);
    const before = s.pods(`${app}-`);
    // Drain a node that runs an app pod but not the bare client pod (drain refuses bare pods).
    const clientNode = s.pods("client")[0].spec.nodeName;
    const node = before.map((p) => p.spec.nodeName!).find((n) => n !== clientNode)!;
    const clusterIP = s.clusterIP(app);
    const lookupBefore = s.sim.run(`kubectl exec client -- nslookup ${app}`).output;
    s.observe(`kubectl drain ${node} --ignore-daemonsets`);
    s.observe(`kubectl get pods -l app=${app} -o wide`);
    const lookupAfter = s.observe(`kubectl exec client -- nslookup ${app}`).output;
    const afterIPs = new Set(s.pods(`${app}-`).map((p) => p.status.podIP));
    const moved = before.filter((p) => p.spec.nodeName === node);
    const stayed = before.filter((p) => p.spec.nodeName !== node);
    const candidates = [
      {
        text: `The ClusterIP of Service ${app}`,
        correct: s.clusterIP(app) !== clusterIP,
        misconception: "Thinks a Service is renumbered when its pods move.",
      },
      {
        text: `The IPs of the ${app} pods that ran on ${node}`,
        correct: moved.every((p) => !afterIPs.has(p.status.podIP)),
      },
      {
        text: `The IPs of the ${app} pods on the other nodes`,
        correct: stayed.length > 0 && stayed.every((p) => !afterIPs.has(p.status.podIP)),
        misconception: "Thinks a drain restarts every pod of the Deployment.",
      },
      {
        text: `The address \`nslookup ${app}\` returns`,
        correct: lookupBefore !== lookupAfter,
        misconception: "Thinks DNS for a ClusterIP Service follows the pods.",
      },
    ];
    const built = computedOptions(`${this.id}:${seed}`, candidates);
    return {
      kind: "multiple",
      prompt: `You run \`kubectl drain ${node} --ignore-daemonsets\` for maintenance. Which of these change? Select all that apply.`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: `Draining evicts the pods on ${node}; the Deployment replaces them with new pods on other nodes, which get new IPs from those nodes' podCIDRs. Pods elsewhere are untouched, and the Service keeps its ClusterIP ${clusterIP}, so its DNS answer is unchanged; only its EndpointSlice is updated.`,
    };
  },
};
