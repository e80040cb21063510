import { describe, expect, it } from "vitest";
import { answerQuery, answerReverse, candidateNames, resolvConfFor, resolveFromPod, searchWalk } from "./dns";
import { harness } from "./test-support/harness";
import { serviceYaml } from "./test-support/manifests";

// Behaviour from the Kubernetes DNS-Based Service Discovery specification (kubernetes/dns,
// docs/specification.md) and "DNS for Services and Pods" in the Kubernetes documentation.

function cluster() {
  const files = {
    "named.yaml": serviceYaml(
      "api",
      `  selector: { app: web }\n  ports:\n    - name: http\n      port: 80\n      targetPort: 80\n`,
    ),
    "headless.yaml": serviceYaml(
      "web-headless",
      `  clusterIP: None\n  selector: { app: web }\n  ports:\n    - name: http\n      port: 80\n`,
    ),
    "ext.yaml": serviceYaml("search", `  type: ExternalName\n  externalName: www.example.com\n`),
  };
  const h = harness({ externalDNS: { "www.example.com": "93.184.215.14" } }, files);
  h.ok("kubectl create deployment web --image=nginx --replicas=2");
  h.ok("kubectl expose deployment web --port=80");
  for (const f of Object.keys(files)) h.ok(`kubectl apply -f ${f}`);
  h.ok("kubectl run client --image=busybox -- sleep 3600");
  return h;
}

describe("resolv.conf (dnsPolicy ClusterFirst)", () => {
  it("searches the pod's namespace, svc and the zone with ndots:5, using kube-dns's ClusterIP", () => {
    const h = cluster();
    expect(h.ok("kubectl exec client -- cat /etc/resolv.conf")).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    h.ok("kubectl create namespace shop");
    h.ok("kubectl run c2 -n shop --image=busybox -- sleep 3600");
    expect(resolvConfFor(h.cluster, h.podsNamed("c2", "shop")[0]).search[0]).toBe("shop.svc.cluster.local");
  });

  it("tries search domains first for names with fewer than five dots, and the name as is first otherwise", () => {
    const conf = {
      nameservers: ["10.96.0.10"],
      search: ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"],
      options: ["ndots:5"],
    };
    expect(candidateNames("web", conf)).toEqual([
      "web.default.svc.cluster.local",
      "web.svc.cluster.local",
      "web.cluster.local",
      "web",
    ]);
    expect(candidateNames("a.b.c.d.e.f", conf)[0]).toBe("a.b.c.d.e.f");
    expect(candidateNames("web.default.svc.cluster.local.", conf)).toEqual(["web.default.svc.cluster.local."]);
  });
});

describe("walking the search list (resolv.conf(5): search, ndots)", () => {
  const walk = (h: ReturnType<typeof cluster>, name: string, pod = "client", ns = "default") =>
    searchWalk(h.cluster, h.podsNamed(pod, ns)[0], name).tried.map((t) => `${t.name} ${t.rcode}`);

  it("stops at the first search domain that exists: a short Service name costs one query", () => {
    expect(walk(cluster(), "web")).toEqual(["web.default.svc.cluster.local NOERROR"]);
  });

  it("sends an external name with fewer than five dots through every search domain before trying it as is", () => {
    expect(walk(cluster(), "www.example.com")).toEqual([
      "www.example.com.default.svc.cluster.local NXDOMAIN",
      "www.example.com.svc.cluster.local NXDOMAIN",
      "www.example.com.cluster.local NXDOMAIN",
      "www.example.com NOERROR",
    ]);
  });

  it("finds <service>.<namespace> through the second search domain, svc.<zone>", () => {
    const h = cluster();
    h.ok("kubectl create namespace shop");
    h.ok("kubectl run c2 -n shop --image=busybox -- sleep 3600");
    expect(walk(h, "web.default", "c2", "shop")).toEqual([
      "web.default.shop.svc.cluster.local NXDOMAIN",
      "web.default.svc.cluster.local NOERROR",
    ]);
    expect(walk(h, "web", "c2", "shop").at(-1)).toBe("web NXDOMAIN");
  });

  it("sends a name with a trailing dot once, as is, with no search domain", () => {
    const h = cluster();
    expect(walk(h, "web.default.svc.cluster.local.")).toEqual(["web.default.svc.cluster.local. NOERROR"]);
    expect(walk(h, "web.")).toEqual(["web. NXDOMAIN"]);
  });

  it("tries a name with five dots as is first, then the search domains", () => {
    const tried = walk(cluster(), "a.b.c.d.example.com");
    expect(tried[0]).toBe("a.b.c.d.example.com NXDOMAIN");
    expect(tried).toHaveLength(4);
  });

  it("stops at the first query when cluster DNS has no ready endpoint: it times out", () => {
    const h = cluster();
    h.ok("kubectl scale deployment coredns -n kube-system --replicas=0");
    h.ok("kubectl get pods -A");
    expect(searchWalk(h.cluster, h.podsNamed("client", "default")[0], "web").answer.rcode).toBe("TIMEOUT");
  });
});

