import { describe, expect, it } from "vitest";
import { createCluster } from "../../sim";
import { commandKey } from "./command-key";

function cluster() {
  const sim = createCluster({ seed: 3 });
  sim.run("kubectl create deployment web --image=nginx --replicas=2");
  sim.run("kubectl expose deployment web --port=80");
  sim.run("kubectl run client --image=busybox -- sleep 3600");
  return sim.cluster;
}

const same = (a: string, b: string, c = cluster()) => expect(commandKey(a, c)).toBe(commandKey(b, c));
const differ = (a: string, b: string, c = cluster()) => expect(commandKey(a, c)).not.toBe(commandKey(b, c));

describe("commandKey: one key for the spellings kubectl and curl treat alike", () => {
  it("folds kubectl's type aliases, type/name, flag spellings, flag order and the default namespace", () => {
    const scale = "kubectl scale deployment web --replicas=0";
    for (const spelling of [
      "kubectl scale deploy web --replicas 0",
      "kubectl scale deployment/web --replicas=0",
      "k scale deployments.apps web --replicas=0",
      "kubectl  scale   deploy/web   --replicas=0 --timeout=5s",
      "kubectl scale deployment web --replicas=0 -n default",
      "kubectl scale --replicas=0 deployment web --namespace=default",
      "kubectl scale 'deployment' \"web\" --replicas='0'",
    ])
      same(scale, spelling);
    same("kubectl delete pod web-1", "kubectl delete po/web-1 --now --grace-period=0");
    same("kubectl drain worker-1 --ignore-daemonsets", "kubectl drain node/worker-1 --force --delete-emptydir-data");
    same("kubectl apply -f web-typo.yaml", "kubectl create --filename web-typo.yaml");
    same(
      "kubectl get service web -o jsonpath={.spec.clusterIP}",
      "kubectl get svc/web --output='jsonpath={.spec.clusterIP}'",
    );
    same("kubectl get endpointslices -l app=web", "kubectl get endpointslice --selector=app=web");
  });

  it("folds curl and wget run in a pod: flags that only change printing or waiting, URL forms, DNS names, the ClusterIP", () => {
    const c = cluster();
    const clusterIP = c.store.get("Service", "default", "web")!.spec.clusterIP;
    const curl = "kubectl exec client -- curl -s --max-time 5 web";
    for (const spelling of [
      "kubectl exec client -- curl web",
      "kubectl exec -it client -- curl -sS -m 3 http://web/",
      "kubectl exec pod/client -- curl web:80",
      "kubectl exec client -- wget -qO- web",
      "kubectl exec client -- wget -q -O - http://web.default.svc.cluster.local",
      "kubectl exec client -- sh -c 'curl -s web.default'",
      "kubectl exec client -- /usr/bin/curl web.default.svc",
      `kubectl exec client -- curl ${clusterIP}`,
    ])
      same(curl, spelling, c);
    same("kubectl exec client -- nslookup web", "kubectl exec client -- nslookup web.default.svc.cluster.local.", c);
  });

  it("keeps commands that do or show something else apart", () => {
    differ("kubectl scale deployment web --replicas=0", "kubectl scale deployment web --replicas=1");
    differ("kubectl scale deployment web --replicas=0", "kubectl scale deployment api --replicas=0");
    differ("kubectl delete pod web-1", "kubectl delete pod web-2");
    differ("kubectl get svc web", "kubectl get svc web -o yaml");
    differ("kubectl get pods -l app=web -o wide", "kubectl get pods -o wide");
    differ("kubectl exec client -- curl web", "kubectl exec client -- curl web-typo");
    differ("kubectl exec client -- curl web", "kubectl exec client -- curl web:8080");
    differ("kubectl exec client -- nslookup web", "kubectl exec client -- curl web");
    differ("kubectl scale deployment web --replicas=0", "kubectl scale deployment web --replicas=0 -n other");
    // Outside the cluster names do not resolve through cluster DNS: the ClusterIP is not the name there.
    const c = cluster();
    const clusterIP = c.store.get("Service", "default", "web")!.spec.clusterIP;
    differ(`curl -s ${clusterIP}`, "curl -s web", c);
    same(`curl -s --max-time 5 ${clusterIP}`, `curl http://${clusterIP}:80/`, c);
    differ(`curl -s ${clusterIP}`, `kubectl exec client -- curl -s ${clusterIP}`, c);
  });

  it("leaves lines it cannot read as they are", () => {
    expect(commandKey("echo 'unterminated")).toBe("echo 'unterminated");
    expect(commandKey("  cat web-typo.yaml ")).toBe("cat web-typo.yaml");
  });
});
