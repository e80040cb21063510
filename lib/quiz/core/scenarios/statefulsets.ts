import { nslookupAddresses } from "../../../sim/shell/read-output";
import { statefulSetExampleYaml } from "../../../sim/statefulset-example";
import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate, single } from "./template";

// StatefulSet "web" governed by the headless Service "nginx" (the Kubernetes docs' example); the
// scenarios vary the replica count and the ordinal asked about.

function statefulScript(seed: number, replicas: number, extra: { probe?: boolean } = {}) {
  const s = new Script({ seed }, { "web.yaml": statefulSetExampleYaml({ replicas, ...extra }) });
  s.showCommand("kubectl apply -f web.yaml");
  return s;
}

/** <pod>.<serviceName>.<ns>.svc.<zone> answers with that one pod's IP (DNS specification 2.4.1). */
export const statefulSetPodDns: ScenarioTemplate = {
  id: "statefulset-pod-dns",
  kind: "single",
  concepts: ["statefulset", "headless-service"],
  sections: ["statefulset-identity", "headless-service-dns"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const replicas = 3 + rng.int(2);
    const ordinal = rng.int(replicas);
    const s = statefulScript(seed, replicas);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show("kubectl get pods -l app=nginx -o wide");
    const name = `web-${ordinal}.nginx.default.svc.cluster.local`;
    const lookup = s.observe(`kubectl exec client -- nslookup ${name}`);
    const addresses = lookup.exitCode === 0 ? nslookupAddresses(lookup.output) : [];
    const podIP = s.pods(`web-${ordinal}`)[0]?.status.podIP;
    const candidates = [
      { text: `One address: the IP of pod web-${ordinal}`, correct: addresses.length === 1 && addresses[0] === podIP },
      {
        text: `${replicas} addresses: every pod of the set`,
        correct: addresses.length === replicas,
        misconception: "Confuses a per-pod name with the headless Service's own name.",
      },
      {
        text: "One address: a ClusterIP shared by the set",
        correct: false,
        misconception: "Thinks the governing Service has a ClusterIP.",
      },
      {
        text: "NXDOMAIN: pods have no DNS names of their own",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Does not know that hostname and subdomain give a pod a DNS name.",
      },
    ];
    return {
      kind: "single",
      prompt: `StatefulSet web (${replicas} replicas, serviceName nginx) runs behind the headless Service nginx. What does \`nslookup ${name}\` return from a client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `The StatefulSet controller set web-${ordinal}'s hostname to web-${ordinal} and its subdomain to nginx. Because the headless Service nginx selects the pod, cluster DNS publishes an A record for web-${ordinal}.nginx.default.svc.cluster.local with that pod's IP alone.`,
    };
  },
};

/** A deleted StatefulSet pod comes back under the same name and DNS name, with a new IP. */
export const statefulSetPodRecreated: ScenarioTemplate = {
  id: "statefulset-pod-recreated",
  kind: "multiple",
  concepts: ["statefulset"],
  sections: ["statefulset-rescheduling", "real-kubernetes"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const replicas = 2 + rng.int(2);
    const ordinal = rng.int(replicas);
    const pod = `web-${ordinal}`;
    const s = statefulScript(seed, replicas);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show("kubectl get pods -l app=nginx -o wide");
    const before = s.pods(pod)[0];
    s.observe(`kubectl delete pod ${pod}`);
    s.observe("kubectl get pods -l app=nginx -o wide");
    const lookup = s.observe(`kubectl exec client -- nslookup ${pod}.nginx`);
    const after = s.pods(pod)[0];
    const addresses = lookup.exitCode === 0 ? nslookupAddresses(lookup.output) : [];
    const names = s.pods("web-").map((p) => p.metadata.name);
    const built = computedOptions(`${this.id}:${seed}`, [
      { text: `A pod named ${pod} is running again`, correct: after !== undefined },
      {
        text: `The new ${pod} has the same pod IP as before (${before.status.podIP})`,
        correct: after?.status.podIP === before.status.podIP,
        misconception: "Thinks a StatefulSet's stable identity includes the pod IP.",
      },
      {
        text: `${pod}.nginx resolves to the new pod's IP`,
        correct: after !== undefined && addresses.length === 1 && addresses[0] === after.status.podIP,
      },
      {
        text: `The replacement has a random suffix, like web-${ordinal}-x7k2p`,
        correct: names.some((n) => !/^web-\d+$/.test(n)),
        misconception: "Expects StatefulSet pods to be named like Deployment pods.",
      },
    ]);
    return {
      kind: "multiple",
      prompt: `StatefulSet web has ${replicas} pods behind the headless Service nginx. You run \`kubectl delete pod ${pod}\` and wait for it to be replaced. Which statements are true afterwards?`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: `The StatefulSet controller recreates the missing ordinal under the same name, and with it the same hostname and DNS name. It is still a new pod: the network plugin gives it a new IP, and cluster DNS updates ${pod}.nginx to point at it.`,
    };
  },
};

/** OrderedReady: no new ordinal while a lower one is not Running and Ready. */
export const orderedReadyWaits: ScenarioTemplate = {
  id: "ordered-ready-waits",
  kind: "single",
  concepts: ["statefulset"],
  sections: ["statefulset-ordering"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const target = 3 + rng.int(3);
    const s = statefulScript(seed, 1, { probe: true });
    s.show("kubectl get pods -l app=nginx");
    s.showCommand("kubectl exec web-0 -- rm /tmp/ready");
    s.showCommand("sleep 30"); // three failed probes, 10 s apart
    s.show("kubectl get pods -l app=nginx");
    s.observe(`kubectl scale statefulset web --replicas=${target}`);
    s.observe("kubectl get pods -l app=nginx");
    const count = s.pods("web-").length;
    const candidates = [
      { text: "1: only web-0", n: 1 },
      {
        text: "2: web-0 and web-1, which then waits",
        n: 2,
        misconception: "Thinks the controller adds the next pod before checking that the lower ones are ready.",
      },
      {
        text: `${target}: web-0 to web-${target - 1}`,
        n: target,
        misconception: "Thinks a StatefulSet creates all its pods at once (that is podManagementPolicy Parallel).",
      },
    ];
    return {
      kind: "single",
      prompt: `StatefulSet web (podManagementPolicy OrderedReady, the default) has one pod, web-0, whose readiness probe now fails (READY 0/1). You scale it to ${target} replicas. How many web pods exist right afterwards?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        candidates.map((c) => ({ text: c.text, correct: c.n === count, misconception: c.misconception })),
      ),
      evidence: s.evidence,
      explanation: `With OrderedReady the controller creates web-1 only once every lower ordinal (here web-0) is Running and Ready. web-0 is not ready, so the scale-up waits and only web-0 exists until it becomes ready again.`,
    };
  },
};
