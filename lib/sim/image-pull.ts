import { imageProfile } from "./images";
import type { Container } from "./types";

// How the kubelet gets a container's image before it creates the container
// (pkg/kubelet/images/image_manager.go EnsureImageExists, Kubernetes v1.31).
//
// The simulated nodes hold every image the lessons use already (as a kind cluster with preloaded
// images would), so IfNotPresent and Never start at once with "already present on machine"; a reference
// the simulated registry does not have (registry.ts) is on no node and cannot be pulled. Always
// asks the registry every time. The model lets such a pull take about what fetching the image over a
// 60 MB/s link would (a few hundred milliseconds for busybox or curl, a second and a half for nginx),
// plus up to 99 ms fixed per image name, so a replay sees the same times. Pulls run side by side (as
// with the kubelet's serializeImagePulls false; its default, true, would queue them per node).

/**
 * The API server's default (pkg/apis/core/v1/defaults.go SetDefaults_Container): Always when the
 * image has no tag or the tag is latest, IfNotPresent otherwise (a digest counts as pinned).
 */
export function defaultPullPolicy(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  const tag = colon > slash ? image.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

export const pullPolicyOf = (c: Container) => c.imagePullPolicy ?? defaultPullPolicy(c.image);

/** Milliseconds a pull under Always takes in the model (see above). */
export function pullMilliseconds(image: string): number {
  return registryRoundTrip(image) + Math.round(imageBytes(image) / 60_000);
}

/** The fixed part of a pull: asking the registry for the reference (400 to 499 ms by image name). */
function registryRoundTrip(image: string): number {
  let hash = 7;
  for (let i = 0; i < image.length; i++) hash = (hash * 31 + image.charCodeAt(i)) % 1_000_003;
  return 400 + (hash % 100);
}

/** Milliseconds a pull that the registry refuses takes to fail: the resolve step only, nothing to fetch. */
export const failedPullMilliseconds = registryRoundTrip;

/**
 * The kubelet's image back-off (pkg/kubelet/images/image_manager.go, keyed by pod UID and image, built in
 * kubelet.go as flowcontrol.NewBackOff(backOffPeriod 10s, MaxContainerBackOff 300s)): after each failed
 * pull, Next doubles the wait (10 s, 20 s, 40 s … capped at 5 min); while IsInBackOffSinceUpdate holds,
 * EnsureImageExists returns ErrImagePullBackOff without asking the registry.
 */
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;
export const backOffAfterFailure = (failures: number) =>
  Math.min(IMAGE_BACKOFF_INITIAL_MS * 2 ** (failures - 1), IMAGE_BACKOFF_MAX_MS);

/**
 * How long after a failed pull the kubelet syncs the pod again and finds the image in back-off: the
 * PLEG relists every second (pleg/generic.go relistPeriod) and the failed start is retried on that
 * sync. The real pod worker also requeues a failed sync after 10 s with jitter; the model folds those
 * retries into one rule: the next pull is at the moment the back-off ends, and the back-off is
 * reported once per wait.
 */
export const BACKOFF_SYNC_MS = 1000;

/**
 * When phase `j` of a failing pull happens, for a container whose first pull begins at `fromMs`: each
 * attempt k has three phases, 3k Pulling, 3k+1 the failure (ErrImagePull), 3k+2 the back-off seen
 * (ImagePullBackOff); attempt k+1 begins when the back-off after failure k+1 ends.
 */
export function failingPullPhaseAt(image: string, fromMs: number, j: number): number {
  const fail = failedPullMilliseconds(image);
  const attempt = Math.floor(j / 3);
  let pullAt = fromMs;
  for (let k = 1; k <= attempt; k++) pullAt += fail + backOffAfterFailure(k);
  const phase = j % 3;
  return phase === 0 ? pullAt : phase === 1 ? pullAt + fail : pullAt + fail + BACKOFF_SYNC_MS;
}

export const backOffMessage = (image: string) => `Back-off pulling image "${image}"`;
export const neverPullMessage = (image: string) =>
  `Container image "${image}" is not present with pull policy of Never`;

/** Roughly what the runtime reports as each image's size (bytes), by image family; the rest as a small app. */
const IMAGE_BYTES: Record<string, number> = {
  busybox: 2_166_802,
  alpine: 3_653_068,
  curl: 10_312_440,
  agnhost: 52_740_118,
  nginx: 72_955_450,
  "nginx-alpine": 20_984_131,
  netshoot: 207_438_520,
  distro: 29_754_422,
  dnsutils: 72_512_390,
  "ingress-nginx": 105_113_260,
  echoserver: 46_412_006,
};

const imageBytes = (image: string) => IMAGE_BYTES[imageProfile(image).family] ?? 25_165_824;

/** Go's time.Duration printing of a whole number of milliseconds: 830ms, 1.393s, 2s. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")}s`;
}

/** The Pulled event's message for a pull that took `ms` (image_manager.go, v1.31 wording). */
export function pulledMessage(image: string, ms: number): string {
  const size = imageBytes(image);
  return `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`;
}

export const alreadyPresentMessage = (image: string) => `Container image "${image}" already present on machine`;
