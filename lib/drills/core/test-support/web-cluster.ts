import { createCluster } from "../../../sim";
import { CURL_CLIENT, echoDeployment } from "../../../sim/test-support/manifests";

/** A small cluster like a drill's: a web Deployment behind a Service, and a client pod. */
export function cluster() {
  const sim = createCluster({ seed: 3 });
  sim.run(echoDeployment("web", 2));
  sim.run("kubectl expose deployment web --port=80");
  sim.run(CURL_CLIENT);
  return sim;
}
