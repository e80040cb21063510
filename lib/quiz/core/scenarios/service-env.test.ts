import { describe, expect, it } from "vitest";
import { correctTexts, variants } from "./scenario-test-support";
import { envPortUrl, envScope, envSnapshot } from "./service-env";

// The kubelet's Service variables (pkg/kubelet/envvars/envvars.go; getServiceEnvVarMap in
// pkg/kubelet/kubelet_pods.go), computed for each container start (kuberuntime_container.go).
describe("service environment variable scenarios", () => {
  it("env-snapshot: set when the Service existed at the container's start (a restart counts), and kept after deletion", () => {
    const seen = new Set<string>();
    for (const q of variants(envSnapshot)) {
      const startedAfter = q.prompt.includes("was already running when the Service");
      const restarted = q.prompt.includes("kubelet restarted it");
      seen.add(`${startedAfter}/${restarted}/${q.prompt.includes("deleted")}`);
      const [answer] = correctTexts(q);
      if (startedAfter && !restarted) expect(answer).toBe("Nothing: the variable is not set");
      else expect(answer).toMatch(/^10\.\d+\.\d+\.\d+, the ClusterIP \S+ was given$/);
    }
    expect(seen.size).toBe(4);
  });

  it("env-scope: only the pod's own namespace, none with enableServiceLinks: false, except the kubernetes Service's", () => {
    for (const q of variants(envScope)) {
      const [answer] = correctTexts(q);
      const kubernetes = q.prompt.includes("printenv KUBERNETES_SERVICE_HOST");
      const excluded = q.prompt.includes("enableServiceLinks: false") || q.prompt.includes("is in namespace shop");
      if (kubernetes) expect(answer).toBe("10.96.0.1, the ClusterIP of kubernetes");
      else if (excluded) expect(answer).toBe("Nothing: the variable is not set");
      else expect(answer).toMatch(/^10\.\d+\.\d+\.\d+, the ClusterIP of /);
    }
  });

  it("env-port-url: <NAME>_PORT is tcp://<ClusterIP>:<port>, with the name upper-cased and dashes as underscores", () => {
    for (const q of variants(envPortUrl)) {
      const [, variable] = /printenv (\S+)`/.exec(q.prompt)!;
      const [, service, port] = /Service (\S+) \(port (\d+)\)/.exec(q.prompt)!;
      expect(variable).toBe(`${service.toUpperCase().replace(/-/g, "_")}_PORT`);
      expect(correctTexts(q)[0]).toMatch(new RegExp(`^tcp://10\\.\\d+\\.\\d+\\.\\d+:${port}$`));
    }
  });
});
