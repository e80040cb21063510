import { curlOutcome } from "../../../sim/shell/read-output";
import { ALLOW_DNS, CLIENT_IMAGE, DENY_EGRESS, DNS_CLIENT_IMAGE, policyYaml } from "./network-policy-manifests";
import { outcomeQuestion } from "./reachability";
import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate, single } from "./template";

/** Once egress is isolated, DNS queries need their own rule: without one, lookups time out. */
export const dnsAfterEgressDeny: ScenarioTemplate = {
  id: "netpol-dns-egress",
  kind: "single",
  concepts: ["egress-rule"],
  sections: ["dns-pitfall"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const withDns = rng.int(2) === 0;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run dnsutils --image=${DNS_CLIENT_IMAGE} -- sleep 3600`);
    s.show(`kubectl get service ${app}`);
    s.file("deny-egress.yaml", DENY_EGRESS);
    if (withDns) s.file("allow-dns.yaml", ALLOW_DNS);
    s.observe(`kubectl apply -f deny-egress.yaml${withDns ? " -f allow-dns.yaml" : ""}`);
    const lookup = s.observe(`kubectl exec dnsutils -- nslookup ${app}`);
    const clusterIP = s.clusterIP(app);
    const answer = lookup.output.includes(`Address: ${clusterIP}`)
      ? "ip"
      : lookup.output.includes("connection timed out")
        ? "timeout"
        : "nxdomain";
    const applied = withDns ? "deny-egress.yaml and allow-dns.yaml" : "deny-egress.yaml";
    return {
      kind: "single",
      prompt: `In namespace default you apply ${applied}. Then the pod dnsutils runs \`nslookup ${app}\`. What does it print?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        {
          text: `${app}'s ClusterIP, ${clusterIP}`,
          correct: answer === "ip",
          misconception: "Thinks cluster DNS is exempt from egress policy.",
        },
        {
          text: ";; connection timed out; no servers could be reached",
          correct: answer === "timeout",
          misconception: "Thinks an egress rule to kube-dns still leaves DNS blocked.",
        },
        {
          text: `** server can't find ${app}: NXDOMAIN`,
          correct: answer === "nxdomain",
          misconception:
            "Confuses a dropped query (no answer at all) with a DNS server saying the name does not exist.",
        },
      ]),
      evidence: s.evidence,
      explanation: withDns
        ? "deny-egress isolates every pod for egress; allow-dns adds UDP and TCP 53 to the kube-dns pods in kube-system. The query reaches CoreDNS, which answers with the ClusterIP."
        : "deny-egress isolates every pod in default for egress with no rule, and a DNS query is egress too: UDP to port 53 of a CoreDNS pod (after kube-proxy's DNAT from the kube-dns ClusterIP). The query is dropped, so nslookup gets no answer at all and gives up.",
    };
  },
};

/** Egress rules see the backend pod's address after DNAT: an ipBlock of the service CIDR does not cover it. */
export const egressToService: ScenarioTemplate = {
  id: "netpol-egress-to-service",
  kind: "single",
  concepts: ["egress-rule"],
  sections: ["egress-to-services"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const byPods = rng.int(2) === 0;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run client --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.file("deny-egress.yaml", DENY_EGRESS);
    s.file("allow-dns.yaml", ALLOW_DNS);
    const to = byPods
      ? `    - podSelector:\n        matchLabels:\n          app: ${app}\n`
      : "    - ipBlock:\n        cidr: 10.96.0.0/12\n";
    s.file(
      "allow-app.yaml",
      policyYaml(`allow-to-${app}`, `  podSelector: {}\n  policyTypes:\n  - Egress\n  egress:\n  - to:\n${to}`),
    );
    s.observe("kubectl apply -f deny-egress.yaml -f allow-dns.yaml -f allow-app.yaml");
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `The cluster's Services get ClusterIPs from 10.96.0.0/12. With the three policies applied in namespace default, the pod client runs \`curl -s --max-time 5 ${app}\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode), {
        answered: "Thinks egress policy checks the ClusterIP the client dialled.",
        timeout: "Thinks a podSelector cannot allow traffic that goes through a Service.",
        unresolved: "Forgets that allow-dns keeps DNS working.",
        refused: "Expects a blocked connection to be rejected; the plugin drops the packets, so the client waits.",
      }),
      evidence: s.evidence,
      explanation: byPods
        ? `The name resolves (allow-dns), kube-proxy on the client's node rewrites the ClusterIP to one of ${app}'s pod IPs, and allow-to-${app} allows pods labelled app=${app}. The connection is allowed.`
        : `kube-proxy rewrites the ClusterIP to a pod IP (10.244.x.x) before the network plugin checks egress, and 10.244.x.x is not in 10.96.0.0/12. No rule allows the pod address, so the SYN is dropped. Allow the backend pods with a podSelector instead.`,
    };
  },
};

/** An ipBlock with except opens the internet and keeps the cluster's own addresses out. */
export const egressIpBlock: ScenarioTemplate = {
  id: "netpol-egress-ipblock",
  kind: "multiple",
  concepts: ["egress-rule"],
  sections: ["egress-rule-what-it-is"],
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run client --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.file("deny-egress.yaml", DENY_EGRESS);
    s.file("allow-dns.yaml", ALLOW_DNS);
    s.file(
      "allow-internet.yaml",
      policyYaml(
        "allow-internet",
        "  podSelector: {}\n  policyTypes:\n  - Egress\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except:\n        - 10.0.0.0/8\n",
      ),
    );
    s.observe("kubectl apply -f deny-egress.yaml -f allow-dns.yaml -f allow-internet.yaml");
    const targets = [
      {
        text: "curl -s http://example.com (a site on the internet)",
        target: "example.com",
        misconception: "Thinks 0.0.0.0/0 does not cover public addresses.",
      },
      {
        text: `curl -s ${app} (a Service in the cluster)`,
        target: app,
        misconception: "Forgets that the pod network 10.244.0.0/16 lies inside the excepted 10.0.0.0/8.",
      },
      {
        text: "curl -s http://kubernetes.io (another site on the internet)",
        target: "kubernetes.io",
        misconception: "Thinks 0.0.0.0/0 does not cover public addresses.",
      },
    ];
    const candidates = targets.map((t) => ({
      text: t.text,
      correct: s.observe(`kubectl exec client -- curl -s --max-time 2 ${t.target}`).exitCode === 0,
      misconception: t.misconception,
    }));
    const built = computedOptions(`${this.id}:${seed}`, candidates);
    return {
      kind: "multiple",
      prompt:
        "With the three policies applied in namespace default, which of these commands succeed from the pod client? Select all that apply.",
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: `allow-internet allows every address except 10.0.0.0/8. Public sites are outside that block; ${app}'s pods (10.244.x.x, what the policy sees after kube-proxy's DNAT) are inside it, so that connection is dropped.`,
    };
  },
};
