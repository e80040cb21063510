import { curlOutcome } from "../../../sim/shell/read-output";
import { outcomeQuestion } from "./reachability";
import { Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

/** Without a load balancer controller nothing fills status.loadBalancer: EXTERNAL-IP stays <pending>. */
export const loadBalancerPending: ScenarioTemplate = {
  id: "loadbalancer-pending",
  kind: "single",
  concepts: ["type-load-balancer"],
  sections: ["type-load-balancer-without-controller", "type-load-balancer-what-it-is"],
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --type=LoadBalancer --port=80`);
    const listing = s.observe(`kubectl get service ${app}`);
    const row = listing.output.split("\n").find((l) => l.startsWith(`${app} `)) ?? "";
    const external = row.split(/\s+/)[3] ?? "";
    const service = s.sim.cluster.store.get("Service", "default", app)!;
    const candidates = [
      { text: "<pending>", value: "<pending>" },
      {
        text: "<none>",
        value: "<none>",
        misconception: "Thinks a LoadBalancer Service without a load balancer is the same as a ClusterIP Service.",
      },
      {
        text: `${service.spec.clusterIP}, its ClusterIP`,
        value: service.spec.clusterIP,
        misconception: "Thinks the ClusterIP doubles as the external address.",
      },
      {
        text: "The address of a node",
        value: "node",
        misconception: "Thinks kube-proxy turns a node into the load balancer.",
      },
    ];
    return {
      kind: "single",
      prompt: `The cluster runs on bare metal with no cloud provider and no load balancer implementation installed. You run \`kubectl expose deployment ${app} --type=LoadBalancer --port=80\`. What does \`kubectl get service ${app}\` show under EXTERNAL-IP?`,
      context: s.context,
      ...single(
        `${this.id}:${seed}`,
        candidates.map((c) => ({ text: c.text, correct: c.value === external, misconception: c.misconception })),
      ),
      evidence: s.evidence,
      explanation: `The API server gives a LoadBalancer Service its ClusterIP and node port at once, but the external address is written into status.loadBalancer by a load balancer controller (a cloud-controller-manager, MetalLB, ...). With none installed, the status stays empty and kubectl prints <pending>.`,
    };
  },
};

/** A LoadBalancer Service whose load balancer never came is still a NodePort Service. */
export const loadBalancerNodePort: ScenarioTemplate = {
  id: "loadbalancer-node-port",
  kind: "single",
  concepts: ["type-load-balancer", "type-node-port"],
  sections: ["how-they-stack", "type-load-balancer-without-controller"],
  build(seed) {
    const { app } = params(this.id, seed);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --type=LoadBalancer --port=80`);
    s.show(`kubectl get service ${app}`);
    s.show("kubectl get nodes -o wide");
    const service = s.sim.cluster.store.get("Service", "default", app)!;
    const nodePort = service.spec.ports[0].nodePort;
    const ip = s.nodeIP("worker-1");
    const result = s.observe(`curl -s --max-time 5 http://${ip}:${nodePort}/`);
    return {
      kind: "single",
      prompt: `EXTERNAL-IP of ${app} still says <pending>. From a laptop on the nodes' network you run \`curl http://${ip}:${nodePort}/\` (worker-1's address and the node port shown in PORT(S)). What happens?`,
      context: s.context,
      ...outcomeQuestion(`${this.id}:${seed}`, curlOutcome(result.exitCode)),
      evidence: s.evidence,
      explanation: `A LoadBalancer Service is built on a NodePort Service: the API server allocated node port ${nodePort} when the Service was created, and kube-proxy opened it on every node. The missing load balancer only means nobody put an address in front of those node ports.`,
    };
  },
};

/** An ExternalName Service is a CNAME in cluster DNS, with no ClusterIP. */
export const externalNameLookup: ScenarioTemplate = {
  id: "externalname-lookup",
  kind: "single",
  concepts: ["type-external-name"],
  sections: ["type-external-name-what-it-is"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const [name, target] = [
      ["docs", "kubernetes.io"],
      ["site", "example.com"],
    ][rng.int(2)];
    const manifest = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: ExternalName\n  externalName: ${target}\n`;
    const s = new Script({ seed }, { [`${name}.yaml`]: manifest });
    s.showCommand(`kubectl apply -f ${name}.yaml`);
    s.show(`kubectl get service ${name}`);
    s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
    const lookup = s.observe(`kubectl exec client -- nslookup ${name}`);
    const cname = new RegExp(`canonical name = ${target.replace(/\./g, "\\.")}\\.`).test(lookup.output);
    const service = s.sim.cluster.store.get("Service", "default", name)!;
    const candidates = [
      { text: `A CNAME to ${target}, followed by ${target}'s own address`, correct: cname },
      {
        text: "One address: a ClusterIP from 10.96.0.0/12",
        correct: !cname && service.spec.clusterIP !== undefined,
        misconception: "Thinks every Service gets a ClusterIP and is proxied by kube-proxy.",
      },
      {
        text: "NXDOMAIN: a Service without a selector has no DNS name",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Thinks a Service needs endpoints to have a DNS name.",
      },
    ];
    return {
      kind: "single",
      prompt: `Service ${name} has type ExternalName and externalName ${target}. What does \`nslookup ${name}\` print from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `Cluster DNS answers ${name}.default.svc.cluster.local with a CNAME record to ${target} (DNS specification, section 2.5), and the resolver follows it. The Service has no ClusterIP and no endpoints, and kube-proxy programs nothing for it: the client connects to ${target}'s address directly.`,
    };
  },
};
