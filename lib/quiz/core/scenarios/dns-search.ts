import { searchWalk } from "../../../sim/dns";
import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate, single, trueFalse } from "./template";

// How a pod's resolver walks the search list of /etc/resolv.conf (dnsPolicy ClusterFirst: search
// <ns>.svc.<zone> svc.<zone> <zone>, options ndots:5), per resolv.conf(5) and "DNS for Services and
// Pods" in the Kubernetes documentation. lib/sim's searchWalk lists every name a lookup asks for.

/** External names with 1, 2 and 5 dots: the first two go through the search list first, the last does not. */
const EXTERNAL_NAMES: Record<string, string> = {
  "example.com": "93.184.215.14",
  "api.example.com": "93.184.215.20",
  "static.eu.west.cdn.example.com": "93.184.215.30",
};

/** ndots:5: a name with fewer than five dots is tried with every search domain before it is tried as is. */
export const ndotsExternalName: ScenarioTemplate = {
  id: "ndots-external-name",
  kind: "single",
  concepts: ["external-name"],
  sections: ["external-name-how", "why-ndots-5"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const names = Object.keys(EXTERNAL_NAMES);
    const name = names[rng.int(names.length)];
    const s = new Script({ seed, externalDNS: EXTERNAL_NAMES });
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show("kubectl exec client -- cat /etc/resolv.conf");
    s.observe(`kubectl exec client -- nslookup ${name}`);
    const pod = s.sim.cluster.store.get("Pod", "default", "client")!;
    const tried = searchWalk(s.sim.cluster, pod, name).tried;
    const dots = name.split(".").length - 1;
    const candidates = [1, 2, 3, 4].map((n) => ({
      text: n === 1 ? "1 name: the name as typed" : `${n} names`,
      correct: tried.length === n,
      misconception:
        n === 1
          ? "Thinks a name that looks fully qualified is never sent through the search list."
          : "Thinks the resolver stops the search list early, or tries the name as typed first whatever its dots.",
    }));
    return {
      kind: "single",
      prompt: `The client pod looks up \`${name}\` (${dots} dot${dots === 1 ? "" : "s"}, no final dot), which exists only outside the cluster. Counting each name the resolver asks cluster DNS about once (ignore that A and AAAA are asked separately), how many names does it try before it gets the answer?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: [
        ...s.evidence,
        {
          command: `# names tried, in order, and cluster DNS's answer`,
          output: tried.map((t) => `${t.name}\t${t.rcode}\n`).join(""),
        },
      ],
      explanation:
        dots < 5
          ? `${name} has ${dots} dot${dots === 1 ? "" : "s"}, fewer than ndots:5, so the resolver first appends each of the three search domains (each answers NXDOMAIN) and only then asks for the name as typed: 4 names, and with A and AAAA asked for each, about 8 queries for one lookup.`
          : `${name} has ${dots} dots, as many as ndots:5, so the resolver asks for it as typed first; it exists, and the search list is never used.`,
    };
  },
};

/** From another namespace, <service> alone misses; <service>.<namespace> is found through svc.<zone>. */
export const crossNamespaceNames: ScenarioTemplate = {
  id: "cross-namespace-names",
  kind: "multiple",
  concepts: ["namespace-qualified-name", "short-name"],
  sections: ["namespace-qualified-name-how", "short-name-how"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const namespace = ["shop", "team-a", "backend"][rng.int(3)];
    const s = new Script({ seed });
    s.showCommand(`kubectl create namespace ${namespace}`);
    s.showCommand(`kubectl create deployment ${app} -n ${namespace} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} -n ${namespace} --port=80`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    const names = [
      app,
      `${app}.${namespace}`,
      `${app}.${namespace}.svc`,
      `${app}.${namespace}.svc.cluster.local`,
      `${app}.svc.cluster.local`,
      `${app}.${namespace}.cluster.local`,
    ];
    const found = names.map((n) => s.observe(`kubectl exec client -- nslookup ${n}`).exitCode === 0);
    const built = computedOptions(
      `${this.id}:${seed}`,
      names.map((n, i) => ({
        text: n,
        correct: found[i],
        misconception:
          i === 0
            ? "Thinks a short Service name is looked up in every namespace."
            : "Thinks any name that contains the Service name and the zone is served.",
      })),
    );
    return {
      kind: "multiple",
      prompt: `Service ${app} lives in namespace ${namespace}; the client pod runs in default. Which of these names does \`nslookup\` from the client pod resolve to ${app}'s ClusterIP? Select all that apply.`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation: `The client's search list is default.svc.cluster.local svc.cluster.local cluster.local. \`${app}\` only becomes ${app}.default.svc.cluster.local, which does not exist. \`${app}.${namespace}\` and \`${app}.${namespace}.svc\` reach ${app}.${namespace}.svc.cluster.local through the svc.cluster.local and cluster.local search domains, and the full name is found as is. Names that skip the namespace or the svc label match no record.`,
    };
  },
};

/** A final dot makes a name absolute: the resolver sends it once, as is, with no search domain. */
export const trailingDot: ScenarioTemplate = {
  id: "trailing-dot",
  kind: "true-false",
  concepts: ["fully-qualified-name"],
  sections: ["fully-qualified-name-how"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const names = [`${app}.`, `${app}.default.`, `${app}.default.svc.cluster.local.`];
    const name = names[rng.int(names.length)];
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    const found = s.observe(`kubectl exec client -- nslookup ${name}`).exitCode === 0;
    return {
      kind: "true-false",
      prompt: `True or false? From the client pod in namespace default, \`nslookup ${name}\` (note the final dot) finds Service ${app}.`,
      context: s.context,
      ...trueFalse(found, {
        answeringTrue: "Thinks the search list is applied to a name that ends with a dot.",
        answeringFalse: "Thinks a final dot stops a fully qualified name from resolving.",
      }),
      evidence: s.evidence,
      explanation: found
        ? `A final dot marks the name as fully qualified: the resolver sends ${name} once, as is, and the full Service name exists. This is also the cheapest way to name a Service: one query, no search list.`
        : `A final dot marks the name as fully qualified, so the resolver sends ${name} as is and appends no search domain. Without the .svc.cluster.local part that name does not exist: NXDOMAIN.`,
    };
  },
};
