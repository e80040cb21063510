import { nslookupAddresses } from "../../../sim/shell/read-output";
import { Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

/** A ClusterIP Service's DNS answer does not change with the number of pods. */
export const scaleLookup: ScenarioTemplate = {
  id: "scale-lookup",
  concepts: ["cluster-ip"],
  sections: ["cluster-ip-purpose", "request-flow"],
  kind: "single",
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const before = 2 + rng.int(2);
    const after = before + 2 + rng.int(2);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${before}`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.observe(`kubectl scale deployment ${app} --replicas=${after}`);
    const lookup = s.observe(`kubectl exec client -- nslookup ${app}`);
    const found = lookup.exitCode === 0 ? nslookupAddresses(lookup.output).length : 0;
    const candidates = [
      { text: "One address", n: 1 },
      {
        text: `${before} addresses`,
        n: before,
        misconception: "Thinks DNS for a ClusterIP Service lists the pods (that is a headless Service).",
      },
      {
        text: `${after} addresses`,
        n: after,
        misconception: "Thinks DNS for a ClusterIP Service lists the pods (that is a headless Service).",
      },
      { text: "No address: NXDOMAIN", n: 0, misconception: "Thinks the name is not ready while pods are added." },
    ];
    return {
      kind: "single",
      prompt: `Service ${app} (type ClusterIP) selects ${before} ready pods. You scale the Deployment to ${after} replicas and run \`nslookup ${app}\` from the client pod. How many addresses does it print for ${app}?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        candidates.map((c) => ({ text: c.text, correct: c.n === found, misconception: c.misconception })),
      ),
      evidence: s.evidence,
      explanation: `A Service with a ClusterIP has exactly one A record, ${app}.default.svc.cluster.local → its ClusterIP, however many pods it has. kube-proxy, not DNS, spreads connections across the ${after} pods.`,
    };
  },
};

/** A headless Service's DNS answer is the ready pods' IPs. */
export const headlessLookup: ScenarioTemplate = {
  id: "headless-lookup",
  concepts: ["cluster-ip", "pod-ip"],
  sections: ["real-kubernetes", "cluster-ip-what-it-is"],
  kind: "single",
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(3);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${replicas}`);
    s.showCommand(`kubectl expose deployment ${app} --port=80 --cluster-ip=None --name=${app}-headless`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show(`kubectl get service ${app}-headless`);
    const lookup = s.observe(`kubectl exec client -- nslookup ${app}-headless`);
    const podIPs = new Set(s.pods(`${app}-`).map((p) => p.status.podIP));
    const addresses = lookup.exitCode === 0 ? nslookupAddresses(lookup.output) : [];
    const allPods = addresses.length > 0 && addresses.every((a) => podIPs.has(a));
    const candidates = [
      {
        text: "One address: a ClusterIP from 10.96.0.0/12",
        correct: addresses.length === 1 && !allPods,
        misconception: "Thinks every Service gets a ClusterIP.",
      },
      { text: `${replicas} addresses: the IPs of the ready pods`, correct: allPods && addresses.length === replicas },
      {
        text: "One pod IP, a different one each time",
        correct: allPods && addresses.length === 1,
        misconception: "Thinks DNS load-balances like kube-proxy.",
      },
      {
        text: "NXDOMAIN: a Service without a ClusterIP has no DNS name",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Thinks DNS needs a ClusterIP to point at.",
      },
    ];
    return {
      kind: "single",
      prompt: `The Service ${app}-headless was created with clusterIP: None and selects ${replicas} ready pods. What does \`nslookup ${app}-headless\` return from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `A headless Service has no ClusterIP and kube-proxy ignores it. Cluster DNS answers its name with one A record per ready endpoint, so clients get the pod IPs and pick one themselves.`,
    };
  },
};
