import { nslookupAddresses, nslookupServices, nslookupTargets } from "../../../sim/shell/read-output";
import { Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

// The records of the Kubernetes DNS-Based Service Discovery specification (kubernetes/dns,
// docs/specification.md), asked about with nslookup from a pod and answered by lib/sim's cluster DNS.

const serviceManifest = (name: string, spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

const PORT_NAMES = ["http", "metrics", "grpc"];
const SERVICE_PORTS = [80, 8000, 9090];

/** Spec 2.3.2: a ClusterIP Service has one SRV record per named port, pointing at the Service's own name. */
export const srvNamedPort: ScenarioTemplate = {
  id: "srv-named-port",
  kind: "single",
  concepts: ["clusterip-service"],
  sections: ["clusterip-service-srv", "clusterip-service-answer"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const portName = PORT_NAMES[rng.int(PORT_NAMES.length)];
    const port = SERVICE_PORTS[rng.int(SERVICE_PORTS.length)];
    const replicas = 2 + rng.int(2);
    const files = {
      "svc.yaml": serviceManifest(
        app,
        `  selector:\n    app: ${app}\n  ports:\n    - name: ${portName}\n      port: ${port}\n      targetPort: 8080\n`,
      ),
    };
    const s = new Script({ seed }, files);
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${replicas} --port=8080`);
    s.show("cat svc.yaml");
    s.showCommand("kubectl apply -f svc.yaml");
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    const query = `_${portName}._tcp.${app}`;
    const lookup = s.observe(`kubectl exec client -- nslookup -type=srv ${query}`);
    const records = lookup.exitCode === 0 ? nslookupServices(lookup.output) : [];
    const fqdn = `${app}.default.svc.cluster.local`;
    const one = records.length === 1 ? records[0] : undefined;
    const candidates = [
      { text: `One record: port ${port}, target ${fqdn}`, correct: one?.port === port && one.target === fqdn },
      {
        text: `One record: port 8080, target ${fqdn}`,
        correct: one?.port === 8080 && one.target === fqdn,
        misconception: "Thinks an SRV record carries the targetPort of the pods instead of the Service's port.",
      },
      {
        text: `${replicas} records, one per pod, each with port 8080`,
        correct: records.length === replicas && records.every((r) => r.port === 8080),
        misconception: "Thinks SRV records of a ClusterIP Service list the pods (only a headless Service's do).",
      },
      {
        text: "NXDOMAIN: only headless Services have SRV records",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Thinks SRV records exist only for headless Services.",
      },
    ];
    return {
      kind: "single",
      prompt: `Service ${app} has a ClusterIP and one port named ${portName} (port ${port}, targetPort 8080) in front of ${replicas} pods. What does \`nslookup -type=srv ${query}\` answer from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `For each named port of a Service with a ClusterIP, cluster DNS serves one SRV record _<port>._<proto>.<service>.<ns>.svc.<zone> whose target is the Service's own name and whose port is the Service's port (${port}), not the pods' targetPort. Unnamed ports get no SRV record.`,
    };
  },
};

/** Spec 2.3.3 and 2.4.3: a ClusterIP points back to its Service; a headless endpoint to its name under the Service. */
export const reverseLookup: ScenarioTemplate = {
  id: "reverse-lookup",
  kind: "single",
  concepts: ["clusterip-service", "headless-service"],
  sections: ["clusterip-service-reverse", "headless-service-reverse"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const headless = rng.int(2) === 1;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app} --port=80${headless ? " --cluster-ip=None" : ""}`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show(`kubectl get service ${app}`);
    s.show(`kubectl get pods -l app=${app} -o wide`);
    const pod = s.pods(`${app}-`)[0];
    const address = headless ? pod.status.podIP! : s.clusterIP(app);
    const lookup = s.observe(`kubectl exec client -- nslookup ${address}`);
    const names = lookup.exitCode === 0 ? nslookupTargets(lookup.output) : [];
    const fqdn = `${app}.default.svc.cluster.local`;
    const endpointName = `${address.replace(/\./g, "-")}.${fqdn}`;
    const candidates = [
      { text: fqdn, correct: names.length === 1 && names[0] === fqdn },
      { text: endpointName, correct: names.length === 1 && names[0] === endpointName },
      {
        text: `${pod.metadata.name}.default.pod.cluster.local`,
        correct: names[0] === `${pod.metadata.name}.default.pod.cluster.local`,
        misconception: "Thinks reverse records use pod names under the pod zone.",
      },
      {
        text: "NXDOMAIN: cluster DNS serves no reverse records",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Thinks cluster DNS only answers forward lookups.",
      },
    ];
    const what = headless
      ? `the pod IP ${address} (Service ${app} is headless)`
      : `the ClusterIP ${address} of Service ${app}`;
    return {
      kind: "single",
      prompt: `From the client pod you run \`nslookup ${address}\`, a reverse lookup of ${what}. Which name does the PTR record give?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: headless
        ? `A ready endpoint of a headless Service has a PTR record pointing to its name under the Service: its hostname if the pod sets one, otherwise an id such as the dashed IP, so ${address} points to ${endpointName}.`
        : `A Service's ClusterIP has a PTR record pointing back to the Service's fully qualified name, ${fqdn}. The pods behind it are not involved.`,
    };
  },
};

const EXTERNAL_NAMES = ["example.com", "kubernetes.io"];

/** Spec 2.5: an ExternalName Service is a CNAME to its external name; it has no ClusterIP and no endpoints. */
export const externalNameCname: ScenarioTemplate = {
  id: "externalname-cname",
  kind: "single",
  concepts: ["externalname-service"],
  sections: ["externalname-service-answer"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const target = EXTERNAL_NAMES[rng.int(EXTERNAL_NAMES.length)];
    const files = { "svc.yaml": serviceManifest(app, `  type: ExternalName\n  externalName: ${target}\n`) };
    const s = new Script({ seed }, files);
    s.show("cat svc.yaml");
    s.showCommand("kubectl apply -f svc.yaml");
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show(`kubectl get service ${app}`);
    const lookup = s.observe(`kubectl exec client -- nslookup ${app}`);
    const targets = lookup.exitCode === 0 ? nslookupTargets(lookup.output) : [];
    const addresses = lookup.exitCode === 0 ? nslookupAddresses(lookup.output) : [];
    const externalAddress = s.sim.cluster.options.externalDNS[target];
    const candidates = [
      {
        text: `A CNAME to ${target}, then ${target}'s own address`,
        correct: targets[0] === target && addresses.length === 1 && addresses[0] === externalAddress,
      },
      {
        text: "One A record: a ClusterIP from 10.96.0.0/12",
        correct: targets.length === 0 && addresses.length === 1 && addresses[0].startsWith("10."),
        misconception: "Thinks every Service gets a ClusterIP that kube-proxy forwards to the outside name.",
      },
      {
        text: "NXDOMAIN: a Service without a selector has no DNS name",
        correct: lookup.output.includes("NXDOMAIN"),
        misconception: "Thinks only Services with a selector get DNS records.",
      },
    ];
    return {
      kind: "single",
      prompt: `Service ${app} is of type ExternalName with externalName: ${target}. What does \`nslookup ${app}\` answer from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `An ExternalName Service has no ClusterIP, no endpoints and no kube-proxy rules. Cluster DNS answers its name with a CNAME record to ${target}, and the resolver follows it to ${target}'s own A record.`,
    };
  },
};

