import { describe, expect, it } from "vitest";
import { PodIPAM } from "./allocators";
import type { Cluster } from "./cluster";
import { answerQuery, createCluster } from "./index";
import { formatIPv4, subnet } from "./ip";
import { iptablesSave } from "./kube-proxy-iptables";
import { probe } from "./network";
import { Rng } from "./rng";

// The queued reconcile (work-queues.ts) must do exactly what a walk over every object does, in the
// same order: the same pod names and addresses, EndpointSlices, kube-proxy rules, DNS answers and
// events. Each case runs a random command sequence from a seed on two clusters, one reconciling by
// walking everything and one by its queues (in "check" mode, which also walks after each reconcile).

const COMMANDS = [
  (r: Rng) => `kubectl create deployment d${r.int(3)} --image=nginx:1.27 --replicas=${1 + r.int(4)}`,
  (r: Rng) => `kubectl scale deployment d${r.int(3)} --replicas=${r.int(6)}`,
  (r: Rng) => `kubectl expose deployment d${r.int(3)} --port=80`,
  (r: Rng) => `kubectl delete service d${r.int(3)}`,
  (r: Rng) => `kubectl label pods -l app=d${r.int(3)} app=moved --overwrite`,
  (r: Rng) => `kubectl set image deployment/d${r.int(3)} nginx=nginx:1.${26 + r.int(2)}`,
  (r: Rng) => `kubectl cordon worker-${1 + r.int(2)}`,
  (r: Rng) => `kubectl uncordon worker-${1 + r.int(2)}`,
  (r: Rng) => `kubectl delete pod -l app=d${r.int(3)} --wait=false`,
  (r: Rng) => `kubectl run p${r.int(3)} --image=busybox -- sleep 3600`,
  (r: Rng) => `sleep ${1 + r.int(20)}`,
  // A Service whose selector changes (the EndpointSlice controller's index of Services by selector).
  (r: Rng) => `kubectl patch service d${r.int(3)} -p '{"spec":{"selector":{"app":"d${r.int(3)}"}}}'`,
  // Node ports and load balancer addresses (kube-proxy's routing indexes).
  (r: Rng) =>
    `kubectl expose deployment d${r.int(3)} --port=80 --type=${r.int(2) ? "NodePort" : "LoadBalancer"} --name=x${r.int(2)}`,
  (r: Rng) => `kubectl delete service x${r.int(2)}`,
  // Quotas and Ingresses created, edited and deleted (their status controllers).
  (r: Rng) => `kubectl apply -f quota-${r.int(3)}.yaml`,
  (r: Rng) => `kubectl delete quota q${r.int(2)}`,
  // Pods that finish (Succeeded or Failed) stop counting against a quota.
  (r: Rng) => `kubectl run j${r.int(3)} --image=busybox --restart=Never -- ${r.int(2) ? "true" : "false"}`,
  (r: Rng) => `kubectl create ingress i${r.int(2)} --rule=i${r.int(2)}.example.com/=d${r.int(3)}:80`,
  (r: Rng) => `kubectl delete ingress i${r.int(2)}`,
];

/** Three quotas over two names, so applying one may edit another's hard limits. */
const FILES: Record<string, string> = Object.fromEntries(
  [
    ["q0", 'pods: "6"'],
    ["q1", 'pods: "20"\n    services: "3"'],
    ["q0", 'pods: "12"'],
  ].map(([name, hard], i) => [
    `quota-${i}.yaml`,
    `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: ${name}\nspec:\n  hard:\n    ${hard}\n`,
  ]),
);

/** What the cluster looks like from outside its transcript: objects, slices, DNS, kube-proxy's rules and routes. */
function state(cluster: Cluster) {
  const pods = cluster.store
    .list("Pod")
    .map((p) => [p.metadata.name, p.status.podIP, p.spec.nodeName, p.status.phase, p.metadata.resourceVersion]);
  const slices = cluster.store.list("EndpointSlice").map((s) => [s.metadata.name, s.endpoints, s.ports]);
  const services = cluster.store.list("Service");
  const dns = services.map((s) => answerQuery(cluster, `${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local`));
  // Where kube-proxy sends a connection to each ClusterIP, node port and pod (probe leaves no trace).
  const client = cluster.pods("kube-system").find((p) => p.metadata.name.startsWith("coredns-"))!;
  const node = cluster.nodeIP(cluster.nodes()[1]);
  const routes = [
    ...services.flatMap((s) => [
      probe(cluster, { kind: "pod", pod: client }, s.spec.clusterIP ?? "", s.spec.ports[0]?.port ?? 80),
      ...s.spec.ports.flatMap((p) => (p.nodePort ? [probe(cluster, { kind: "outside" }, node, p.nodePort)] : [])),
    ]),
    ...cluster.store.list("Pod").map((p) => probe(cluster, { kind: "pod", pod: client }, p.status.podIP ?? "", 80)),
  ].map((r) => (r.ok ? `${r.pod.metadata.name} ${r.ip}:${r.port}` : r.reason));
  const status = [...cluster.store.list("ResourceQuota"), ...cluster.store.list("Ingress")].map((o) => [
    o.metadata.name,
    o.status,
  ]);
  return {
    pods,
    slices,
    dns,
    routes,
    status,
    rules: cluster.nodes().map((n) => iptablesSave(cluster, n.metadata.name)),
  };
}

