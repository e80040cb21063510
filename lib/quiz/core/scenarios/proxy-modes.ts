import { Script } from "./script";
import { createEchoDeployment, params, type ScenarioTemplate, single } from "./template";

/** A Deployment behind a Service (extra `expose` flags allowed) and a client pod, on a fresh cluster. */
function appWithClient(seed: number, app: string, replicas: number, proxyMode: "iptables" | "ipvs", flags = "") {
  const s = new Script({ seed, proxyMode });
  s.showCommand(createEchoDeployment(app, replicas));
  s.showCommand(`kubectl expose deployment ${app} --port=80${flags}`);
  s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  return s;
}

/** Runs `times` new connections from the client pod; returns the name of the pod that served each. */
function callsFromClient(s: Script, app: string, times: number): string[] {
  return Array.from({ length: times }, () => s.observe(`kubectl exec client -- curl -s ${app}/hostname`).output.trim());
}

/** IPVS round robin: n new connections from one client reach n different endpoints. */
export const ipvsRoundRobin: ScenarioTemplate = {
  id: "ipvs-round-robin",
  kind: "single",
  concepts: ["ipvs-mode"],
  sections: ["ipvs-picks"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 3 + rng.int(2);
    const s = appWithClient(seed, app, replicas, "ipvs");
    s.show(`kubectl get pods -l app=${app}`);
    const distinct = new Set(callsFromClient(s, app, replicas)).size;
    return {
      kind: "single",
      prompt: `kube-proxy runs in IPVS mode with its default scheduler. Service ${app} has ${replicas} ready pods, and nothing else has connected to it yet. The client pod runs \`curl ${app}/hostname\` (each pod answers with its name) ${replicas} times, each a new connection. How many different pods answer?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        {
          text: "One: IPVS keeps a client on one pod",
          correct: distinct === 1,
          misconception: "Confuses the rr scheduler with session affinity (persistence).",
        },
        { text: `${replicas}: each connection goes to the next pod in turn`, correct: distinct === replicas },
        {
          text: "It varies from run to run, as in iptables mode",
          correct: distinct > 1 && distinct < replicas,
          misconception: "Thinks every kube-proxy mode picks endpoints at random.",
        },
      ]),
      evidence: s.evidence,
      explanation: `IPVS's default scheduler is rr, round robin: each new connection to the virtual server goes to the next real server in the list, so ${replicas} connections reach all ${replicas} pods once each. iptables and nftables mode choose at random instead.`,
    };
  },
};

/** IPVS round robin wraps around: connection n+1 goes where connection 1 went. */
export const ipvsRoundRobinWraps: ScenarioTemplate = {
  id: "ipvs-round-robin-wraps",
  kind: "true-false",
  concepts: ["ipvs-mode"],
  sections: ["ipvs-picks"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(3);
    const s = appWithClient(seed, app, replicas, "ipvs");
    s.show(`kubectl get pods -l app=${app}`);
    const served = callsFromClient(s, app, replicas + 1);
    const same = served[replicas] === served[0];
    return {
      kind: "true-false",
      prompt: `True or false? kube-proxy runs in IPVS mode with its default scheduler, and Service ${app} has ${replicas} ready pods. The client pod makes ${replicas + 1} new connections to ${app}, with nobody else connecting; connection ${replicas + 1} is served by the same pod as connection 1.`,
      context: s.context,
      options: [
        {
          id: "true",
          text: "True",
          ...(same ? {} : { misconception: "Thinks a round robin keeps a fixed order only by chance." }),
        },
        {
          id: "false",
          text: "False",
          ...(same ? { misconception: "Thinks IPVS picks endpoints at random, or never returns to the first." } : {}),
        },
      ],
      answer: same ? "true" : "false",
      evidence: s.evidence,
      explanation: `${same ? "True" : "False"}: round robin walks the ${replicas} endpoints in a fixed order and starts again at the first, so connection ${replicas + 1} comes back to the pod that served connection 1.`,
    };
  },
};

/** ClientIP affinity: every new connection from one client reaches the same pod. */
export const clientIPAffinity: ScenarioTemplate = {
  id: "client-ip-affinity",
  kind: "single",
  concepts: ["session-affinity"],
  sections: ["session-affinity-what-it-is"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 3 + rng.int(2);
    const calls = 5 + rng.int(3);
    const s = appWithClient(seed, app, replicas, "iptables", " --session-affinity=ClientIP");
    s.show(`kubectl get service ${app} -o jsonpath={.spec.sessionAffinity}`);
    const distinct = new Set(callsFromClient(s, app, calls)).size;
    return {
      kind: "single",
      prompt: `Service ${app} has ${replicas} ready pods and sessionAffinity ClientIP; kube-proxy runs in iptables mode. The client pod runs \`curl ${app}/hostname\` (each pod answers with its name) ${calls} times within a minute, each a new connection. How many different pods answer?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        { text: "One: the pod the first connection reached", correct: distinct === 1 },
        {
          text: `${replicas}: the connections are spread over every pod`,
          correct: distinct === replicas,
          misconception: "Thinks session affinity applies to HTTP sessions or cookies, not to the client's IP.",
        },
        {
          text: "It varies: each new connection is still picked at random",
          correct: distinct > 1 && distinct < replicas,
          misconception: "Thinks session affinity lasts only for one connection.",
        },
      ]),
      evidence: s.evidence,
      explanation: `With ClientIP affinity kube-proxy remembers which endpoint a client IP got and sends that client's new connections there again for sessionAffinityConfig.clientIP.timeoutSeconds after its last one (10800 s by default). All ${calls} connections come from the client pod's IP, so one pod answers them all.`,
    };
  },
};

/** ClientIP affinity never keeps a client on an endpoint that is gone: it is balanced again. */
export const affinityEndpointDeleted: ScenarioTemplate = {
  id: "affinity-endpoint-deleted",
  kind: "single",
  concepts: ["session-affinity"],
  sections: ["session-affinity-endpoint-gone"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(2);
    const s = appWithClient(seed, app, replicas, "iptables", " --session-affinity=ClientIP");
    const first = s.show(`kubectl exec client -- curl -s ${app}/hostname`).output.trim();
    s.observe(`kubectl delete pod ${first}`);
    const after = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}/hostname`);
    const answered = after.exitCode === 0;
    const second = after.output.trim();
    const byOther = answered && second !== first;
    const sticks = callsFromClient(s, app, 3).every((served) => served === second);
    return {
      kind: "single",
      prompt: `Service ${app} has ${replicas} ready pods and sessionAffinity ClientIP (timeout 10800 s). The client pod's first connection reached ${first}. You delete ${first}, and the client connects again, and then three more times. What happens?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        { text: "Another ready pod answers, and the client sticks to it from now on", correct: byOther && sticks },
        {
          text: "Another ready pod answers, but each later connection is balanced afresh",
          correct: byOther && !sticks,
          misconception: "Thinks affinity is lost for good once its endpoint goes away.",
        },
        {
          text: "The connection fails until the 10800-second affinity timeout passes",
          correct: !answered,
          misconception: "Thinks affinity pins a client to an endpoint even after it is gone.",
        },
        {
          text: `${first} still answers: the affinity keeps it alive`,
          correct: answered && !byOther,
          misconception: "Thinks session affinity delays a pod's deletion.",
        },
      ]),
      evidence: s.evidence,
      explanation: `Affinity only chooses among endpoints that are usable now. Once ${first} is gone its endpoint leaves the slice, kube-proxy's affinity entry for it goes with its rules, and the client's next connection is balanced again over the remaining ready pods; the new choice is then remembered.`,
    };
  },
};
