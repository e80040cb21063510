import type { ObjectMeta } from "./types";

/** The controller reference a workload controller puts on what it creates (metav1.NewControllerRef). */
export const controllerRef = (owner: { apiVersion: string; kind: string; metadata: ObjectMeta }) => [
  {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
  },
];

export const ownedBy = (meta: ObjectMeta, owner: { metadata: ObjectMeta }) =>
  meta.ownerReferences?.some((r) => r.uid === owner.metadata.uid) ?? false;
