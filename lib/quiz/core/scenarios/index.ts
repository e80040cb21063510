import { headlessLookup, scaleLookup } from "./dns";
import { externalNameCname, headlessNoneReady, reverseLookup, srvNamedPort } from "./dns-records";
import { crossNamespaceNames, ndotsExternalName, trailingDot } from "./dns-search";
import { drainNode } from "./drain";
import { allUnreadyRefused, publishNotReady, readinessFailsEndpoint } from "./endpoint-readiness";
import { dnsAfterEgressDeny, egressIpBlock, egressToService } from "./network-policy-egress";
import { additiveRules, defaultDenyIngress, policyTypesDefault } from "./network-policy-isolation";
import { namespaceByName, peerAndVersusOr, servicePortVersusPodPort } from "./network-policy-selectors";
import { podRecreated, restartOrRecreate } from "./pod-addresses";
import { affinityEndpointDeleted, clientIPAffinity, ipvsRoundRobin, ipvsRoundRobinWraps } from "./proxy-modes";
import { nodePortFromOutside, noReadyPods, outsideClusterIP } from "./reachability";
import { envPortUrl, envScope, envSnapshot } from "./service-env";
import { noContainerPort, servicePortOnNode, targetPortDefault } from "./service-ports";
import { externalNameLookup, loadBalancerNodePort, loadBalancerPending } from "./service-types";
import { orderedReadyWaits, statefulSetPodDns, statefulSetPodRecreated } from "./statefulsets";
import type { ScenarioTemplate } from "./template";
import { etpLocalBusyNode, etpLocalClusterIP, etpLocalIdleNode } from "./traffic-policy";

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
  srvNamedPort,
  reverseLookup,
  externalNameCname,
  headlessNoneReady,
  ndotsExternalName,
  crossNamespaceNames,
  trailingDot,
  envSnapshot,
  envScope,
  envPortUrl,
  readinessFailsEndpoint,
  allUnreadyRefused,
  publishNotReady,
  ipvsRoundRobin,
  ipvsRoundRobinWraps,
  clientIPAffinity,
  affinityEndpointDeleted,
  etpLocalIdleNode,
  etpLocalBusyNode,
  etpLocalClusterIP,
  loadBalancerPending,
  loadBalancerNodePort,
  externalNameLookup,
  targetPortDefault,
  noContainerPort,
  servicePortOnNode,
  statefulSetPodDns,
  statefulSetPodRecreated,
  orderedReadyWaits,
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
