import { createCluster } from "../../../sim";

/** A small cluster like a drill's: a web Deployment behind a Service, and a client pod. */
export function cluster() {
  const sim = createCluster({ seed: 3 });
  sim.run("kubectl create deployment web --image=nginx --replicas=2");
  sim.run("kubectl expose deployment web --port=80");
  sim.run("kubectl run client --image=busybox -- sleep 3600");
  return sim;
}
