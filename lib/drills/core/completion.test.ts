import { describe, expect, it } from "vitest";
import { KUBECTL_COMMANDS } from "../../sim/kubectl";
import { RESOURCE_TYPES } from "../../sim/kubectl/resources";
import { completionCandidates } from "./completion";
import { commonPrefix } from "./line-editor";
import { cluster } from "./test-support/web-cluster";

describe("Tab completion in the drill terminal", () => {
  const sim = cluster();
  const complete = (line: string) => completionCandidates(sim.cluster, ["web-typo.yaml"], line);
  it("completes programs, kubectl commands and resource types", () => {
    expect(complete("kub")).toEqual({ prefix: "kub", candidates: ["kubectl"] });
    // The terminal's own commands complete too (run-command.ts TERMINAL_BUILTINS).
    expect(complete("he").candidates).toEqual(["help"]);
    expect(complete("c").candidates).toEqual(["cat", "clear", "curl"]);
    expect(complete("kubectl ex").candidates).toEqual(["exec", "explain", "expose"]);
    expect(complete("kubectl get endpointsl").candidates).toEqual(["endpointslices"]);
  });
  it("completes object names after a type, pods after exec, nodes after drain, files after -f and cat", () => {
    expect(complete("kubectl delete svc w").candidates).toEqual(["web"]);
    expect(complete("kubectl exec cl").candidates).toEqual(["client"]);
    expect(complete("kubectl exec web").candidates).toHaveLength(2);
    expect(complete("kubectl drain w").candidates).toEqual(["worker-1", "worker-2"]);
    expect(complete("kubectl apply -f w").candidates).toEqual(["web-typo.yaml"]);
    expect(complete("cat ").candidates).toEqual(["web-typo.yaml"]);
  });
  it("offers nothing where nothing fits", () => {
    expect(complete("kubectl get pods --sel").candidates).toEqual([]);
    expect(complete("frobnicate x").candidates).toEqual([]);
  });
  it("finds the common start of several candidates", () => {
    expect(commonPrefix(["worker-1", "worker-2"])).toBe("worker-");
    expect(commonPrefix([])).toBe("");
  });
});

describe("Tab completion follows the kubectl command table", () => {
  const sim = cluster();
  const complete = (line: string) => completionCandidates(sim.cluster, ["web-typo.yaml"], line).candidates;
  it("offers every command of the table after kubectl or k, and nothing after an unknown command", () => {
    expect(complete("kubectl ")).toEqual([...KUBECTL_COMMANDS].sort());
    expect(complete("k dr")).toEqual(["drain"]);
    expect(complete("kubectl frobnicate ")).toEqual([]);
  });
  it("offers every type of the one resource list (plus all for get) where a command takes a type", () => {
    const plurals = RESOURCE_TYPES.map((t) => t.plural);
    expect(complete("kubectl get ")).toEqual([...plurals, "all"].sort());
    expect(complete("kubectl describe ")).toEqual([...plurals].sort());
    expect(complete("kubectl get daemon")).toEqual(["daemonsets"]);
  });
  it("offers a family's sub-verbs, then what the sub-verb takes", () => {
    expect(complete("kubectl create ")).toEqual(["deployment", "ingress", "namespace", "service"]);
    // Families nest: `create service` has a sub-verb per Service type.
    expect(complete("kubectl create service ")).toEqual(["clusterip", "externalname", "loadbalancer", "nodeport"]);
    expect(complete("kubectl rollout ")).toEqual(["history", "restart", "status", "undo"]);
    expect(complete("kubectl rollout restart deployment w")).toEqual(["web"]);
  });
  it("completes a flag's value from the flag's own list: files, namespaces, output formats, Service types", () => {
    expect(complete("kubectl delete -f ")).toEqual(["web-typo.yaml"]);
    expect(complete("kubectl get pods -n kube-")).toEqual(["kube-node-lease", "kube-public", "kube-system"]);
    expect(complete("kubectl get pods -o ")).toEqual(["json", "name", "wide", "yaml"]);
    expect(complete("kubectl expose deployment web --type N")).toEqual(["NodePort"]);
  });
  it("lists object names in the namespace the line names with -n, for every alias of the type", () => {
    expect(complete("kubectl get pods -n kube-system core")).toHaveLength(2);
    expect(complete("kubectl -n kube-system get svc kube-")).toEqual(["kube-dns"]);
    expect(complete("kubectl get po cl")).toEqual(["client"]);
    expect(complete("kubectl get deployments.apps w")).toEqual(["web"]);
    expect(complete("kubectl get ep w")).toEqual(["web"]);
  });
  it("offers nothing after a bare -- (the words belong to the container's command)", () => {
    expect(complete("kubectl exec client -- c")).toEqual([]);
  });
  it("offers the events command, the events type and the --types values, all from the table", () => {
    expect(complete("kubectl eve")).toEqual(["events"]);
    expect(complete("kubectl get eve")).toEqual(["events"]);
    expect(complete("kubectl events --types ")).toEqual(["Normal", "Warning"]);
  });
});

describe("Tab completion inside a container's shell", () => {
  it("offers the image's programs (the node's after chroot /host) and nothing of kubectl", () => {
    const sim = cluster();
    const complete = (line: string) => completionCandidates(sim.cluster, [], line);
    sim.run("kubectl debug node/worker-1 -it --image=busybox");
    // busybox has wget and no curl or iptables-save.
    expect(complete("w").candidates).toEqual(["wget"]);
    expect(complete("cu").candidates).toEqual([]);
    expect(complete("ku").candidates).toEqual([]);
    expect(complete("e").candidates).toEqual(["echo", "env", "exit"]);
    sim.run("chroot /host");
    expect(complete("ipt").candidates).toEqual(["iptables-save"]);
    sim.run("exit");
    sim.run("exit");
    expect(complete("ku").candidates).toEqual(["kubectl"]);
  });

  it("completes kubectl debug's target as node/NAME", () => {
    const sim = cluster();
    expect(completionCandidates(sim.cluster, [], "kubectl debug node/w").candidates).toEqual([
      "node/worker-1",
      "node/worker-2",
    ]);
  });

  it("completes kubectl debug's target as a pod of the namespace too (an ephemeral container)", () => {
    const sim = cluster();
    sim.run("kubectl run solo --image=nginx:1.27");
    expect(completionCandidates(sim.cluster, [], "kubectl debug so").candidates).toEqual(["solo"]);
  });
});
