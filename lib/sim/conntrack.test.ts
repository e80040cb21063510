import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

// conntrack keeps both directions of a NATed connection: what the client sent (to the ClusterIP or
// NodePort) and what came back (from the endpoint kube-proxy's DNAT chose, to the masqueraded source).
// A closed TCP connection stays in TIME_WAIT for nf_conntrack_tcp_timeout_time_wait, 120 s by default.

function cluster() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx --replicas=2 --port=80");
  h.ok("kubectl expose deployment web --port=80 --type=NodePort");
  h.ok("kubectl run c --image=curlimages/curl --command -- sleep 3600");
  return h;
}

const flows = (out: string) => out.split("\n").filter((l) => l.startsWith("tcp "));

describe("conntrack -L on a node", () => {
  it("shows a pod's request to a ClusterIP with the endpoint kube-proxy chose in the reply direction", () => {
    const h = cluster();
    const client = h.podsNamed("c")[0];
    h.ok("kubectl exec c -- curl -s web/");
    const service = h.cluster.store.get("Service", "default", "web")!;
    h.ok(`kubectl debug node/${client.spec.nodeName} -it --image=busybox --profile=sysadmin`);
    const out = h.ok("chroot /host conntrack -L");
    const [flow] = flows(out);
    const m = new RegExp(
      `^tcp {6}6 (\\d+) TIME_WAIT src=${client.status.podIP} dst=${service.spec.clusterIP} sport=(\\d+) dport=80 src=(\\S+) dst=${client.status.podIP} sport=80 dport=(\\d+) \\[ASSURED\\] mark=0 use=1$`,
    ).exec(flow);
    expect(m).not.toBeNull();
    expect(h.ipsOf("web-")).toContain(m![3]);
    expect(m![2]).toBe(m![4]);
    expect(Number(m![1])).toBeLessThanOrEqual(120);
    expect(out.endsWith("conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n")).toBe(true);
  });

  it("a NodePort from outside is tracked on the receiving node, masqueraded to that node's address", () => {
    const h = cluster();
    const nodePort = h.cluster.store.get("Service", "default", "web")!.spec.ports[0].nodePort;
    h.ok(`curl -s http://172.18.0.3:${nodePort}/`);
    h.ok("kubectl debug node/worker-1 -it --image=nicolaka/netshoot --profile=netadmin");
    const [flow] = flows(h.ok("conntrack -L"));
    expect(flow).toContain(`src=${h.cluster.outsideHostIP} dst=172.18.0.3 sport=`);
    expect(flow).toMatch(/ dst=172\.18\.0\.3 sport=80 dport=\d+ \[ASSURED\]/);
  });

  it("forgets a connection 120 s after it closed, and needs NET_ADMIN to read", () => {
    const h = cluster();
    const node = h.podsNamed("c")[0].spec.nodeName;
    h.ok("kubectl exec c -- curl -s web/");
    h.ok("sleep 120");
    h.ok(`kubectl debug node/${node} -it --image=busybox --profile=sysadmin`);
    expect(flows(h.ok("chroot /host conntrack -L"))).toEqual([]);
    h.ok("exit");
    h.ok(`kubectl debug node/${node} -it --image=busybox`);
    expect(h.run("chroot /host conntrack -L").exitCode).toBe(1);
  });
});

// conntrack-tools' default output (libnetfilter_conntrack's default format without the layer-3
// column): the protocol name padded to 8, its number, the seconds left, the TCP state, the original
// tuple, the reply tuple, the flags in brackets, "mark=0 use=1"; then, on stderr, the count line
// "conntrack v1.4.7 (conntrack-tools): N flow entries have been shown.".
describe("conntrack -L's layout", () => {
  it("prints one fixture-shaped line per flow and the count line", () => {
    const h = cluster();
    const client = h.podsNamed("c")[0];
    h.ok("kubectl exec c -- curl -s web/");
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    h.ok(`kubectl debug node/${client.spec.nodeName} -it --image=busybox --profile=sysadmin`);
    const lines = h.ok("chroot /host conntrack -L").split("\n");
    expect(lines).toHaveLength(3);
    const [, left, sport, endpoint] =
      /^tcp {6}6 (\d+) TIME_WAIT src=\S+ dst=\S+ sport=(\d+) dport=80 src=(\S+) /.exec(lines[0]) ?? [];
    expect(lines[0]).toBe(
      `tcp      6 ${left} TIME_WAIT src=${client.status.podIP} dst=${clusterIP} sport=${sport} dport=80 src=${endpoint} dst=${client.status.podIP} sport=80 dport=${sport} [ASSURED] mark=0 use=1`,
    );
    expect(lines.slice(1)).toEqual(["conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.", ""]);
  });
});
