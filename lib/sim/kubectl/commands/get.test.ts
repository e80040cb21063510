import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

describe("kubectl get output formats", () => {
  it("-o json prints an object with the Kubernetes API shape", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx");
    h.ok("kubectl expose deployment web --port=80");
    const svc = JSON.parse(h.ok("kubectl get svc web -o json"));
    expect(svc).toMatchObject({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: { type: "ClusterIP", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] },
    });
    const list = JSON.parse(h.ok("kubectl get pods -o json"));
    expect(list).toMatchObject({ apiVersion: "v1", kind: "List" });
    expect(list.items[0]).toMatchObject({ kind: "Pod", status: { phase: "Running" } });
  });

  it("-o yaml round-trips through apply", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const yaml = h.ok("kubectl get pod app -o yaml");
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    const copy = harness({}, { "app.yaml": yaml.replace("name: app\n", "name: app2\n") });
    expect(copy.ok("kubectl apply -f app.yaml")).toBe("pod/app2 created\n");
  });

  it("-o wide adds IP and NODE columns; -o name prints type/name", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.ok("kubectl wait --for=condition=Ready pod/app");
    const pod = h.podsNamed("app")[0];
    expect(h.ok("kubectl get pods -o wide")).toMatch(
      new RegExp(
        `app\\s+1/1\\s+Running\\s+0\\s+\\d+s\\s+${pod.status.podIP!.replace(/\./g, "\\.")}\\s+${pod.spec.nodeName}`,
      ),
    );
    expect(h.ok("kubectl get pods -o name")).toBe("pod/app\n");
  });

  it("lists across namespaces with -A and in one namespace with -n", () => {
    const h = harness();
    expect(h.ok("kubectl get pods -n kube-system")).toMatch(/coredns-\w+-\w+\s+1\/1\s+Running/);
    expect(h.ok("kubectl get pods -A")).toMatch(/^NAMESPACE\s+NAME/);
    expect(h.ok("kubectl get pods")).toBe("No resources found in default namespace.\n");
    expect(h.ok("kubectl get pods -n nope")).toBe("No resources found in nope namespace.\n");
  });
});

describe("kubectl get events", () => {
  it("prints the API server's event columns with the object as lowercase kind/name, in the API server's order (by name)", () => {
    const h = harness();
    h.ok("kubectl run zeta --image=nginx");
    h.ok("kubectl run alpha --image=nginx");
    h.ok("kubectl wait --for=condition=Ready pod --all");
    const lines = h.ok("kubectl get events").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    // Not sorted by time (kubernetes/kubernetes#29838): alpha's events come first, although zeta started first.
    expect(lines.slice(1).map((l) => l.split(/\s+/)[3])).toEqual([
      // Scheduled, then the kubelet's Pulling, Pulled, Created and Started (nginx untagged: Always).
      ...Array(5).fill("pod/alpha"),
      ...Array(5).fill("pod/zeta"),
    ]);
    expect(h.ok("kubectl get ev -o name").split("\n")[0]).toMatch(/^event\/alpha\.[0-9a-f]{16}$/);
  });

  it("lists every namespace with -A and finds one event by name", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    expect(h.ok("kubectl get events -A")).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
    const name = h.ok("kubectl get events -o name").split("\n")[0].replace("event/", "");
    expect(h.ok(`kubectl get event ${name} -o jsonpath={.reason}`)).toBe("Scheduled");
    expect(h.fails("kubectl get event nope")).toBe('Error from server (NotFound): events "nope" not found\n');
  });
});

