import { headlessLookup, scaleLookup } from "./dns";
import { drainNode } from "./drain";
import { podRecreated, restartOrRecreate } from "./pod-addresses";
import { nodePortFromOutside, noReadyPods, outsideClusterIP } from "./reachability";
import { noContainerPort, servicePortOnNode, targetPortDefault } from "./service-ports";
import { externalNameLookup, loadBalancerNodePort, loadBalancerPending } from "./service-types";
import { orderedReadyWaits, statefulSetPodDns, statefulSetPodRecreated } from "./statefulsets";
import type { ScenarioTemplate } from "./template";

export type { ScenarioTemplate } from "./template";

/** Every scenario a lesson can name in its frontmatter `scenarios:` list. */
export const SCENARIOS: readonly ScenarioTemplate[] = [
  podRecreated,
  restartOrRecreate,
  scaleLookup,
  headlessLookup,
  outsideClusterIP,
  noReadyPods,
  nodePortFromOutside,
  drainNode,
  loadBalancerPending,
  loadBalancerNodePort,
  externalNameLookup,
  targetPortDefault,
  noContainerPort,
  servicePortOnNode,
  statefulSetPodDns,
  statefulSetPodRecreated,
  orderedReadyWaits,
];

export const findScenario = (id: string) => SCENARIOS.find((s) => s.id === id);