describe("records for a Service with a ClusterIP (spec 2.3)", () => {
  it("answers <service>.<ns>.svc.<zone> with the ClusterIP, not the pod IPs", () => {
    const h = cluster();
    const ip = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP!;
    expect(answerQuery(h.cluster, "web.default.svc.cluster.local")).toEqual({
      rcode: "NOERROR",
      name: "web.default.svc.cluster.local",
      records: [{ type: "A", name: "web.default.svc.cluster.local", address: ip }],
    });
    expect(h.ok("kubectl exec client -- nslookup web")).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${ip}\n\n`,
    );
  });

  it("answers the same A record for web, web.default, web.default.svc and the full name", () => {
    const h = cluster();
    const client = h.podsNamed("client")[0];
    const names = ["web", "web.default", "web.default.svc", "web.default.svc.cluster.local"];
    const answers = names.map((n) => resolveFromPod(h.cluster, client, n));
    for (const a of answers) expect(a).toEqual(answers[3]);
  });

  it("keeps the same answer when every pod behind the Service is replaced", () => {
    const h = cluster();
    const before = answerQuery(h.cluster, "web.default.svc.cluster.local");
    h.ok("kubectl rollout restart deployment web");
    expect(answerQuery(h.cluster, "web.default.svc.cluster.local")).toEqual(before);
  });

  it("has an SRV record per named port pointing at the Service name, and none for unnamed ports", () => {
    const h = cluster();
    expect(answerQuery(h.cluster, "_http._tcp.api.default.svc.cluster.local", "SRV")).toEqual({
      rcode: "NOERROR",
      name: "_http._tcp.api.default.svc.cluster.local",
      records: [
        {
          type: "SRV",
          name: "_http._tcp.api.default.svc.cluster.local",
          priority: 0,
          weight: 100,
          port: 80,
          target: "api.default.svc.cluster.local",
        },
      ],
    });
    expect(answerQuery(h.cluster, "_http._tcp.web.default.svc.cluster.local", "SRV").rcode).toBe("NXDOMAIN");
  });

  it("returns NXDOMAIN for names that do not exist, and nslookup says so", () => {
    const h = cluster();
    expect(answerQuery(h.cluster, "nothere.default.svc.cluster.local").rcode).toBe("NXDOMAIN");
    expect(answerQuery(h.cluster, "web.other.svc.cluster.local").rcode).toBe("NXDOMAIN");
    expect(h.fails("kubectl exec client -- nslookup nothere")).toContain("** server can't find nothere: NXDOMAIN");
  });

  it("resolves a Service in another namespace only with the namespace in the name", () => {
    const h = cluster();
    h.ok("kubectl create namespace shop");
    h.ok("kubectl create deployment cart -n shop --image=nginx");
    h.ok("kubectl expose deployment cart -n shop --port=80");
    expect(h.fails("kubectl exec client -- nslookup cart")).toContain("NXDOMAIN");
    expect(h.ok("kubectl exec client -- nslookup cart.shop")).toContain("Name:\tcart.shop.svc.cluster.local");
  });
});

describe("records for a headless Service (spec 2.4)", () => {
  it("answers one A record per ready endpoint: the pod IPs", () => {
    const h = cluster();
    const answer = answerQuery(h.cluster, "web-headless.default.svc.cluster.local");
    expect(answer.rcode).toBe("NOERROR");
    const addresses =
      answer.rcode === "NOERROR" ? answer.records.map((r) => (r.type === "A" ? r.address : "")).sort() : [];
    expect(addresses).toEqual(h.ipsOf("web-"));
  });

  it("follows pod replacement: the answer changes to the new pod IPs", () => {
    const h = cluster();
    h.ok("kubectl rollout restart deployment web");
    h.ok("kubectl rollout status deployment web"); // the new pods start and the old ones finish terminating
    const answer = answerQuery(h.cluster, "web-headless.default.svc.cluster.local");
    const addresses =
      answer.rcode === "NOERROR" ? answer.records.map((r) => (r.type === "A" ? r.address : "")).sort() : [];
    expect(addresses).toEqual(h.ipsOf("web-"));
  });

  it("answers NXDOMAIN when no endpoint is ready (spec 2.4.1)", () => {
    const h = cluster();
    h.ok("kubectl scale deployment web --replicas=0");
    h.ok("kubectl get pods");
    expect(answerQuery(h.cluster, "web-headless.default.svc.cluster.local").rcode).toBe("NXDOMAIN");
  });

  it("has SRV records per ready endpoint and named port, and A records for <a-b-c-d>.<service>", () => {
    const h = cluster();
    const srv = answerQuery(h.cluster, "_http._tcp.web-headless.default.svc.cluster.local", "SRV");
    expect(srv.rcode).toBe("NOERROR");
    const targets = srv.rcode === "NOERROR" ? srv.records.map((r) => (r.type === "SRV" ? r.target : "")).sort() : [];
    expect(targets).toEqual(
      h.ipsOf("web-").map((ip) => `${ip.replace(/\./g, "-")}.web-headless.default.svc.cluster.local`),
    );
    const [first] = h.ipsOf("web-");
    const single = answerQuery(h.cluster, `${first.replace(/\./g, "-")}.web-headless.default.svc.cluster.local`);
    expect(single).toMatchObject({ rcode: "NOERROR", records: [{ type: "A", address: first }] });
  });

  it("uses a pod's hostname and subdomain for its endpoint name", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: db-0
  labels: { app: db }
spec:
  hostname: db-0
  subdomain: db
  containers:
    - name: db
      image: nginx
`;
    const h = harness(
      {},
      {
        "pod.yaml": pod,
        "svc.yaml": serviceYaml("db", `  clusterIP: None\n  selector: { app: db }\n  ports:\n    - port: 80\n`),
      },
    );
    h.ok("kubectl apply -f pod.yaml");
    h.ok("kubectl apply -f svc.yaml");
    h.ok("kubectl wait --for=condition=Ready pod/db-0");
    const ip = h.podsNamed("db-0")[0].status.podIP!;
    expect(answerQuery(h.cluster, "db-0.db.default.svc.cluster.local")).toMatchObject({
      rcode: "NOERROR",
      records: [{ address: ip }],
    });
  });
});