describe("kubectl get -o custom-columns and --sort-by", () => {
  const setup = () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=3");
    h.ok("kubectl run db --image=nginx --labels=app=db,env=prod");
    h.ok("kubectl run cache --image=nginx --labels=app=cache,env=staging");
    return h;
  };

  it("prints the headers as typed and one row per object; a missing value is <none> (kubectl get/customcolumn.go)", () => {
    const h = setup();
    const out = h.ok("kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,ENV:metadata.labels.env");
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+IP\s+ENV$/);
    const db = h.podsNamed("db")[0];
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^db\\s+${db.status.podIP!.replace(/\./g, "\\.")}\\s+prod$`)),
    );
    expect(lines.filter((l) => l.startsWith("web-")).every((l) => l.endsWith("<none>"))).toBe(true);
    // --no-headers drops the header line; an empty list still prints the headers (kubectl's generic printer).
    expect(h.ok("kubectl get pods -l app=db --no-headers -o custom-columns=N:.metadata.name")).toBe("db\n");
    expect(h.ok("kubectl get pods -n kube-public -o custom-columns=NAME:.metadata.name")).toBe("NAME\n");
  });

  it("prints several values joined by commas and maps as Go prints them", () => {
    const h = setup();
    h.ok("kubectl expose deployment web --port=80");
    expect(h.ok("kubectl get svc web -o custom-columns=PORTS:.spec.ports[*].port,SEL:.spec.selector")).toMatch(
      /^PORTS\s+SEL\n80\s+map\[app:web\]\n$/,
    );
  });

  it("rejects a column without a colon with kubectl's message", () => {
    expect(setup().fails("kubectl get pods -o custom-columns=NAME")).toBe(
      "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
    );
  });

  it("--sort-by orders by a JSONPath; strings compare naturally, so pod IPs sort numerically (sorter.go NaturalLess)", () => {
    const h = setup();
    const names = h
      .ok("kubectl get pods --sort-by=.status.podIP -o custom-columns=IP:.status.podIP --no-headers")
      .trimEnd()
      .split("\n");
    const numeric = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
    expect(names).toEqual([...names].sort((a, b) => numeric(a) - numeric(b)));
    const byName = h.ok("kubectl get pods --sort-by=.metadata.name").trimEnd().split("\n").slice(1);
    expect(byName.map((l) => l.split(/\s+/)[0])).toEqual([
      "cache",
      "db",
      ...h.podsNamed("web-").map((p) => p.metadata.name),
    ]);
  });

  it("--sort-by with a path no object has is refused (sorter.go: couldn't find any field)", () => {
    expect(setup().fails("kubectl get pods --sort-by=.status.foo")).toBe(
      'error: couldn\'t find any field with path "{.status.foo}" in the list of objects\n',
    );
  });
});

describe("kubectl get --field-selector", () => {
  const setup = () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl run once --image=busybox --restart=Never -- true");
    return h;
  };
  const names = (out: string) =>
    out
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(/\s+/)[0]);

  it("selects pods on the fields the API server exposes (pkg/registry/core/pod/strategy.go ToSelectableFields)", () => {
    const h = setup();
    expect(names(h.ok("kubectl get pods --field-selector status.phase=Succeeded"))).toEqual(["once"]);
    expect(names(h.ok("kubectl get pods --field-selector status.phase!=Succeeded"))).toHaveLength(2);
    // An unset restartPolicy is the API default, Always.
    expect(names(h.ok("kubectl get pods --field-selector spec.restartPolicy==Always"))).toHaveLength(2);
    const web = h.podsNamed("web-")[0];
    expect(names(h.ok(`kubectl get pods --field-selector status.podIP=${web.status.podIP}`))).toEqual([
      web.metadata.name,
    ]);
    const onNode = h
      .podsNamed("")
      .filter((p) => p.spec.nodeName === web.spec.nodeName)
      .map((p) => p.metadata.name);
    expect(names(h.ok(`kubectl get pods --field-selector spec.nodeName=${web.spec.nodeName}`))).toEqual(onNode.sort());
  });

  it("a comma ANDs terms, and combines with -l", () => {
    const h = setup();
    const [first, second] = h.podsNamed("web-").map((p) => p.metadata.name);
    expect(names(h.ok(`kubectl get pods --field-selector status.phase=Running,metadata.name!=${first}`))).toEqual([
      second,
    ]);
    expect(h.ok("kubectl get pods -l app=web --field-selector status.phase=Succeeded")).toBe(
      "No resources found in default namespace.\n",
    );
  });

  it("services select on spec.type and spec.clusterIP; events on involvedObject.* and reason", () => {
    const h = setup();
    h.ok("kubectl expose deployment web --port=80 --type=NodePort");
    expect(names(h.ok("kubectl get svc --field-selector spec.type=NodePort"))).toEqual(["web"]);
    const events = h.ok("kubectl get events --field-selector involvedObject.name=once,reason=Scheduled");
    expect(events.trimEnd().split("\n")).toHaveLength(2);
  });

  it("an unsupported field is the API server's BadRequest, as kubectl rewords it (cli-runtime EnhanceListError)", () => {
    const h = setup();
    // Pods register their own conversion (pkg/apis/core/v1/conversion.go): "field label not supported".
    expect(h.fails("kubectl get pods --field-selector x=y")).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "x=y": field label not supported: x\n',
    );
    // Kinds without one get runtime.DefaultMetaV1FieldSelectorConversion.
    expect(h.fails("kubectl get deployments --field-selector spec.replicas=2")).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=2": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
    // fields.ParseSelector: a term without an operator.
    expect(h.fails("kubectl get pods --field-selector phase")).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "phase": invalid selector: 'phase'; can't understand 'phase'\n`,
    );
  });
});

describe("kubectl get -l with set-based selectors", () => {
  it("accepts in, notin, existence and != (one parser, lib/sim/labels.ts)", () => {
    const h = harness();
    h.ok("kubectl run a --image=nginx --labels=env=prod,app=web");
    h.ok("kubectl run b --image=nginx --labels=env=staging,app=api");
    h.ok("kubectl run c --image=nginx --labels=app=web");
    const names = (q: string) => h.ok(`kubectl get pods -l '${q}' -o name`).trimEnd().split("\n").filter(Boolean);
    expect(names("env in (prod,staging)")).toEqual(["pod/a", "pod/b"]);
    expect(names("env notin (prod)")).toEqual(["pod/b", "pod/c"]);
    expect(names("!env")).toEqual(["pod/c"]);
    expect(names("app!=web")).toEqual(["pod/b"]);
    expect(names("app,env")).toEqual(["pod/a", "pod/b"]);
  });

  it("a selector the server cannot parse is a BadRequest naming the selector", () => {
    const h = harness();
    expect(h.fails("kubectl get pods -l 'env in (prod'")).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "env in (prod", field selector "": unable to parse requirement: found '', expected: ',' or ')'\n`,
    );
  });

  it("names and selectors exclude each other (cli-runtime resource.Builder)", () => {
    const h = harness();
    h.ok("kubectl run a --image=nginx");
    expect(h.fails("kubectl get pods a -l run=a")).toBe(
      "error: name cannot be provided when a selector is specified\n",
    );
  });

  it("delete, describe and label take the same selectors", () => {
    const h = harness();
    h.ok("kubectl run a --image=nginx --labels=env=prod");
    h.ok("kubectl run b --image=nginx --labels=env=staging");
    expect(h.ok("kubectl label pods -l 'env in (prod,staging)' tier=data")).toBe("pod/a labeled\npod/b labeled\n");
    expect(h.ok("kubectl describe pods -l 'env notin (prod)'")).toMatch(/^Name:\s+b\n/);
    expect(h.ok("kubectl delete pods --field-selector metadata.name=a")).toMatch(/^pod "a" deleted/);
  });
});
