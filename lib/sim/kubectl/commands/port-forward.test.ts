import { describe, expect, it } from "vitest";
import { connect } from "../../network";
import { harness } from "../../test-support/harness";
import { ECHO_IMAGE, serviceYaml } from "../../test-support/manifests";

// kubectl port-forward: staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go
// (translateServicePortToTargetPort, convertPodNamedPortToNumber, the not-running check), kubectl
// pkg/util/service_port.go and pod_port.go (the lookups and their errors), client-go
// tools/portforward (the "Forwarding from" lines, one per listen address; the listen errors).

const SERVICE = serviceYaml(
  "web",
  "  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n",
);

function setup() {
  const h = harness({}, { "svc.yaml": SERVICE });
  h.ok(`kubectl create deployment web --image=${ECHO_IMAGE} --replicas=3 -- /agnhost netexec --http-port=8080`);
  h.ok("kubectl apply -f svc.yaml");
  return h;
}

describe("kubectl port-forward", () => {
  it("prints one Forwarding line per local address; for a Service the right-hand side is the pod port (targetPort)", () => {
    expect(setup().ok("kubectl port-forward svc/web 8080:80")).toBe(
      "Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n",
    );
  });

  it("curl localhost on the learner's machine then reaches that one pod: no kube-proxy, no load balancing", () => {
    const h = setup();
    h.ok("kubectl port-forward svc/web 8080:80");
    const answers = new Set(Array.from({ length: 6 }, () => h.ok("curl -sS localhost:8080/hostname")));
    expect(answers.size).toBe(1);
    // GetFirstPod with sort.Reverse(ActivePods): all ready and equally old here, so the first by name.
    expect([...answers][0]).toBe(h.podsNamed("web-")[0].metadata.name);
    // The kubelet connects inside the pod's network namespace, so the server sees localhost as the client.
    expect(h.ok("curl -sS localhost:8080/clientip")).toMatch(/^127\.0\.0\.1:\d+/);
  });

  it("forwards to a pod by TYPE/NAME or bare NAME, and resolves a pod's named port", () => {
    const h = setup();
    h.ok("kubectl run ng --image=nginx --port=80");
    h.ok("kubectl wait --for=condition=Ready pod/ng");
    expect(h.ok("kubectl port-forward ng 9090:80")).toBe(
      "Forwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n",
    );
    expect(h.ok("curl -sS localhost:9090")).toContain("Welcome to nginx!");
    // A Service's named port alone: the local port is that Service port's number.
    expect(h.ok("kubectl port-forward svc/web http")).toBe(
      "Forwarding from 127.0.0.1:80 -> 8080\nForwarding from [::1]:80 -> 8080\n",
    );
  });

  it("the forward ends when its pod goes away; then nothing listens on the local port", () => {
    const h = setup();
    h.ok("kubectl run ng --image=nginx");
    h.ok("kubectl wait --for=condition=Ready pod/ng");
    h.ok("kubectl port-forward pod/ng 9090:80");
    expect(connect(h.cluster, { kind: "outside" }, "127.0.0.1", 9090).ok).toBe(true);
    h.ok("kubectl delete pod ng");
    const after = connect(h.cluster, { kind: "outside" }, "127.0.0.1", 9090);
    expect(after).toMatchObject({ ok: false, error: "refused" });
    expect(h.run("curl localhost:9090").exitCode).toBe(7);
    // The port is free again.
    h.ok("kubectl run ng2 --image=nginx");
    h.ok("kubectl wait --for=condition=Ready pod/ng2");
    h.ok("kubectl port-forward pod/ng2 9090:80");
  });

  it("a forward to a pod port nothing listens on accepts the local connection, then closes it without a reply", () => {
    // kubectl listens locally and accepts; the kubelet's dial inside the pod is refused, so kubectl
    // logs "an error occurred forwarding" and closes the local connection: curl exits 52, not 7.
    const h = setup();
    h.ok("kubectl run ng --image=nginx");
    h.ok("sleep 5"); // the pod starts (its image is pulled: untagged means Always)
    h.ok("kubectl port-forward pod/ng 9091:8080");
    expect(connect(h.cluster, { kind: "outside" }, "127.0.0.1", 9091)).toMatchObject({ ok: false, error: "closed" });
    expect(h.run("curl -sS localhost:9091")).toEqual({ output: "curl: (52) Empty reply from server\n", exitCode: 52 });
    expect(h.run("wget -qO- localhost:9091")).toEqual({ output: "wget: error getting response\n", exitCode: 1 });
  });

  it("a local port already forwarded cannot be listened on again", () => {
    const h = setup();
    h.ok("kubectl port-forward svc/web 8080:80");
    expect(h.fails("kubectl port-forward svc/web 8080:80")).toBe(
      "Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8080 8080}]\n",
    );
  });

  it("answers bad requests with kubectl's errors", () => {
    const h = setup();
    expect(h.fails("kubectl port-forward svc/web 8081:81")).toBe(
      "error: Service web does not have a service port 81\n",
    );
    expect(h.fails("kubectl port-forward svc/web 8081:grpc")).toBe(
      "error: Service 'web' does not have a named port 'grpc'\n",
    );
    const pod = h.podsNamed("web-")[0].metadata.name;
    expect(h.fails(`kubectl port-forward pod/${pod} 8081:metrics`)).toBe(
      `error: Pod '${pod}' does not have a named port 'metrics'\n`,
    );
    expect(h.fails("kubectl port-forward svc/web")).toBe(
      "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
    );
    expect(h.fails("kubectl port-forward pod/nope 80")).toBe('Error from server (NotFound): pods "nope" not found\n');
    h.ok("kubectl create service clusterip manual --tcp=80:80");
    h.ok('kubectl patch svc manual --type=json -p \'[{"op":"remove","path":"/spec/selector"}]\'');
    expect(h.fails("kubectl port-forward svc/manual 8080:80")).toBe(
      "error: cannot attach to *v1.Service: invalid service 'manual': Service is defined without a selector\n",
    );
    for (const node of h.cluster.nodes()) h.ok(`kubectl cordon ${node.metadata.name}`);
    h.ok("kubectl run stuck --image=nginx");
    expect(h.fails("kubectl port-forward pod/stuck 8080:80")).toBe(
      "error: unable to forward port because pod is not running. Current status=Pending\n",
    );
  });
});
