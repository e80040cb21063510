import { describe, expect, it } from "vitest";
import {
  endpointChain,
  iptablesSave,
  kubeProxyProbability,
  savedProbability,
  serviceChain,
} from "./kube-proxy-iptables";
import { harness } from "./test-support/harness";

// Rules from pkg/proxy/iptables/proxier.go (v1.31): syncProxyRules, writeServiceToEndpointRules,
// computeProbability ("%0.10f" of 1/n), portProtoHash and servicePortEndpointChainName; the saved
// form from iptables' extensions/libxt_statistic.c (probability kept as round(2^31 * p), printed "%.11f").

function web(replicas = 3, type = "ClusterIP") {
  const h = harness();
  h.ok(`kubectl create deployment web --image=nginx --replicas=${replicas} --port=80`);
  h.ok(`kubectl expose deployment web --port=80 --type=${type}`);
  h.ok("kubectl rollout status deployment web");
  return h;
}

const rulesOf = (text: string, chain: string) => text.split("\n").filter((l) => l.startsWith(`-A ${chain} `));
const endpointsOf = (h: ReturnType<typeof harness>) => h.ipsOf("web-").sort((a, b) => (`${a}:80` < `${b}:80` ? -1 : 1));

describe("kube-proxy's iptables rules (iptables-save)", () => {
  it("writes 1/(n-i) with %0.10f, which iptables-save prints back from the kernel's 31-bit fraction", () => {
    expect([3, 2, 4, 5].map(kubeProxyProbability)).toEqual([
      "0.3333333333",
      "0.5000000000",
      "0.2500000000",
      "0.2000000000",
    ]);
    expect([3, 2, 4, 5].map((n) => savedProbability(kubeProxyProbability(n)))).toEqual([
      "0.33333333349",
      "0.50000000000",
      "0.25000000000",
      "0.20000000019",
    ]);
  });

  it("sends a ClusterIP to KUBE-SVC-<hash>, which picks one KUBE-SEP-<hash> per endpoint with probabilities 1/3, 1/2, rest", () => {
    const h = web();
    const nat = iptablesSave(h.cluster, "worker-1", "nat");
    const service = h.cluster.store.get("Service", "default", "web")!;
    const svc = serviceChain("SVC", "default/web", "TCP");
    expect(svc).toMatch(/^KUBE-SVC-[A-Z2-7]{16}$/);
    expect(rulesOf(nat, "KUBE-SERVICES")).toContain(
      `-A KUBE-SERVICES -d ${service.spec.clusterIP}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j ${svc}`,
    );
    const [a, b, c] = endpointsOf(h);
    const sep = (ip: string) => endpointChain("default/web", "tcp", `${ip}:80`);
    expect(rulesOf(nat, svc)).toEqual([
      `-A ${svc} ! -s 10.244.0.0/16 -d ${service.spec.clusterIP}/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`,
      `-A ${svc} -m comment --comment "default/web -> ${a}:80" -m statistic --mode random --probability 0.33333333349 -j ${sep(a)}`,
      `-A ${svc} -m comment --comment "default/web -> ${b}:80" -m statistic --mode random --probability 0.50000000000 -j ${sep(b)}`,
      `-A ${svc} -m comment --comment "default/web -> ${c}:80" -j ${sep(c)}`,
    ]);
    expect(rulesOf(nat, sep(a))).toEqual([
      `-A ${sep(a)} -s ${a}/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ`,
      `-A ${sep(a)} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination ${a}:80`,
    ]);
    // The tail call to KUBE-NODEPORTS stays last, and the masquerade machinery is there.
    expect(rulesOf(nat, "KUBE-SERVICES").at(-1)).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
    expect(nat).toContain("-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n");
    expect(nat).toContain(
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n',
    );
  });

  it("follows the cluster: scaled to one endpoint the chain has a single rule without a statistic match", () => {
    const h = web();
    h.ok("kubectl scale deployment web --replicas=1");
    h.cluster.advance(60);
    const svc = serviceChain("SVC", "default/web", "tcp");
    const [only] = endpointsOf(h);
    expect(rulesOf(iptablesSave(h.cluster, "worker-2", "nat"), svc).slice(1)).toEqual([
      `-A ${svc} -m comment --comment "default/web -> ${only}:80" -j ${endpointChain("default/web", "tcp", `${only}:80`)}`,
    ]);
  });

  it("a Service with no endpoints gets no nat chain, only a filter REJECT (why its connections are refused)", () => {
    const h = web();
    h.ok("kubectl create service clusterip empty --tcp=80:80");
    const ip = h.cluster.store.get("Service", "default", "empty")!.spec.clusterIP;
    const saved = iptablesSave(h.cluster, "worker-1");
    expect(saved).not.toContain(serviceChain("SVC", "default/empty:80-80", "tcp"));
    expect(rulesOf(saved, "KUBE-SERVICES")).toContain(
      `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
    );
  });

  it("a NodePort enters KUBE-NODEPORTS, then KUBE-EXT-<hash>, which masquerades and jumps to the Service chain", () => {
    const h = web(2, "NodePort");
    const nodePort = h.cluster.store.get("Service", "default", "web")!.spec.ports[0].nodePort;
    const nat = iptablesSave(h.cluster, "worker-1", "nat");
    const ext = serviceChain("EXT", "default/web", "tcp");
    expect(rulesOf(nat, "KUBE-NODEPORTS")).toEqual([
      `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport ${nodePort} -j ${ext}`,
    ]);
    expect(rulesOf(nat, ext)).toEqual([
      `-A ${ext} -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ`,
      `-A ${ext} -j ${serviceChain("SVC", "default/web", "tcp")}`,
    ]);
  });

  it("externalTrafficPolicy Local: KUBE-SVL holds only this node's endpoints; a node without one drops outside traffic", () => {
    const h = web(1, "NodePort");
    h.ok(`kubectl patch service web -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    const [pod] = h.podsNamed("web-");
    const here = pod.spec.nodeName!;
    const elsewhere = here === "worker-1" ? "worker-2" : "worker-1";
    const ext = serviceChain("EXT", "default/web", "tcp");
    const svl = serviceChain("SVL", "default/web", "tcp");
    const svc = serviceChain("SVC", "default/web", "tcp");
    const local = iptablesSave(h.cluster, here);
    expect(rulesOf(local, ext)).toEqual([
      `-A ${ext} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/web external destinations" -j ${svc}`,
      `-A ${ext} -m comment --comment "masquerade LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A ${ext} -m comment --comment "route LOCAL traffic for default/web external destinations" -m addrtype --src-type LOCAL -j ${svc}`,
      `-A ${ext} -j ${svl}`,
    ]);
    expect(rulesOf(local, svl)).toHaveLength(1);
    const remote = iptablesSave(h.cluster, elsewhere);
    expect(rulesOf(remote, ext)).toHaveLength(3);
    expect(remote).not.toContain(`:${svl} `);
    expect(rulesOf(remote, "KUBE-EXTERNAL-SERVICES")).toEqual([
      `-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport ${h.cluster.store.get("Service", "default", "web")!.spec.ports[0].nodePort} -j DROP`,
    ]);
  });

  it("sessionAffinity ClientIP adds the recent-module checks before the random choice", () => {
    const h = web(2);
    h.ok(`kubectl patch service web -p '{"spec":{"sessionAffinity":"ClientIP"}}'`);
    const svc = serviceChain("SVC", "default/web", "tcp");
    const [a] = endpointsOf(h);
    const sep = endpointChain("default/web", "tcp", `${a}:80`);
    const nat = iptablesSave(h.cluster, "worker-1", "nat");
    expect(rulesOf(nat, svc)[1]).toBe(
      `-A ${svc} -m comment --comment "default/web -> ${a}:80" -m recent --rcheck --seconds 10800 --reap --name ${sep} --mask 255.255.255.255 --rsource -j ${sep}`,
    );
    expect(rulesOf(nat, sep)[1]).toBe(
      `-A ${sep} -p tcp -m comment --comment "default/web" -m recent --set --name ${sep} --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination ${a}:80`,
    );
  });

  it("prints the save format: a header, *table, built-in policies, chains, rules, COMMIT", () => {
    const h = web(1);
    const nat = iptablesSave(h.cluster, "worker-1", "nat").split("\n");
    expect(nat[0]).toBe("# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan 15 09:00:03 2026");
    expect(nat.slice(1, 6)).toEqual([
      "*nat",
      ":PREROUTING ACCEPT [0:0]",
      ":INPUT ACCEPT [0:0]",
      ":OUTPUT ACCEPT [0:0]",
      ":POSTROUTING ACCEPT [0:0]",
    ]);
    expect(nat.slice(-3)).toEqual(["COMMIT", "# Completed on Thu Jan 15 09:00:03 2026", ""]);
    expect(nat).toContain('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES');
  });
});

// The layout of a real node's `iptables-save`, checked against dumps of kubeadm and k3s nodes
// (iptables 1.4.21 legacy and 1.8.10 nf_tables) and proxier.go's iptablesJumpChains: iptables-nft
// saves its tables in the order of its table list (mangle, filter, nat; legacy follows the kernel's
// load order instead), each as "*table", the built-in chains with their policy, then every other chain
// sorted by name, then the rules chain by chain in that order. kube-proxy prepends each jump of
// iptablesJumpChains in turn, so the last listed comes first; the kubelet's KUBE-FIREWALL jumps were
// already there (the kubelet starts before the kube-proxy pod), so they stay below kube-proxy's.
describe("iptables-save's layout", () => {
  it("prints the tables, chain declarations and rules in a real node's order", () => {
    const h = harness();
    h.ok("kubectl create service clusterip empty --tcp=80:80");
    const ip = h.cluster.store.get("Service", "default", "empty")!.spec.clusterIP;
    const out = iptablesSave(h.cluster, "worker-1");
    // ctime(3) of the simulated clock, which the create above moved by a second.
    const stamp = "Thu Jan 15 09:00:01 2026";
    const tables = out.split("\n").filter((l) => l.startsWith("*"));
    expect(tables).toEqual(["*mangle", "*filter", "*nat"]);
    const filter = out.slice(out.indexOf("*filter"), out.indexOf("COMMIT", out.indexOf("*filter")));
    const conntrackNew = "-m conntrack --ctstate NEW -m comment --comment";
    expect(filter).toBe(
      [
        "*filter",
        ":INPUT ACCEPT [0:0]",
        ":FORWARD ACCEPT [0:0]",
        ":OUTPUT ACCEPT [0:0]",
        ":KUBE-EXTERNAL-SERVICES - [0:0]",
        ":KUBE-FIREWALL - [0:0]",
        ":KUBE-FORWARD - [0:0]",
        ":KUBE-KUBELET-CANARY - [0:0]",
        ":KUBE-NODEPORTS - [0:0]",
        ":KUBE-PROXY-CANARY - [0:0]",
        ":KUBE-PROXY-FIREWALL - [0:0]",
        ":KUBE-SERVICES - [0:0]",
        `-A INPUT ${conntrackNew} "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL`,
        '-A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS',
        `-A INPUT ${conntrackNew} "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES`,
        "-A INPUT -j KUBE-FIREWALL",
        `-A FORWARD ${conntrackNew} "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL`,
        '-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
        `-A FORWARD ${conntrackNew} "kubernetes service portals" -j KUBE-SERVICES`,
        `-A FORWARD ${conntrackNew} "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES`,
        `-A OUTPUT ${conntrackNew} "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL`,
        `-A OUTPUT ${conntrackNew} "kubernetes service portals" -j KUBE-SERVICES`,
        "-A OUTPUT -j KUBE-FIREWALL",
        // The saved order puts the IP header matches (-s, -d, -p) before the -m matches.
        '-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP',
        "-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP",
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        `-A KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/empty:80-80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable`,
        "",
      ].join("\n"),
    );
    expect(out.startsWith(`# Generated by iptables-save v1.8.9 (nf_tables) on ${stamp}\n*mangle\n`)).toBe(true);
    expect(out.endsWith(`COMMIT\n# Completed on ${stamp}\n`)).toBe(true);
    // nat: built-in chains in hook order, then the rest sorted; KUBE-SEP before KUBE-SERVICES before KUBE-SVC.
    const natChains = out
      .slice(out.indexOf("*nat"))
      .split("\n")
      .filter((l) => l.startsWith(":"))
      .map((l) => l.split(" ")[0].slice(1));
    expect(natChains.slice(0, 4)).toEqual(["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"]);
    expect(natChains.slice(4)).toEqual([...natChains.slice(4)].sort());
    expect(natChains).toEqual(expect.arrayContaining(["KUBE-MARK-MASQ", "KUBE-NODEPORTS", "KUBE-POSTROUTING"]));
    const nat = out.slice(out.indexOf("*nat"));
    expect(nat).toContain(
      [
        "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
        "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      ].join("\n"),
    );
    const services = rulesOf(nat, "KUBE-SERVICES");
    expect(services.at(-1)).toBe(
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
    );
  });
});