describe("ExternalName and pod records", () => {
  it("answers an ExternalName Service with a CNAME to the external name (spec 2.5)", () => {
    const h = cluster();
    expect(answerQuery(h.cluster, "search.default.svc.cluster.local")).toEqual({
      rcode: "NOERROR",
      name: "search.default.svc.cluster.local",
      records: [
        { type: "CNAME", name: "search.default.svc.cluster.local", target: "www.example.com" },
        { type: "A", name: "www.example.com", address: "93.184.215.14" },
      ],
    });
    expect(h.ok("kubectl exec client -- nslookup search")).toContain(
      "search.default.svc.cluster.local\tcanonical name = www.example.com.",
    );
  });

  it("answers <a-b-c-d>.<ns>.pod.<zone> with that address (spec 2.6)", () => {
    const h = cluster();
    expect(answerQuery(h.cluster, "10-244-1-7.default.pod.cluster.local")).toMatchObject({
      rcode: "NOERROR",
      records: [{ address: "10.244.1.7" }],
    });
    expect(answerQuery(h.cluster, "10-244-1-7.nons.pod.cluster.local").rcode).toBe("NXDOMAIN");
  });
});

describe("reverse (PTR) records (spec 2.3.3 and 2.4.3, as CoreDNS serves them)", () => {
  it("points a ClusterIP back to its Service's name", () => {
    const h = cluster();
    const ip = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP!;
    const reversed = ip.split(".").reverse().join(".");
    expect(answerReverse(h.cluster, ip)).toEqual({
      rcode: "NOERROR",
      name: `${reversed}.in-addr.arpa`,
      records: [{ type: "PTR", name: `${reversed}.in-addr.arpa`, target: "web.default.svc.cluster.local" }],
    });
    expect(h.ok(`kubectl exec client -- nslookup ${ip}`)).toContain(
      `${reversed}.in-addr.arpa\tname = web.default.svc.cluster.local.`,
    );
  });
  it("points a ready endpoint to its name under each Service that lists it; other addresses have none", () => {
    // Spec 2.4.3 requires this for headless Services; CoreDNS answers it for the ready endpoints of
    // every Service (plugin/kubernetes/reverse.go, serviceRecordForIP), so web's pods have three names.
    const h = cluster();
    const [pod] = h.ipsOf("web-");
    const dashed = pod.replace(/\./g, "-");
    const answer = answerReverse(h.cluster, pod);
    expect(answer.rcode === "NOERROR" && answer.records.map((r) => r.type === "PTR" && r.target)).toEqual([
      `${dashed}.api.default.svc.cluster.local`,
      `${dashed}.web.default.svc.cluster.local`,
      `${dashed}.web-headless.default.svc.cluster.local`,
    ]);
    h.ok("kubectl delete service api web");
    expect(answerReverse(h.cluster, pod)).toMatchObject({
      rcode: "NOERROR",
      records: [{ target: `${dashed}.web-headless.default.svc.cluster.local` }],
    });
    expect(answerReverse(h.cluster, "10.244.9.9").rcode).toBe("NXDOMAIN");
    expect(h.fails("kubectl exec client -- nslookup 10.244.9.9")).toContain(
      "** server can't find 9.9.244.10.in-addr.arpa: NXDOMAIN",
    );
  });
});