function transcript(mode: "full" | "check", seed: number, steps: number) {
  const sim = createCluster({ seed, loadBalancerPool: "172.18.255.200/29" }, (name) => FILES[name] ?? null);
  sim.cluster.reconcileMode = mode;
  const r = new Rng(seed * 7919);
  const out: string[] = [];
  // Something for the commands to act on from the start.
  for (const line of [
    "kubectl create deployment d0 --image=nginx:1.27 --replicas=2",
    "kubectl expose deployment d0 --port=80",
  ])
    out.push(`$ ${line}`, sim.run(line).output);
  for (let i = 0; i < steps; i++) {
    const command = COMMANDS[r.int(COMMANDS.length)](r);
    out.push(`$ ${command}`, sim.run(command).output);
  }
  for (const read of ["kubectl get pods -A -o wide", "kubectl get endpointslices -A", "kubectl get events -A"])
    out.push(sim.run(read).output);
  return JSON.stringify({ out, ...state(sim.cluster) });
}

/** A worker that joins the cluster later (what bootstrap.ts addNode makes, at the next free index). */
function joinNode(cluster: Cluster, name: string): void {
  const index = cluster.nodes().length + 10;
  const template = structuredClone(cluster.store.get("Node", undefined, "worker-1")!);
  const podCIDR = subnet(cluster.podCIDR, 24, index);
  cluster.ipam.set(name, new PodIPAM(podCIDR));
  cluster.save({
    ...template,
    metadata: cluster.meta(name, undefined, {
      labels: { ...template.metadata.labels, "kubernetes.io/hostname": name },
    }),
    spec: { podCIDR: podCIDR.text, podCIDRs: [podCIDR.text] },
    status: {
      ...template.status,
      addresses: [
        { type: "InternalIP", address: formatIPv4(cluster.nodeCIDR.base + 2 + index) },
        { type: "Hostname", address: name },
      ],
    },
  });
  cluster.reconcile();
}

/** Nodes joining and leaving while pods wait for one (the scheduler's heap of nodes, kept between reconciles). */
function nodesComeAndGo(mode: "full" | "check", seed: number) {
  const sim = createCluster({ seed, workers: 3, maxPods: 14 });
  const cluster = sim.cluster;
  cluster.reconcileMode = mode;
  const out: string[] = [];
  const run = (line: string) => out.push(`$ ${line}`, sim.run(line).output);
  run("kubectl cordon worker-1");
  run("kubectl cordon worker-2");
  run("kubectl cordon worker-3");
  run(`kubectl create deployment web --image=nginx:1.27 --replicas=${6 + seed}`);
  joinNode(cluster, "worker-0");
  run("sleep 5");
  run("kubectl uncordon worker-2");
  joinNode(cluster, "worker-9");
  run("kubectl scale deployment web --replicas=30");
  // A node that leaves takes its pods' bindings with it: the node object goes, its pods stay bound to a
  // name no node has (the node lifecycle controller would evict them later; not modelled here).
  cluster.store.remove(cluster.store.get("Node", undefined, "worker-0")!);
  cluster.reconcile();
  run("kubectl scale deployment web --replicas=40");
  run("kubectl uncordon worker-1");
  run("kubectl delete pod -l app=web --wait=false");
  run("sleep 40");
  run("kubectl get pods -o wide");
  run("kubectl get events");
  return JSON.stringify({ out, ...state(cluster) });
}

/** Ingresses created before ingress-nginx runs, and the controller scaled away and back (the status sync's queue). */
function ingressController(mode: "full" | "check", seed: number) {
  const sim = createCluster({ seed, loadBalancerPool: "172.18.255.200/29" });
  sim.cluster.reconcileMode = mode;
  const out: string[] = [];
  const run = (line: string) => out.push(`$ ${line}`, sim.run(line).output);
  run("kubectl create deployment web --image=nginx:1.27 --replicas=2");
  run("kubectl expose deployment web --port=80");
  run("kubectl create ingress early --class=nginx --rule=early.example.com/=web:80");
  run("kubectl apply -f ingress-nginx.yaml");
  run("kubectl get ingress");
  run("sleep 30");
  run("kubectl get ingress");
  run("kubectl create ingress late --class=nginx --rule=late.example.com/=web:80");
  run("kubectl scale deployment ingress-nginx-controller -n ingress-nginx --replicas=0");
  run(`sleep ${40 + seed}`);
  run("kubectl create ingress while-down --class=nginx --rule=down.example.com/=web:80");
  run("sleep 1");
  run("kubectl scale deployment ingress-nginx-controller -n ingress-nginx --replicas=1");
  run("sleep 30");
  run("kubectl delete pod -n ingress-nginx -l app.kubernetes.io/component=controller --wait=false");
  run("sleep 30");
  run("kubectl get ingress -o wide");
  run("kubectl get events");
  return JSON.stringify({ out, ...state(sim.cluster) });
}

describe("the queued reconcile", () => {
  for (let seed = 1; seed <= 12; seed++)
    it(`does what the walk over everything does (seed ${seed})`, () => {
      expect(transcript("check", seed, 40)).toBe(transcript("full", seed, 40));
    });
  for (let seed = 1; seed <= 3; seed++)
    it(`places pods on nodes that join and leave as the walk does (seed ${seed})`, () => {
      expect(nodesComeAndGo("check", seed)).toBe(nodesComeAndGo("full", seed));
    });
  for (let seed = 1; seed <= 2; seed++)
    it(`keeps Ingress status as the walk does while the controller comes and goes (seed ${seed})`, () => {
      expect(ingressController("check", seed)).toBe(ingressController("full", seed));
    });
});
