import { Script } from "./script";
import { params, type ScenarioTemplate, single } from "./template";

// The Service variables the kubelet injects into containers (pkg/kubelet/envvars/envvars.go, and
// getServiceEnvVarMap in pkg/kubelet/kubelet_pods.go): built when a container starts, from the Services
// of the pod's namespace that exist then (enableServiceLinks, default true), plus the kubernetes Service's.

const envPrefix = (service: string) => service.toUpperCase().replace(/-/g, "_");

/** What `printenv NAME` printed: the value, or undefined when the variable is not set (exit code 1). */
const printed = (r: { output: string; exitCode: number }) => (r.exitCode === 0 ? r.output.trim() : undefined);

type Timeline = "before" | "after" | "after-restart" | "deleted-after";

const TIMELINES: Record<Timeline, string> = {
  before: "The Service {app} was created before the client pod started.",
  after: "The client pod was already running when the Service {app} was created.",
  "after-restart":
    "The client pod was already running when the Service {app} was created; then the client's container crashed and the kubelet restarted it (same pod).",
  "deleted-after": "The Service {app} existed when the client pod started, and was deleted afterwards.",
};

/** The variables are a snapshot taken at container start: later Services are missing, deleted ones stay. */
export const envSnapshot: ScenarioTemplate = {
  id: "env-snapshot",
  kind: "single",
  concepts: ["service-env-vars"],
  sections: ["service-env-vars-when", "ordering-pitfalls"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const timeline = (Object.keys(TIMELINES) as Timeline[])[rng.int(4)];
    const s = new Script({ seed });
    const expose = `kubectl expose deployment ${app} --port=80`;
    const client = "kubectl run client --image=busybox -- sleep 3600";
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    if (timeline === "before" || timeline === "deleted-after") {
      s.showCommand(expose);
      s.showCommand(client);
    } else {
      s.showCommand(client);
      s.showCommand(expose);
    }
    const clusterIP = s.clusterIP(app);
    if (timeline === "after-restart") s.showCommand("kubectl exec client -- kill 1", 137);
    if (timeline === "deleted-after") s.showCommand(`kubectl delete service ${app}`);
    const variable = `${envPrefix(app)}_SERVICE_HOST`;
    const value = printed(s.observe(`kubectl exec client -- printenv ${variable}`));
    const podIPs = new Set(s.pods(`${app}-`).map((p) => p.status.podIP));
    const candidates = [
      {
        text: `${clusterIP}, the ClusterIP ${app} was given`,
        correct: value === clusterIP,
        misconception: "Thinks the variables follow the Services of the namespace while the container runs.",
      },
      {
        text: "Nothing: the variable is not set",
        correct: value === undefined,
        misconception:
          "Thinks the variables are fixed for the pod's whole life, or that a deleted Service's variable goes away.",
      },
      {
        text: `The IP of one of the ${app} pods`,
        correct: value !== undefined && podIPs.has(value),
        misconception: "Thinks the variable holds a pod's address rather than the Service's.",
      },
    ];
    return {
      kind: "single",
      prompt: `${TIMELINES[timeline].replace("{app}", app)} What does \`printenv ${variable}\` print in the client now?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation:
        "The kubelet writes a container's Service variables when it starts that container, from the Services that exist at that moment, and never updates them. A Service created later is missing until the container starts again (a restart counts: every restart is a new container); a Service deleted later stays in the environment, with an address that no longer answers.",
    };
  },
};

type Scope = "same-namespace" | "other-namespace" | "links-disabled" | "kubernetes-links-disabled";

/** Only Services of the pod's own namespace, and none with enableServiceLinks: false, except the API server's. */
export const envScope: ScenarioTemplate = {
  id: "env-scope",
  kind: "single",
  concepts: ["service-env-vars"],
  sections: ["service-env-vars-scope", "service-env-vars-what-it-is"],
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const scope = (["same-namespace", "other-namespace", "links-disabled", "kubernetes-links-disabled"] as Scope[])[
      rng.int(4)
    ];
    const namespace = scope === "other-namespace" ? "shop" : "default";
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  enableServiceLinks: ${scope.endsWith("links-disabled") ? "false" : "true"}\n  containers:\n    - name: client\n      image: busybox\n      command: ["sleep", "3600"]\n`;
    const s = new Script({ seed }, { "client.yaml": pod });
    const inNamespace = namespace === "default" ? "" : ` -n ${namespace}`;
    if (inNamespace) s.showCommand(`kubectl create namespace ${namespace}`);
    s.showCommand(`kubectl create deployment ${app}${inNamespace} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${app}${inNamespace} --port=80`);
    s.show("cat client.yaml");
    s.showCommand("kubectl apply -f client.yaml");
    const service = scope === "kubernetes-links-disabled" ? "kubernetes" : app;
    const variable = `${envPrefix(service)}_SERVICE_HOST`;
    const value = printed(s.observe(`kubectl exec client -- printenv ${variable}`));
    const clusterIP =
      s.sim.cluster.store.get("Service", service === "kubernetes" ? "default" : namespace, service)?.spec.clusterIP ??
      "";
    const candidates = [
      {
        text: `${clusterIP}, the ClusterIP of ${service}`,
        correct: value === clusterIP,
        misconception:
          scope === "other-namespace"
            ? "Thinks the kubelet injects variables for the Services of every namespace."
            : "Thinks enableServiceLinks: false has no effect on the variables.",
      },
      {
        text: "Nothing: the variable is not set",
        correct: value === undefined,
        misconception:
          scope === "kubernetes-links-disabled"
            ? "Thinks enableServiceLinks: false also removes the kubernetes Service's variables."
            : "Thinks Service variables need something more than a Service in the pod's namespace.",
      },
    ];
    const where = {
      "same-namespace": `Service ${app} and the client pod are both in namespace default, and the pod keeps the default enableServiceLinks: true.`,
      "other-namespace": `Service ${app} is in namespace shop; the client pod is in default.`,
      "links-disabled": `Service ${app} and the client pod are both in namespace default; the pod sets enableServiceLinks: false.`,
      "kubernetes-links-disabled": `The client pod, in namespace default, sets enableServiceLinks: false.`,
    }[scope];
    return {
      kind: "single",
      prompt: `${where} Service ${app} existed before the pod started. What does \`printenv ${variable}\` print in the client?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation:
        "The kubelet adds variables for the Services of the pod's own namespace only, and only while enableServiceLinks is true (the default). The kubernetes Service's variables (KUBERNETES_SERVICE_HOST and friends) are added to every container whatever enableServiceLinks says, so that clients can always find the API server.",
    };
  },
};

const SERVICE_NAMES = ["my-api", "web-cache", "redis", "user-db"];

/** The Docker-link style <NAME>_PORT holds a URL, tcp://<ClusterIP>:<port>, not a port number. */
export const envPortUrl: ScenarioTemplate = {
  id: "env-port-url",
  kind: "single",
  concepts: ["service-env-vars"],
  sections: ["service-env-vars-names", "ordering-pitfalls"],
  build(seed) {
    const { rng } = params(this.id, seed);
    const name = SERVICE_NAMES[rng.int(SERVICE_NAMES.length)];
    const port = [80, 6379, 8080][rng.int(3)];
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${name} --image=nginx --replicas=2`);
    s.showCommand(`kubectl expose deployment ${name} --port=${port}`);
    s.showCommand("kubectl run client --image=busybox -- sleep 3600");
    const variable = `${envPrefix(name)}_PORT`;
    const value = printed(s.observe(`kubectl exec client -- printenv ${variable}`));
    const clusterIP = s.clusterIP(name);
    const candidates = [
      {
        text: String(port),
        correct: value === String(port),
        misconception: `Thinks ${variable} holds the port number (that is ${envPrefix(name)}_SERVICE_PORT).`,
      },
      { text: `tcp://${clusterIP}:${port}`, correct: value === `tcp://${clusterIP}:${port}` },
      {
        text: "Nothing: the variable is not set",
        correct: value === undefined,
        misconception: "Thinks only *_SERVICE_HOST and *_SERVICE_PORT are injected.",
      },
    ];
    return {
      kind: "single",
      prompt: `Service ${name} (port ${port}) existed when the client pod started. What does \`printenv ${variable}\` print in the client?`,
      context: s.context,
      ...single(`${this.id}:${seed}`, candidates),
      evidence: s.evidence,
      explanation: `Besides ${envPrefix(name)}_SERVICE_HOST and ${envPrefix(name)}_SERVICE_PORT, the kubelet adds Docker-link style variables, and ${variable} is a URL: tcp://<ClusterIP>:<port> of the first port. The Service name is upper-cased with dashes turned into underscores. An application that reads ${variable} expecting a number breaks when a Service with that name appears in its namespace.`,
    };
  },
};