/** Spec 2.4.1: a headless Service with no ready endpoint answers NXDOMAIN. */
export const headlessNoneReady: ScenarioTemplate = {
  id: "headless-none-ready",
  kind: "single",
  concepts: ["headless-service"],
  sections: ["headless-service-no-ready", "headless-service-answer"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const scaledDown = rng.int(2) === 1;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${scaledDown ? 0 : 2}`);
    const selector = scaledDown ? "" : ` --selector=app=${app}-v2`;
    s.showCommand(`kubectl expose deployment ${app} --port=80 --cluster-ip=None${selector}`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    s.show(`kubectl get endpointslices -l kubernetes.io/service-name=${app}`);
    const lookup = s.observe(`kubectl exec client -- nslookup ${app}`);
    const addresses = lookup.exitCode === 0 ? nslookupAddresses(lookup.output) : [];
    const candidates = [
      {
        text: "NXDOMAIN: the name does not exist while no endpoint is ready",
        correct: lookup.output.includes("NXDOMAIN"),
      },
      {
        text: "One A record: the Service's ClusterIP",
        correct: addresses.length === 1,
        misconception: "Thinks a headless Service falls back to a ClusterIP.",
      },
      {
        text: "The lookup times out",
        correct: lookup.output.includes("timed out"),
        misconception: "Thinks DNS waits for a pod to become ready.",
      },
    ];
    const why = scaledDown ? `its Deployment has 0 replicas` : `its selector app=${app}-v2 matches no pod`;
    return {
      kind: "single",
      prompt: `Service ${app} is headless (clusterIP: None) and ${why}. What does \`nslookup ${app}\` answer from the client pod?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation:
        "A headless Service's name has one A record per ready endpoint and nothing else. With no ready endpoint the specification says the answer is NXDOMAIN, so clients see the name as missing, not as empty.",
    };
  },
};
