import { describe, expect, it } from "vitest";
import { imageProfile } from "./images";
import { harness } from "./test-support/harness";
import { CURL_CLIENT, ECHO_IMAGE, echoDeployment } from "./test-support/manifests";

// What each image carries, from its build: busybox is one binary whose applets include wget, nslookup
// and ping but not curl; curlimages/curl and agnhost are Alpine (busybox) plus curl; the Debian nginx
// image installs curl but no wget, nslookup or ping (nginxinc/docker-nginx mainline/debian/Dockerfile).

describe("the tools an image carries", () => {
  it("false is there (a busybox applet, coreutils elsewhere) and exits 1", () => {
    const h = harness();
    h.ok("kubectl run client --image=busybox -- sleep 3600");
    expect(h.run("kubectl exec client -- false")).toEqual({
      output: "command terminated with exit code 1\n",
      exitCode: 1,
    });
    // kubectl run's CodeExitError for an attached pod that failed: its phase and the container's reason.
    expect(h.fails("kubectl run once --rm -i --image=busybox --restart=Never -- false")).toBe(
      'pod "once" deleted\npod default/once terminated (Error)\n',
    );
  });

  it("busybox has wget, nslookup and ping, and no curl", () => {
    const { programs } = imageProfile("busybox:1.36");
    expect(["wget", "nslookup", "ping"].every((p) => programs.has(p as never))).toBe(true);
    expect(programs.has("curl")).toBe(false);
  });

  it("curl in busybox: exec finds no such executable; through sh the shell says `sh: curl: not found`, exit 127", () => {
    const h = harness();
    h.ok("kubectl run client --image=busybox -- sleep 3600");
    // containerd names the exec process by a 64-hex id: failed to start exec "<id>".
    const refused = h.run("kubectl exec client -- curl -sS example.com");
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/,
    );
    expect(h.run("kubectl exec client -- sh -c 'curl -sS example.com'")).toEqual({
      output: "sh: curl: not found\ncommand terminated with exit code 127\n",
      exitCode: 127,
    });
    expect(h.ok("kubectl exec client -- wget -qO- http://example.com")).toContain("<title>example.com</title>");
  });

  it("curlimages/curl has curl; nginx (Debian) has curl but no wget, and dash words a missing program its own way", () => {
    const h = harness();
    h.ok(CURL_CLIENT);
    h.ok("kubectl run web --image=nginx");
    expect(h.ok("kubectl exec client -- curl -sS http://example.com")).toContain("example.com");
    expect(h.ok("kubectl exec web -- curl -sS localhost")).toContain("Welcome to nginx!");
    expect(h.run("kubectl exec web -- sh -c 'wget -qO- localhost'")).toEqual({
      output: "sh: 1: wget: not found\ncommand terminated with exit code 127\n",
      exitCode: 127,
    });
  });
});

describe("what answers HTTP", () => {
  it("nginx serves its default page at / and 404 elsewhere", () => {
    const h = harness();
    h.ok("kubectl run web --image=nginx");
    h.ok(CURL_CLIENT);
    const ip = h.podsNamed("web")[0].status.podIP;
    expect(h.ok(`kubectl exec client -- curl -sS ${ip}`)).toContain("<h1>Welcome to nginx!</h1>");
    expect(h.ok(`kubectl exec client -- curl -sS ${ip}/hostname`)).toContain("404 Not Found");
    expect(h.run(`kubectl exec client -- curl -sSf ${ip}/hostname`).exitCode).toBe(22);
  });

  it("nginx listens on 80 whatever the spec declares: ports in the spec are informational", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports: [{ containerPort: 8080 }]
`;
    const h = harness({}, { "pod.yaml": pod });
    h.ok("kubectl apply -f pod.yaml");
    h.ok(CURL_CLIENT);
    const ip = h.podsNamed("web")[0].status.podIP;
    expect(h.ok(`kubectl exec client -- curl -sS ${ip}:80`)).toContain("Welcome to nginx!");
    expect(h.fails(`kubectl exec client -- curl -sS ${ip}:8080`)).toContain("Connection refused");
  });

  it("agnhost netexec answers its hostname, and /clientip shows the source address after SNAT", () => {
    const h = harness({ workers: 2 });
    h.ok(echoDeployment("echo", 1));
    h.ok("kubectl expose deployment echo --port=80 --type=NodePort");
    h.ok(CURL_CLIENT);
    const [echo] = h.podsNamed("echo-");
    expect(h.ok("kubectl exec client -- curl -sS echo/hostname")).toBe(echo.metadata.name);
    // Pod to ClusterIP: no SNAT, the echo server sees the client pod's address.
    const clientIP = h.podsNamed("client")[0].status.podIP;
    expect(h.ok("kubectl exec client -- curl -sS echo/clientip")).toMatch(new RegExp(`^${clientIP}:\\d+$`));
    // From outside through a NodePort (externalTrafficPolicy Cluster): masqueraded to the receiving node.
    const port = h.ok("kubectl get svc echo -o jsonpath={.spec.ports[0].nodePort}");
    const node = h.cluster.nodes().find((n) => n.metadata.name !== echo.spec.nodeName)!;
    const nodeIP = h.cluster.nodeIP(node);
    expect(h.ok(`curl -sS ${nodeIP}:${port}/clientip`)).toMatch(new RegExp(`^${nodeIP}:\\d+$`));
  });

  it("agnhost without netexec (its default `pause`) listens nowhere", () => {
    expect(imageProfile(ECHO_IMAGE).listens({ name: "a", image: ECHO_IMAGE })).toEqual([]);
    expect(imageProfile(ECHO_IMAGE).listens({ name: "a", image: ECHO_IMAGE, args: ["netexec"] })).toEqual([8080]);
  });
});

describe("ping (busybox)", () => {
  it("gets replies from a pod IP and none from a ClusterIP in iptables mode; IPVS binds ClusterIPs to kube-ipvs0", () => {
    for (const proxyMode of ["iptables", "ipvs"] as const) {
      const h = harness({ proxyMode });
      h.ok(echoDeployment("web", 1));
      h.ok("kubectl expose deployment web --port=80");
      h.ok("kubectl run client --image=busybox -- sleep 3600");
      const [podIP] = h.ipsOf("web-");
      expect(h.ok(`kubectl exec client -- ping -c 2 ${podIP}`)).toContain("2 packets received, 0% packet loss");
      const clusterIP = h.cluster.store.get("Service", "default", "web")!.spec.clusterIP;
      const result = h.run(`kubectl exec client -- ping -c 2 ${clusterIP}`);
      if (proxyMode === "iptables") expect(result.output).toContain("100% packet loss");
      else expect(result).toMatchObject({ exitCode: 0 });
    }
  });
});
