import { z } from "zod";

/** A task's goal as a drill file states it; the one definition of `Check` (see checks.ts for how each is evaluated). */
export const checkSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready-endpoints"), service: z.string(), equals: z.number().int().min(0) }),
  z.object({
    kind: z.literal("service-type"),
    service: z.string(),
    equals: z.enum(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]),
  }),
  z.object({ kind: z.literal("headless"), service: z.string() }),
  z.object({ kind: z.literal("session-affinity"), service: z.string(), equals: z.enum(["ClientIP", "None"]) }),
  /** Some NodePort or LoadBalancer Service selecting app=`app` (or the one named `service`) answers on every worker. */
  z.object({ kind: z.literal("reachable-from-outside"), app: z.string(), service: z.string().optional() }),
  z.object({ kind: z.literal("node-schedulable"), node: z.string() }),
  z.object({ kind: z.literal("replicas"), deployment: z.string(), equals: z.number().int().min(0) }),
  /** A new TCP connection from pod `from` (in `namespace`) to `to` (a name the pod resolves, or an IP). */
  z.object({
    kind: z.literal("connects"),
    from: z.string(),
    namespace: z.string().default("default"),
    to: z.string(),
    port: z.number().int().min(1).max(65535).default(80),
    outcome: z.enum(["answered", "refused", "timeout", "unresolved"]),
  }),
]);

export type Check = z.infer<typeof checkSchema>;
