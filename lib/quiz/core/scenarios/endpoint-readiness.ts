import { curlOutcome, nslookupAddresses } from "../../../sim/shell/read-output";
import { publishNotReadyService, readinessDeployment } from "./readiness-manifests";
import { outcomeCandidates, Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

const CONCEPTS = ["endpointslice", "endpoint-conditions"];

/** A ready Deployment of `replicas` pods behind a ClusterIP Service, and a client pod. */
function readyApp(seed: number, app: string, replicas: number) {
  const s = new Script({ seed }, { [`${app}.yaml`]: readinessDeployment(app, replicas) });
  s.showCommand(`kubectl apply -f ${app}.yaml`);
  s.showCommand(`kubectl expose deployment ${app} --port=80`);
  s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  return s;
}

/** The endpoint of the given pod IP in the Service's slice, as the EndpointSlice controller wrote it. */
function endpointOf(s: Script, service: string, ip: string) {
  return s.sim.cluster.store
    .slicesFor("default", service)
    .flatMap((slice) => slice.endpoints)
    .find((e) => e.addresses[0] === ip);
}

/** A pod that fails its readiness probe stays in the slice, marked not ready (not removed). */
export const readinessFailsEndpoint: ScenarioTemplate = {
  id: "readiness-fails-endpoint",
  kind: "single",
  concepts: CONCEPTS,
  sections: ["conditions-set-from", "conditions-ready"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(2);
    const s = readyApp(seed, app, replicas);
    const pod = s.pods(`${app}-`)[rng.int(replicas)];
    const ip = pod.status.podIP!;
    s.show(`kubectl get pods -l app=${app} -o wide`);
    s.observe(`kubectl exec ${pod.metadata.name} -- rm /tmp/ready`);
    // The kubelet gives up after failureThreshold (3) failed probes, periodSeconds (10) apart.
    s.observe("sleep 30");
    s.observe(`kubectl get pods -l app=${app}`);
    s.observe(`kubectl get endpointslices -l kubernetes.io/service-name=${app} -o yaml`);
    const endpoint = endpointOf(s, app, ip);
    return {
      kind: "single",
      prompt: `Each ${app} pod has the readiness probe \`cat /tmp/ready\`. You run \`kubectl exec ${pod.metadata.name} -- rm /tmp/ready\` and wait 30 seconds, long enough for the probe to fail three times in a row. What does Service ${app}'s EndpointSlice now say about ${ip}?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        {
          text: `${ip} is still listed, with ready: false`,
          correct: endpoint !== undefined && !endpoint.conditions.ready,
        },
        {
          text: `${ip} is no longer listed`,
          correct: endpoint === undefined,
          misconception: "Thinks a pod that fails its readiness probe is removed from the EndpointSlice.",
        },
        {
          text: `${ip} is still listed, with ready: true until the container restarts`,
          correct: endpoint?.conditions.ready === true,
          misconception:
            "Confuses the readiness probe with the liveness probe, or thinks readiness is read only at start.",
        },
      ]),
      evidence: s.evidence,
      explanation: `The kubelet marks ${pod.metadata.name} not Ready, and the EndpointSlice controller keeps its endpoint in the slice with ready: false (and serving: false). kube-proxy and DNS leave it out until the probe passes again; the container is not restarted, because that is the liveness probe's job.`,
    };
  },
};

/** When no endpoint is ready, kube-proxy rejects connections to the ClusterIP. */
export const allUnreadyRefused: ScenarioTemplate = {
  id: "all-unready-refused",
  kind: "single",
  concepts: CONCEPTS,
  sections: ["conditions-ready", "real-kubernetes"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(2);
    const s = readyApp(seed, app, replicas);
    s.show(`kubectl get pods -l app=${app}`);
    for (const pod of s.pods(`${app}-`)) s.observe(`kubectl exec ${pod.metadata.name} -- rm /tmp/ready`);
    s.observe("sleep 30"); // three failed probes, 10 s apart
    s.observe(`kubectl get pods -l app=${app}`);
    const result = s.observe(`kubectl exec client -- curl -s --max-time 5 ${app}`);
    const observed = curlOutcome(result.exitCode);
    return {
      kind: "single",
      prompt: `Each of the ${replicas} ${app} pods has the readiness probe \`cat /tmp/ready\`. You remove /tmp/ready in every one of them and wait 30 seconds, until their probes have failed three times: they all keep running but none is ready. What happens when the client pod runs \`curl ${app}\`?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        outcomeCandidates(observed, {
          answered: {
            text: "One of the running pods answers anyway",
            misconception: "Thinks a Service sends traffic to any running pod, ready or not.",
          },
          refused: {},
          timeout: { misconception: "Expects packets to a Service without ready endpoints to be dropped silently." },
          unresolved: { misconception: "Thinks the Service's DNS name depends on its pods being ready." },
        }),
      ),
      evidence: s.evidence,
      explanation: `All ${replicas} endpoints are in the slice with ready: false and none is terminating, so kube-proxy has no endpoint to use. It installs a reject rule for the ClusterIP, and the client gets "connection refused" at once. The name still resolves: DNS for a ClusterIP Service answers with the ClusterIP whatever the endpoints.`,
    };
  },
};

/** publishNotReadyAddresses marks every endpoint ready, so a headless Service lists unready pods. */
export const publishNotReady: ScenarioTemplate = {
  id: "publish-not-ready",
  kind: "single",
  concepts: CONCEPTS,
  sections: ["conditions-ready"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(3);
    const s = new Script(
      { seed },
      {
        [`${app}.yaml`]: readinessDeployment(app, replicas, false),
        [`${app}-peers.yaml`]: publishNotReadyService(`${app}-peers`, app),
      },
    );
    s.showCommand(`kubectl apply -f ${app}.yaml`);
    s.showCommand(`kubectl apply -f ${app}-peers.yaml`);
    s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
    s.show(`kubectl get pods -l app=${app}`);
    const lookup = s.observe(`kubectl exec client -- nslookup ${app}-peers`);
    const found = lookup.exitCode === 0 ? nslookupAddresses(lookup.output).length : 0;
    return {
      kind: "single",
      prompt: `The ${replicas} ${app} pods run but are not ready (their readiness probe fails). ${app}-peers is a headless Service for them with \`publishNotReadyAddresses: true\`. How many addresses does \`nslookup ${app}-peers\` print from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, [
        {
          text: "None: no pod is ready",
          correct: found === 0,
          misconception: "Thinks publishNotReadyAddresses changes nothing for DNS.",
        },
        {
          text: "One: the Service's ClusterIP",
          correct: found === 1,
          misconception: "Forgets that a headless Service has no ClusterIP.",
        },
        { text: `${replicas}: one per pod, ready or not`, correct: found === replicas },
      ]),
      evidence: s.evidence,
      explanation: `With publishNotReadyAddresses the EndpointSlice controller marks every endpoint ready whatever the pod's readiness, so cluster DNS answers for the headless Service with one address per pod, ${replicas} in all. StatefulSets use this so peers can find each other before they are ready.`,
    };
  },
};
