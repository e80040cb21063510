import { curlOutcome } from "../../../sim/shell/read-output";
import { appOnTargetPort, CLIENT_IMAGE, policyYaml } from "./network-policy-manifests";
import { outcomeQuestion } from "./reachability";
import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate } from "./template";

const ingressFrom = (app: string, from: string, ports = "") =>
  policyYaml(`${app}-ingress`, `  podSelector:\n    matchLabels:\n      app: ${app}\n  ingress:\n  - ${from}${ports}`);

/** The plugin sees the packet after kube-proxy's DNAT, so a rule names the pod's port, not the Service's. */
export const servicePortVersusPodPort: ScenarioTemplate = {
  id: "netpol-port-after-dnat",
  kind: "single",
  concepts: ["policy-port"],
  sections: ["policy-port-what-it-matches", "after-dnat"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const port = ["80", "8080", "http"][rng.int(3)];
    const s = new Script({ seed });
    s.file(`${app}.yaml`, appOnTargetPort(app));
    s.showCommand(`kubectl apply -f ${app}.yaml`);
    s.showCommand(`kubectl run client --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.file("policy.yaml", ingressFrom(app, "ports:\n    - port: ", `${port}\n`));
    s.observe("kubectl apply -f policy.yaml");
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `Service ${app} listens on port 80 and sends traffic to targetPort 8080, the pods' container port named http. policy.yaml allows ingress to ${app}'s pods on port ${port} only. From the pod client you run \`curl -s --max-time 5 ${app}\` (port 80). What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode), {
        answered: "Thinks a policy checks the Service port the client dialled.",
        timeout: "Forgets that kube-proxy rewrites the destination to the pod's port before the policy sees it.",
        refused: "Expects a blocked connection to be rejected; the plugin drops the packets, so the client waits.",
      }),
      evidence: s.evidence,
      explanation:
        port === "80"
          ? `kube-proxy rewrites ${app}'s ClusterIP:80 to a pod IP and port 8080 before the packet reaches the pod, and that is what the policy sees. A rule for port 80 matches nothing the pods receive, so the connection is dropped.`
          : `After kube-proxy's DNAT the packet arrives at a pod on port 8080, ${port === "http" ? "the port the pods name http, which a named port in a policy resolves to" : "exactly the port the rule allows"}, so a pod answers.`,
    };
  },
};

/** namespaceSelector and podSelector in one peer are ANDed; as two peers they are ORed. */
export const peerAndVersusOr: ScenarioTemplate = {
  id: "netpol-and-or-peers",
  kind: "multiple",
  concepts: ["policy-peer"],
  sections: ["policy-peer-combining"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const together = rng.int(2) === 0;
    const s = new Script({ seed });
    s.showCommand("kubectl create namespace monitoring");
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    const clients = [
      { name: "prometheus", ns: "monitoring", role: "scraper" },
      { name: "debug", ns: "monitoring", role: "debug" },
      { name: "scraper", ns: "default", role: "scraper" },
      { name: "client", ns: "default", role: "client" },
    ];
    for (const c of clients)
      s.showCommand(
        `kubectl run ${c.name} -n ${c.ns} --image=${CLIENT_IMAGE} --labels=role=${c.role} --command -- sleep 3600`,
      );
    const peers = together
      ? "from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: monitoring\n      podSelector:\n        matchLabels:\n          role: scraper\n"
      : "from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: monitoring\n    - podSelector:\n        matchLabels:\n          role: scraper\n";
    s.file("policy.yaml", ingressFrom(app, peers));
    s.observe("kubectl apply -f policy.yaml");
    const candidates = clients.map((c) => ({
      text: `${c.name} in ${c.ns} (role=${c.role})`,
      correct: s.observe(`kubectl exec ${c.name} -n ${c.ns} -- curl -s --max-time 2 ${app}.default`).exitCode === 0,
      misconception: together
        ? "Reads one peer with two selectors as two separate peers (OR)."
        : "Reads two peers as one peer with both selectors (AND), or a lone podSelector as cluster-wide.",
    }));
    const built = computedOptions(`${this.id}:${seed}`, candidates);
    return {
      kind: "multiple",
      prompt: `policy.yaml is applied in namespace default and selects ${app}'s pods. Which client pods can open a connection to ${app}? Select all that apply.`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: together
        ? "The from list has one peer holding both selectors, so both must match: pods labelled role=scraper inside namespace monitoring. prometheus is the only one."
        : "The from list has two peers, and a source matching either is allowed: every pod of namespace monitoring, or a role=scraper pod in the policy's own namespace (default). A podSelector alone never reaches into other namespaces.",
    };
  },
};

/** Namespaces are matched by their labels; kubernetes.io/metadata.name carries the name. */
export const namespaceByName: ScenarioTemplate = {
  id: "netpol-namespace-label",
  kind: "single",
  concepts: ["policy-peer"],
  sections: ["policy-peer-namespaces"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const selector = rng.int(2) === 0 ? "kubernetes.io/metadata.name: frontend" : "name: frontend";
    const s = new Script({ seed });
    s.showCommand("kubectl create namespace frontend");
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run client -n frontend --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.show("kubectl get namespace frontend --show-labels");
    s.file(
      "policy.yaml",
      ingressFrom(app, `from:\n    - namespaceSelector:\n        matchLabels:\n          ${selector}\n`),
    );
    s.observe("kubectl apply -f policy.yaml");
    const result = s.observe(`kubectl exec client -n frontend -- curl -s --max-time 5 ${app}.default`);
    return {
      kind: "single",
      prompt: `policy.yaml allows ingress to ${app}'s pods from namespaces matching \`${selector}\`. Nobody has labelled namespace frontend by hand. From the pod client in frontend you run \`curl -s --max-time 5 ${app}.default\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode), {
        answered: "Thinks a namespaceSelector matches a namespace's name rather than its labels.",
        timeout: "Forgets that the API server labels every namespace with kubernetes.io/metadata.name.",
        refused: "Expects a blocked connection to be rejected; the plugin drops the packets, so the client waits.",
      }),
      evidence: s.evidence,
      explanation: selector.startsWith("kubernetes.io")
        ? "The API server sets the label kubernetes.io/metadata.name to every namespace's name, so the selector matches frontend and the connection is allowed."
        : "A namespaceSelector matches labels, and frontend carries only kubernetes.io/metadata.name=frontend, not name=frontend. No rule matches the client, so its connection is dropped.",
    };
  },
};
