import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

// kubectl pkg/cmd/logs/logs.go, pkg/polymorphichelpers/logsforobject.go and util/podutils ByLogging
// (Kubernetes v1.31); the nginx image's access log, the `main` log_format of its /etc/nginx/nginx.conf:
// nginx's `combined` fields (ngx_http_log_module) and then "$http_x_forwarded_for".

const COMBINED =
  /^(\d+\.\d+\.\d+\.\d+) - - \[(\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000)\] "GET (\S+) HTTP\/1\.1" (\d{3}) (\d+) "-" "([^"]*)" "([^"]*)"$/;

function clusterWithWeb(replicas = 1) {
  const h = harness();
  h.ok(`kubectl create deployment web --image=nginx --replicas=${replicas}`);
  h.ok("kubectl expose deployment web --port=80");
  h.ok("kubectl run client --image=curlimages/curl --command -- sleep 3600");
  return h;
}

describe("kubectl logs", () => {
  it("an nginx pod logs each request it served in the combined format, with the client's address as the pod saw it", () => {
    const h = clusterWithWeb();
    const body = h.ok("kubectl exec client -- curl -s web/healthz");
    // The clock of the request, as nginx's $time_local prints it: day/Mon/year:hh:mm:ss zone.
    const [, day, hms] = /^2026-01-(\d{2})T([\d:]{8})Z$/.exec(h.cluster.timestamp())!;
    const web = h.podsNamed("web-")[0].metadata.name;
    const lines = h.ok(`kubectl logs ${web}`).trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const m = COMBINED.exec(lines[0]);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(h.podsNamed("client")[0].status.podIP);
    expect(m![2]).toBe(`${day}/Jan/2026:${hms} +0000`);
    expect(m![3]).toBe("/healthz");
    // nginx's default site has no /healthz: the 404 page, its status and size as nginx logs them.
    expect(m![4]).toBe("404");
    expect(Number(m![5])).toBe(body.length);
    expect(m![6]).toMatch(/^curl\//);
    expect(m![7]).toBe("-"); // no X-Forwarded-For header
  });

  it("logs the X-Forwarded-For header a request carries at the end of the line", () => {
    const h = clusterWithWeb();
    h.ok("kubectl exec client -- curl -s -H 'X-Forwarded-For: 203.0.113.7' web/");
    const web = h.podsNamed("web-")[0].metadata.name;
    expect(COMBINED.exec(h.ok(`kubectl logs ${web}`).trimEnd())?.[7]).toBe("203.0.113.7");
  });

  it("busybox wget identifies itself as Wget", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run tmp --rm -it --image=busybox --restart=Never -- wget -qO- http://web");
    const web = h.podsNamed("web-")[0].metadata.name;
    expect(COMBINED.exec(h.ok(`kubectl logs ${web}`).trimEnd())?.[6]).toBe("Wget");
  });

  it("a one-shot pod's log is its command's output", () => {
    const h = clusterWithWeb();
    h.ok("kubectl run once --image=busybox --restart=Never -- echo hello there");
    expect(h.ok("kubectl logs once")).toBe("hello there\n");
  });

  it("--tail=N prints the last N lines; a pod that served nothing logs nothing", () => {
    const h = clusterWithWeb();
    for (const path of ["/a", "/b", "/c"]) h.ok(`kubectl exec client -- curl -s web${path}`);
    const web = h.podsNamed("web-")[0].metadata.name;
    const tailed = h.ok(`kubectl logs ${web} --tail=2`).trimEnd().split("\n");
    expect(tailed.map((l) => COMBINED.exec(l)?.[3])).toEqual(["/b", "/c"]);
    expect(h.ok("kubectl logs client")).toBe("");
  });

  it("deploy/NAME reads one of the workload's pods and says which when there are several", () => {
    const h = clusterWithWeb(3);
    const out = h.ok("kubectl logs deploy/web");
    const [first] = out.split("\n");
    const names = h.podsNamed("web-").map((p) => p.metadata.name);
    expect(first).toMatch(/^Found 3 pods, using pod\/(\S+)$/);
    expect(names).toContain(first.slice("Found 3 pods, using pod/".length));
  });

  it("answers as kubectl for a missing pod, an unknown container and a type without a selector", () => {
    const h = clusterWithWeb();
    expect(h.fails("kubectl logs nope")).toBe(
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    );
    expect(h.fails("kubectl logs client -c other")).toBe("error: container other is not valid for pod client\n");
    expect(h.fails("kubectl logs node/worker-1")).toBe(
      "error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n",
    );
    expect(h.fails("kubectl logs")).toMatch(
      /^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\./,
    );
  });
});
