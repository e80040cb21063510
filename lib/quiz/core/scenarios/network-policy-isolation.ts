import { curlOutcome } from "../../../sim/shell/read-output";
import { CLIENT_IMAGE, denyIngress, policyYaml } from "./network-policy-manifests";
import { outcomeQuestion } from "./reachability";
import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate } from "./template";

const DROPPED = {
  refused: "Expects a blocked connection to be rejected; the plugin drops the packets, so the client waits.",
  answered: "Thinks a policy changes nothing for pods it selects, or that it applies across namespaces.",
};

/** A default-deny ingress policy isolates every pod of its own namespace, and only of that one. */
export const defaultDenyIngress: ScenarioTemplate = {
  id: "netpol-default-deny",
  kind: "single",
  concepts: ["isolated-pod", "non-isolated-pod"],
  sections: ["isolated-pod-how", "non-isolated-pod-what-it-is"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const elsewhere = rng.int(2) === 1;
    const s = new Script({ seed });
    s.showCommand("kubectl create namespace team-b");
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run client --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.file("deny.yaml", denyIngress(elsewhere ? "team-b" : undefined));
    s.observe("kubectl apply -f deny.yaml");
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `The cluster's network plugin enforces NetworkPolicy. You apply deny.yaml, then run \`curl -s --max-time 5 ${app}\` from the pod client in namespace default. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode), DROPPED),
      evidence: s.evidence,
      explanation: elsewhere
        ? `The policy lives in team-b, so its empty podSelector selects every pod of team-b and none of default. ${app}'s pods stay non-isolated and accept the connection.`
        : `An empty podSelector selects every pod in the policy's namespace, and policyTypes Ingress with no rules allows nothing in. ${app}'s pods are isolated for ingress; the plugin drops the SYN and curl waits until --max-time.`,
    };
  },
};

/** Policies only add: a pod selected by a deny-all and an allow policy gets the allow policy's traffic. */
export const additiveRules: ScenarioTemplate = {
  id: "netpol-additive",
  kind: "multiple",
  concepts: ["isolated-pod"],
  sections: ["isolated-pod-rules"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const allowed = rng.int(2) === 0 ? "frontend" : "batch";
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    const clients = ["frontend", "batch", "debug"];
    for (const c of clients) s.showCommand(`kubectl run ${c} --image=${CLIENT_IMAGE} --labels=role=${c} -- sleep 3600`);
    s.file("deny.yaml", denyIngress());
    s.file(
      "allow.yaml",
      policyYaml(
        `allow-${allowed}`,
        `  podSelector:\n    matchLabels:\n      app: ${app}\n  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          role: ${allowed}\n`,
      ),
    );
    s.observe("kubectl apply -f deny.yaml -f allow.yaml");
    const candidates = clients.map((c) => ({
      text: `${c} (role=${c})`,
      correct: s.observe(`kubectl exec ${c} -- curl -s --max-time 2 ${app}`).exitCode === 0,
      misconception:
        c === allowed
          ? "Thinks the deny-all policy wins over the allow policy."
          : "Thinks an allow rule opens the pod to everyone.",
    }));
    const built = computedOptions(`${this.id}:${seed}`, candidates);
    return {
      kind: "multiple",
      prompt: `Both deny.yaml and allow.yaml are applied in namespace default. Which of the client pods can still open a connection to ${app}? Select all that apply.`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: `NetworkPolicies never conflict: a pod selected by several policies accepts the union of what they allow. deny.yaml only isolates ${app}'s pods; allow-${allowed} adds pods labelled role=${allowed}, so only ${allowed} gets through.`,
    };
  },
};

/** policyTypes decides which direction a policy isolates; left out, it is Ingress (plus Egress with egress rules). */
export const policyTypesDefault: ScenarioTemplate = {
  id: "netpol-policy-types",
  kind: "single",
  concepts: ["isolated-pod", "non-isolated-pod"],
  sections: ["isolated-pod-how"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const egressOnly = rng.int(2) === 0;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand(`kubectl run client --image=${CLIENT_IMAGE} --command -- sleep 3600`);
    s.file(
      "lockdown.yaml",
      policyYaml(
        `${app}-lockdown`,
        `  podSelector:\n    matchLabels:\n      app: ${app}\n${egressOnly ? "  policyTypes:\n  - Egress\n" : ""}`,
      ),
    );
    s.observe("kubectl apply -f lockdown.yaml");
    s.observe(`kubectl get networkpolicy ${app}-lockdown -o jsonpath={.spec.policyTypes}`);
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    return {
      kind: "single",
      prompt: `You apply lockdown.yaml, which selects ${app}'s pods and has no rules. Then the pod client (not selected by any policy) runs \`curl -s --max-time 5 ${app}\`. What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode), {
        refused: DROPPED.refused,
        answered: "Thinks a policy without rules or without policyTypes does nothing.",
        timeout: "Thinks isolating a pod's egress also stops connections coming in (replies are always allowed).",
      }),
      evidence: s.evidence,
      explanation: egressOnly
        ? `policyTypes is [Egress], so ${app}'s pods are isolated only for connections they open. Ingress stays open, and the replies of an allowed connection are never checked, so a pod answers.`
        : `With policyTypes left out, the API server stores [Ingress] (Egress is added only when the policy has egress rules). ${app}'s pods are isolated for ingress with no rule allowing anything, so the connection is dropped.`,
    };
  },
};
