import { Cluster } from "./lib/sim/cluster";
const c = new Cluster({ seed: 7 });
for (const p of c.pods()) console.log(p.metadata.namespace, p.metadata.name, p.spec.nodeName, p.status.podIP, c.isPodReady(p));
for (const s of c.store.list("Service")) console.log(s.metadata.name, s.spec.clusterIP);
for (const s of c.store.list("EndpointSlice")) console.log(s.metadata.name, JSON.stringify(s.endpoints.map(e=>[e.addresses[0], e.conditions.ready])));
console.log(c.store.list("Deployment").map(d=>d.status), c.store.list("ReplicaSet").map(r=>r.metadata.name));
