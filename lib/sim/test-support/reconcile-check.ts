// Vitest setup: every simulated cluster in the tests runs the reconcile check (cluster.ts
// ReconcileMode): after each queued reconcile a walk over everything must find nothing left to do.
import { setDefaultReconcileMode } from "../cluster";

setDefaultReconcileMode("check");
