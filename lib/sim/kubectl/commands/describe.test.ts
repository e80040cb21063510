import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl describe", () => {
  it("describes a Service with its endpoints", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl expose deployment web --port=80 --target-port=80");
    const out = h.ok("kubectl describe service web");
    const endpoints = h.ipsOf("web-").map((ip) => `${ip}:80`);
    expect(out).toMatch(/Endpoints:\s+(\S+)/);
    expect(
      out
        .match(/Endpoints:\s+(\S+)/)![1]
        .split(",")
        .sort(),
    ).toEqual(endpoints.sort());
  });
});

// describe.go describeEndpointSliceV1 and describeEndpoints, through Go's tabwriter (padding 2): a
// column aligns over consecutive lines with a tab, so Events lines up with the last endpoint's fields.
describe("kubectl describe endpointslice and endpoints", () => {
  it("prints an EndpointSlice's ports and each endpoint's conditions, node and target", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.27");
    h.ok("kubectl expose deployment web --port=80");
    const pod = h.podsNamed("web-")[0];
    const slice = h.cluster.store.slicesFor("default", "web")[0].metadata.name;
    expect(h.ok("kubectl describe endpointslice -l kubernetes.io/service-name=web")).toBe(
      [
        `Name:         ${slice}`,
        "Namespace:    default",
        "Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io",
        "              kubernetes.io/service-name=web",
        "Annotations:  <none>",
        "AddressType:  IPv4",
        "Ports:",
        "  Name     Port  Protocol",
        "  ----     ----  --------",
        "  <unset>  80    TCP",
        "Endpoints:",
        `  - Addresses:  ${pod.status.podIP}`,
        "    Conditions:",
        "      Ready:    true",
        "    Hostname:   <unset>",
        `    TargetRef:  Pod/${pod.metadata.name}`,
        `    NodeName:   ${pod.spec.nodeName}`,
        "    Zone:       <unset>",
        "Events:         <none>",
        "",
      ].join("\n"),
    );
  });

  it("prints the Endpoints subsets with their addresses in the controller's order (the IP's text)", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.27 --replicas=3");
    h.ok("kubectl expose deployment web --port=80");
    const ips = h.podsNamed("web-").map((p) => p.status.podIP!);
    const sorted = [...ips].sort();
    const out = h.ok("kubectl describe endpoints web");
    expect(out).toContain(`Subsets:\n  Addresses:          ${sorted.join(",")}\n  NotReadyAddresses:  <none>\n`);
    expect(out).toContain(
      "  Ports:\n    Name     Port  Protocol\n    ----     ----  --------\n    <unset>  80    TCP\n\nEvents:  <none>\n",
    );
    expect(h.ok("kubectl get endpoints web --no-headers")).toMatch(
      new RegExp(`^web\\s+${sorted.map((ip) => `${ip}:80`).join(",")}\\s`),
    );
  });
});

describe("kubectl describe pod's events (describe.go DescribeEvents)", () => {
  it("lists the pod's own events oldest first in an aligned table, repeats as 'AGE (xN over FIRST)'", () => {
    const h = harness();
    h.ok("kubectl run x --image=ngnix");
    h.ok("kubectl run y --image=nginx");
    h.ok("sleep 30");
    const out = h.ok("kubectl describe pod x");
    expect(out).toContain("Node-Selectors:     <none>\nEvents:\n  Type     Reason     Age");
    const table = out.slice(out.indexOf("Events:"));
    expect(table).toMatch(
      /\n {2}Normal {3}Scheduled {2}3\ds +default-scheduler {2}Successfully assigned default\/x to /,
    );
    expect(table).toMatch(/\n {2}Normal {3}Pulling +\d+s \(x3 over 3\ds\) +kubelet +Pulling image "ngnix"/);
    expect(table).toContain("Error: ImagePullBackOff");
    expect(table).not.toContain("default/y"); // another pod's events stay out
    expect(out).not.toContain("Controlled By"); // a bare pod has no controller line
  });
});