describe("when cluster DNS is down", () => {
  it("times out lookups if kube-dns has no ready endpoints", () => {
    const h = cluster();
    h.ok("kubectl scale deployment coredns -n kube-system --replicas=0");
    h.ok("kubectl get pods -A");
    expect(h.fails("kubectl exec client -- nslookup web")).toContain(
      ";; connection timed out; no servers could be reached",
    );
    expect(h.fails("kubectl exec client -- wget -qO- web")).toContain("wget: bad address 'web'");
  });
});

// dnsPolicy and hostNetwork as the kubelet writes /etc/resolv.conf (GetPodDNS in
// pkg/kubelet/network/dns/dns.go) and the API server validates it (validatePodDNSConfig).
describe("dnsPolicy", () => {
  const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
${spec}  containers:
    - { name: c, image: busybox, command: ["sleep", "3600"] }
`;
  const node = { nameservers: ["172.18.0.1"], search: ["corp.example"], options: ["ndots:0"] };
  const files = {
    "first.yaml": pod("first", ""),
    "default.yaml": pod("dflt", "  dnsPolicy: Default\n"),
    "host.yaml": pod("host", "  hostNetwork: true\n"),
    "hostcf.yaml": pod("hostcf", "  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n"),
    "none.yaml": pod(
      "none",
      '  dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]\n    searches: [example.com]\n    options:\n      - { name: ndots, value: "2" }\n',
    ),
    "bad.yaml": pod("bad", "  dnsPolicy: None\n"),
  };

  function cluster() {
    const h = harness({ nodeResolvConf: node }, files);
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    for (const f of ["first", "default", "host", "hostcf", "none"]) h.ok(`kubectl apply -f ${f}.yaml`);
    return h;
  }

  it("ClusterFirst (the default): cluster DNS only, the pod's search domains then the node's, ndots:5", () => {
    const h = cluster();
    expect(h.ok("kubectl get pod first -o jsonpath={.spec.dnsPolicy}")).toBe("ClusterFirst");
    expect(h.ok("kubectl exec first -- cat /etc/resolv.conf")).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    expect(h.ok("kubectl exec first -- nslookup web")).toContain("web.default.svc.cluster.local");
  });

  it("Default: the node's resolv.conf as it is, so cluster names do not resolve", () => {
    const h = cluster();
    expect(h.ok("kubectl exec dflt -- cat /etc/resolv.conf")).toBe(
      "search corp.example\nnameserver 172.18.0.1\noptions ndots:0\n",
    );
    expect(h.fails("kubectl exec dflt -- nslookup web")).toContain("NXDOMAIN");
    expect(h.ok("kubectl exec dflt -- nslookup example.com")).toContain("93.184.215.14");
  });

  it("a hostNetwork pod with ClusterFirst falls back to Default; ClusterFirstWithHostNet keeps cluster DNS", () => {
    const h = cluster();
    const nodeIP = h.cluster.nodeIP(h.cluster.store.get("Node", undefined, h.podsNamed("host")[0].spec.nodeName!)!);
    expect(h.podsNamed("host")[0].status.podIP).toBe(nodeIP);
    expect(h.ok("kubectl exec host -- cat /etc/resolv.conf")).toContain("nameserver 172.18.0.1\n");
    expect(h.ok("kubectl exec hostcf -- cat /etc/resolv.conf")).toContain("nameserver 10.96.0.10\n");
    expect(h.ok("kubectl exec hostcf -- nslookup web")).toContain("Name:\tweb.default.svc.cluster.local");
  });

  it("None: only the pod's dnsConfig", () => {
    const h = cluster();
    expect(h.ok("kubectl exec none -- cat /etc/resolv.conf")).toBe(
      "search example.com\nnameserver 1.1.1.1\noptions ndots:2\n",
    );
  });

  it("None without dnsConfig is rejected by the API server", () => {
    const h = cluster();
    expect(h.fails("kubectl apply -f bad.yaml")).toContain(
      "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
    );
  });
});
