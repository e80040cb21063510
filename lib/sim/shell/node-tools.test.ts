import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

// What a node shows of kube-proxy and the network: kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go:
// virtual servers with the rr scheduler, ipset-matching iptables rules, ClusterIPs bound to kube-ipvs0),
// the iptables mode's ClusterIPs that exist only as DNAT rules (so ping gets no reply), routes per node.

function cluster(proxyMode: "iptables" | "ipvs" = "iptables") {
  const h = harness({ proxyMode });
  h.ok("kubectl create deployment web --image=nginx --replicas=2 --port=80");
  h.ok("kubectl expose deployment web --port=80 --type=NodePort");
  return h;
}

const onNode = (h: ReturnType<typeof harness>, node = "worker-1") =>
  h.ok(`kubectl debug node/${node} -it --image=nicolaka/netshoot --profile=sysadmin`);

describe("node tools", () => {
  it("ip route on a node: its own pod range on the bridge, the other nodes' ranges through their addresses", () => {
    const h = cluster();
    onNode(h);
    expect(h.ok("ip route")).toBe(
      [
        "default via 172.18.0.1 dev eth0",
        "10.244.0.0/24 via 172.18.0.2 dev eth0",
        "10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1",
        "10.244.2.0/24 via 172.18.0.4 dev eth0",
        "172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3",
        "",
      ].join("\n"),
    );
  });

  it("ip route in a pod: the default route through its node's bridge", () => {
    const h = cluster();
    h.ok("kubectl run bb --image=busybox -- sleep infinity");
    const pod = h.podsNamed("bb")[0];
    const range = h.cluster.store.get("Node", undefined, pod.spec.nodeName!)!.spec.podCIDR;
    expect(h.ok("kubectl exec bb -- ip route")).toBe(
      `default via ${range.replace(/0\/24$/, "1")} dev eth0\n${range} dev eth0 proto kernel scope link src ${pod.status.podIP}\n`,
    );
  });

  it("ping: a ClusterIP never answers in iptables mode (only TCP/UDP ports are DNATed), a pod IP does", () => {
    const h = cluster();
    onNode(h);
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    expect(h.run(`ping -c 2 ${clusterIP}`)).toMatchObject({ exitCode: 1 });
    expect(h.run(`ping -c 2 ${clusterIP}`).output).toContain(
      "2 packets transmitted, 0 packets received, 100% packet loss",
    );
    const [web] = h.podsNamed("web-");
    expect(h.ok(`ping -c 1 ${web.status.podIP}`)).toContain("1 packets received, 0% packet loss");
    h.ok("exit");
    // The same from a pod.
    h.ok("kubectl run bb --image=busybox -- sleep infinity");
    expect(h.run(`kubectl exec bb -- ping -c 1 ${clusterIP}`).exitCode).toBe(1);
  });

  it("ping: in IPVS mode every ClusterIP is an address of the node's kube-ipvs0, so the node itself answers", () => {
    const h = cluster("ipvs");
    onNode(h);
    const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
    expect(h.ok(`ping -c 1 ${clusterIP}`)).toContain(`64 bytes from ${clusterIP}: seq=0 ttl=64`);
  });

  it("ipvsadm -Ln lists a virtual server per ClusterIP and NodePort address with one real server per endpoint", () => {
    const h = cluster("ipvs");
    onNode(h);
    const service = h.cluster.store.get("Service", "default", "web")!;
    const out = h.ok("ipvsadm -Ln");
    const reals = h
      .ipsOf("web-")
      .map((ip) => `  -> ${`${ip}:80`.padEnd(28)} Masq    1      0          ${"0".padEnd(10)}`)
      .join("\n");
    expect(
      out.startsWith("IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n"),
    ).toBe(true);
    expect(out).toContain(`TCP  ${service.spec.clusterIP}:80 rr\n${reals}\n`);
    expect(out).toContain(`TCP  172.18.0.3:${service.spec.ports[0].nodePort} rr\n${reals}\n`);
    expect(out).toContain("UDP  10.96.0.10:53 rr\n");
  });

  it("iptables-save in IPVS mode has no KUBE-SVC chains, only rules matching kube-proxy's ipsets", () => {
    const h = cluster("ipvs");
    onNode(h);
    const nat = h.ok("iptables-save -t nat");
    expect(nat).not.toContain("KUBE-SVC-");
    expect(nat).toContain(
      '-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n',
    );
    expect(nat).toContain(
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ\n',
    );
    expect(nat).toContain("-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT\n");
  });

  it("ipvsadm in iptables mode shows an empty table; without NET_ADMIN it cannot read IPVS at all", () => {
    const h = cluster();
    onNode(h);
    expect(h.ok("ipvsadm -Ln").split("\n")).toHaveLength(4);
    h.ok("exit");
    h.ok("kubectl debug node/worker-2 -it --image=nicolaka/netshoot");
    expect(h.run("ipvsadm -Ln").exitCode).toBe(2);
  });
});

// ipvsadm's listing as ipvsadm.c prints it: the version line, the two title lines, each service as
// "%s  %s %s" (protocol, address:port, scheduler) and its real servers with
// printf("  -> %-28s %-7s %-6d %-10u %-10u\n"). Unless --nosort, ipvsadm sorts services by protocol
// number (TCP 6 before UDP 17), address and port (libipvs.c ipvs_cmp_services, whose address test is an
// unsigned difference stored in an int: 172.18.0.3 sorts before 10.96.0.1, more than 2^31 below it) and
// each service's real servers by address and port (ipvs_cmp_dests). NodePorts get a virtual server on
// each of the node's own addresses, loopback and kube-ipvs0's excepted (ipvs/proxier.go realIPGetter.NodeIPs).
describe("ipvsadm -Ln's layout", () => {
  it("lists this node's virtual servers in ipvsadm's sort order with its column widths", () => {
    const h = cluster("ipvs");
    onNode(h);
    const web = h.cluster.store.get("Service", "default", "web")!;
    const nodePort = web.spec.ports[0].nodePort;
    const [a, b] = h.ipsOf("web-").sort((x, y) => Number(x.split(".")[3]) - Number(y.split(".")[3]));
    const dns = h.ipsOf("coredns-", "kube-system");
    const real = (to: string) => `  -> ${to.padEnd(28)} Masq    1      0          0         `;
    const webReals = [real(`${a}:80`), real(`${b}:80`)];
    expect(h.ok("ipvsadm -Ln").split("\n")).toEqual([
      "IP Virtual Server version 1.2.1 (size=4096)",
      "Prot LocalAddress:Port Scheduler Flags",
      "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
      `TCP  172.18.0.3:${nodePort} rr`,
      ...webReals,
      "TCP  10.96.0.1:443 rr",
      real("172.18.0.2:6443"),
      "TCP  10.96.0.10:53 rr",
      ...dns.map((ip) => real(`${ip}:53`)),
      "TCP  10.96.0.10:9153 rr",
      ...dns.map((ip) => real(`${ip}:9153`)),
      `TCP  ${web.spec.clusterIP}:80 rr`,
      ...webReals,
      `TCP  10.244.1.1:${nodePort} rr`,
      ...webReals,
      "UDP  10.96.0.10:53 rr",
      ...dns.map((ip) => real(`${ip}:53`)),
      "",
    ]);
  });
});
