import { headlessLookup, scaleLookup } from "./dns";
import { drainNode } from "./drain";
import { dnsAfterEgressDeny, egressIpBlock, egressToService } from "./network-policy-egress";
import { additiveRules, defaultDenyIngress, policyTypesDefault } from "./network-policy-isolation";
import { namespaceByName, peerAndVersusOr, servicePortVersusPodPort } from "./network-policy-selectors";
import { podRecreated, restartOrRecreate } from "./pod-addresses";
import { nodePortFromOutside, noReadyPods, outsideClusterIP } from "./reachability";
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
  defaultDenyIngress,
  additiveRules,
  policyTypesDefault,
  servicePortVersusPodPort,
  peerAndVersusOr,
  namespaceByName,
  dnsAfterEgressDeny,
  egressToService,
  egressIpBlock,
];

export const findScenario = (id: string) => SCENARIOS.find((s) => s.id === id);
