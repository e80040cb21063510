import { Script } from "./script";
import { computedOptions, params, type ScenarioTemplate, trueFalse } from "./template";

/** A Deployment's pod is deleted: which addresses still reach the app? */
export const podRecreated: ScenarioTemplate = {
  id: "pod-recreated",
  concepts: ["cluster-ip", "pod-ip"],
  sections: ["pod-ip-scope", "why-stability"],
  kind: "multiple",
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const replicas = 2 + rng.int(3);
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=${replicas}`);
    s.showCommand(`kubectl expose deployment ${app} --port=80`);
    s.showCommand("kubectl run client --image=curlimages/curl --command -- sleep 3600");
    s.show(`kubectl get pods -l app=${app} -o wide`);
    s.show(`kubectl get service ${app}`);
    const [victim, survivor] = s.pods(`${app}-`);
    const clusterIP = s.clusterIP(app);
    s.observe(`kubectl delete pod ${victim.metadata.name}`);
    s.observe(`kubectl get pods -l app=${app} -o wide`);
    const targets = [
      {
        text: `${clusterIP}, the ClusterIP of Service ${app}`,
        target: clusterIP,
        misconception: "Thinks a Service's address follows its pods.",
      },
      {
        text: `${app}, the Service's DNS name`,
        target: app,
        misconception: "Thinks DNS names break when pods are replaced.",
      },
      {
        text: `${victim.status.podIP}, the IP of the deleted pod ${victim.metadata.name}`,
        target: victim.status.podIP!,
        misconception: "Thinks a replacement pod inherits the old pod's IP.",
      },
      {
        text: `${survivor.status.podIP}, the IP of ${survivor.metadata.name}, which was not deleted`,
        target: survivor.status.podIP!,
        misconception: "Thinks deleting one pod renumbers the others.",
      },
    ];
    const candidates = targets.map((t) => ({
      ...t,
      correct: s.observe(`kubectl exec client -- curl -s --max-time 2 ${t.target}`).exitCode === 0,
    }));
    const built = computedOptions(`${this.id}:${seed}`, candidates);
    const replacement = s.pods(`${app}-`).find((p) => !s.context.some((c) => c.output.includes(p.metadata.name)));
    return {
      kind: "multiple",
      prompt: `From the pod client you can reach ${app}. You now run \`kubectl delete pod ${victim.metadata.name}\` and the Deployment replaces it. Which of these addresses still reach the app? Select all that apply.`,
      context: s.context,
      options: built.options,
      answer: built.correct,
      evidence: s.evidence,
      explanation:
        `The Service keeps its ClusterIP ${clusterIP} and its name for as long as it exists, and pods that were not touched keep their IPs. ` +
        `The deleted pod's address is gone with it: the replacement${replacement ? ` ${replacement.metadata.name} got ${replacement.status.podIP}` : " got a new address"}, so curl to ${victim.status.podIP} times out.`,
    };
  },
};

/** A container restart keeps the pod (and its IP); deleting the pod does not. */
export const restartOrRecreate: ScenarioTemplate = {
  id: "restart-or-recreate",
  concepts: ["pod-ip"],
  sections: ["pod-ip-scope"],
  kind: "true-false",
  build(seed) {
    const { rng, app } = params(this.id, seed);
    const restart = rng.next() < 0.5;
    const s = new Script({ seed });
    s.showCommand(`kubectl create deployment ${app} --image=nginx --replicas=2`);
    s.show(`kubectl get pods -l app=${app} -o wide`);
    const [pod] = s.pods(`${app}-`);
    const ip = pod.status.podIP!;
    const action = restart ? `kubectl exec ${pod.metadata.name} -- kill 1` : `kubectl delete pod ${pod.metadata.name}`;
    s.observe(action);
    s.observe(`kubectl get pods -l app=${app} -o wide`);
    const after = s.pods(`${app}-`);
    const kept = after.some((p) => p.status.podIP === ip);
    const what = restart
      ? `the container in ${pod.metadata.name} crashes (you run \`${action}\`) and the kubelet restarts it`
      : `you run \`${action}\` and the Deployment creates a replacement`;
    return {
      kind: "true-false",
      prompt: `True or false? After ${what}, the ${app} pods still include one with the IP ${ip}.`,
      context: s.context,
      ...trueFalse(kept, {
        answeringTrue: "Thinks a replacement pod reuses the old pod's IP.",
        answeringFalse: "Thinks a container restart creates a new pod.",
      }),
      evidence: s.evidence,
      explanation: restart
        ? `True: a container restart happens inside the same pod. The pod, its name and its IP ${ip} stay; only RESTARTS goes up.`
        : `False: a deleted pod is gone for good. Its replacement is a new pod with a new name and a new IP from the node's podCIDR.`,
    };
  },
};
