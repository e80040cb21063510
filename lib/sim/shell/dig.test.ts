import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

// BIND 9 dig(1): "+[no]search ... the search list is not used by default", +short prints the data only,
// exit status 0 for any DNS answer (NXDOMAIN included) and 9 when no server answers. Answers per the
// Kubernetes DNS specification via lib/sim/dns.ts, with the TTL 30 of kubeadm's Corefile (kubernetes#76238).

function cluster() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx --replicas=2 --port=80");
  h.ok("kubectl expose deployment web --port=80");
  h.ok(`kubectl patch service web -p '{"spec":{"ports":[{"port":80,"name":"http"}]}}'`);
  h.ok("kubectl run dns --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep infinity");
  return h;
}

const clusterIP = (h: ReturnType<typeof harness>) => h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;

describe("dig in a pod", () => {
  it("prints the header, question and answer sections as dig does, TTL 30, authoritative from CoreDNS", () => {
    const h = cluster();
    const out = h.ok("kubectl exec dns -- dig web.default.svc.cluster.local");
    const lines = out.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "",
      "; <<>> DiG 9.18.33 <<>> web.default.svc.cluster.local",
      ";; global options: +cmd",
      ";; Got answer:",
    ]);
    expect(lines[4]).toMatch(/^;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: \d+$/);
    expect(lines.slice(5, 7)).toEqual([
      ";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1",
      ";; WARNING: recursion requested but not available",
    ]);
    expect(out).toContain(";; QUESTION SECTION:\n;web.default.svc.cluster.local.\tIN\tA\n\n");
    expect(out).toContain(`;; ANSWER SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t${clusterIP(h)}\n\n`);
    expect(out).toContain(";; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n");
    expect(out).toContain(";; WHEN: Thu Jan 15 09:00:");
    // Same cluster, same commands, same output.
    expect(cluster().ok("kubectl exec dns -- dig web.default.svc.cluster.local")).toBe(out);
  });

  it("+short prints only the data", () => {
    const h = cluster();
    expect(h.ok("kubectl exec dns -- dig +short web.default.svc.cluster.local")).toBe(`${clusterIP(h)}\n`);
  });

  it("does not apply the search list: `dig web` asks for web. and gets NXDOMAIN from the root, while nslookup finds it", () => {
    const h = cluster();
    const out = h.ok("kubectl exec dns -- dig web");
    expect(out).toContain("status: NXDOMAIN");
    expect(out).toContain(";web.\t\t\t\tIN\tA\n");
    expect(out).toContain(";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n");
    expect(out).toMatch(/;; AUTHORITY SECTION:\n\.\t\t\t30\tIN\tSOA\ta\.root-servers\.net\. /);
    expect(h.ok("kubectl exec dns -- nslookup web")).toContain(
      `Name:\tweb.default.svc.cluster.local\nAddress: ${clusterIP(h)}\n`,
    );
    // +search walks resolv.conf's search list as the stub resolver does.
    expect(h.ok("kubectl exec dns -- dig +search +short web")).toBe(`${clusterIP(h)}\n`);
  });

  it("answers SRV for a named port with the target's A record as additional data", () => {
    const h = cluster();
    const out = h.ok("kubectl exec dns -- dig SRV _http._tcp.web.default.svc.cluster.local");
    expect(out).toContain(
      ";; ANSWER SECTION:\n_http._tcp.web.default.svc.cluster.local. 30 IN\tSRV 0 100 80 web.default.svc.cluster.local.\n",
    );
    expect(out).toContain(`;; ADDITIONAL SECTION:\nweb.default.svc.cluster.local. 30 IN\tA\t${clusterIP(h)}\n`);
    expect(h.ok("kubectl exec dns -- dig +short SRV _http._tcp.web.default.svc.cluster.local")).toBe(
      "0 100 80 web.default.svc.cluster.local.\n",
    );
  });

  it("a missing cluster name is NXDOMAIN with CoreDNS's SOA for the zone", () => {
    const out = cluster().ok("kubectl exec dns -- dig nope.default.svc.cluster.local");
    expect(out).toContain("status: NXDOMAIN");
    expect(out).toMatch(
      /\ncluster\.local\.\t\t30\tIN\tSOA\tns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \d+ 7200 1800 86400 30\n/,
    );
  });

  it("times out (exit 9) when cluster DNS has no endpoint", () => {
    const h = cluster();
    h.ok("kubectl scale deployment coredns -n kube-system --replicas=0");
    h.cluster.advance(60);
    const result = h.run("kubectl exec dns -- dig +short web.default.svc.cluster.local");
    expect(result.output).toBe(
      ";; connection timed out; no servers could be reached\ncommand terminated with exit code 9\n",
    );
    expect(result.exitCode).toBe(9);
  });

  it("is only where the image has it: busybox has nslookup but no dig", () => {
    const h = cluster();
    h.ok("kubectl run bb --image=busybox -- sleep infinity");
    expect(h.fails("kubectl exec bb -- dig web")).toContain('exec: "dig": executable file not found in $PATH');
  });
});
