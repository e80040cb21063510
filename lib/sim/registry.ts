// Which image references the simulated registries can serve, and what the container runtime says when
// one cannot be pulled (containerd's CRI PullImage error, as the kubelet quotes it).
//
// The rule, so that a typo teaches what a real cluster would:
//  - Docker Hub (a reference with no registry host, or docker.io) is modelled: its repository must be
//    one the catalogue below knows (the images the lessons use and a few well-known official ones),
//    else Docker Hub answers as it does for a repository that does not exist: pull access denied,
//    insufficient_scope. `ngnix` and `e2e-test-images/agnhost` (without registry.k8s.io/) are such names.
//  - registry.k8s.io repositories the catalogue knows are modelled the same way for their tags.
//  - A known repository's tag must look like a real one: `latest`, a version (`1.27`, `1.27.3`,
//    `v1.11.3`, `3.5.15-0`), a variant (`alpine`, `stable`, `mainline`, `bookworm`, `slim`…) or a version
//    followed by variants (`1.27-alpine`, `1.27.3-alpine3.20-perl`, `1.36.1-musl`). Any other tag
//    (`doesnotexist`, `1.27-hotfix`) is not found. The simulator does not know every release, so a
//    version-shaped tag is taken as published.
//  - A digest is taken as published (nothing here can check it), and so is anything on another
//    registry (ghcr.io, a private registry): the simulator cannot know what it holds.
//
// Wording: containerd 1.7's pull of a tag the registry does not have fails in the resolver with
// NotFound; of a Docker Hub repository that does not exist, with the registry's insufficient_scope
// answer (code Unknown). The kubelet prints the error as gRPC formats it ("rpc error: code = … desc = …").

const DOCKER_HUB = new Set([
  // The catalogue's families (images.ts).
  "library/busybox",
  "library/alpine",
  "library/nginx",
  "library/ubuntu",
  "library/debian",
  "curlimages/curl",
  "nicolaka/netshoot",
  // Well-known images a learner or a test may name.
  "library/redis",
  "library/httpd",
  "library/postgres",
  "library/mysql",
  "library/memcached",
  "library/python",
  "library/node",
  "library/golang",
  "library/traefik",
  "library/haproxy",
  "hashicorp/http-echo",
]);

const REGISTRY_K8S_IO = new Set([
  "e2e-test-images/agnhost",
  "e2e-test-images/jessie-dnsutils",
  "e2e-test-images/echoserver",
  "ingress-nginx/controller",
  "coredns/coredns",
  "kube-apiserver",
  "kube-controller-manager",
  "kube-scheduler",
  "kube-proxy",
  "etcd",
  "pause",
]);

/** Words of a real tag besides its version: base images, editions and flavours. */
const VARIANT =
  /^(latest|stable|mainline|alpine(\d+(\.\d+)*)?|slim|perl|otel|bookworm|bullseye|buster|trixie|jammy|noble|focal|glibc|musl|uclibc|\d{8})$/;
const VERSION = /^v?\d+(\.\d+){0,3}$/;

/** Whether `tag` has the shape of a published tag (see above). */
export function plausibleTag(tag: string): boolean {
  const words = tag.split("-");
  return words.every((w, i) => VARIANT.test(w) || (i === 0 && VERSION.test(w)) || (i > 0 && /^\d+$/.test(w)));
}

/** A reference as containerd normalises it: docker.io/library/nginx:latest. */
export interface ImageReference {
  registry: string;
  repository: string;
  tag: string;
  digest: string | null;
  /** The full name containerd prints. */
  normalized: string;
}

export function parseReference(image: string): ImageReference {
  const [nameAndTag, digest] = image.split("@") as [string, string | undefined];
  const first = nameAndTag.split("/")[0];
  const hasHost = nameAndTag.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasHost ? first : "docker.io";
  let rest = hasHost ? nameAndTag.slice(first.length + 1) : nameAndTag;
  const colon = rest.lastIndexOf(":");
  const tag = colon >= 0 ? rest.slice(colon + 1) : "latest";
  if (colon >= 0) rest = rest.slice(0, colon);
  const repository = registry === "docker.io" && !rest.includes("/") ? `library/${rest}` : rest;
  const name = `${registry}/${repository}`;
  const normalized = digest ? `${name}${colon >= 0 ? `:${tag}` : ""}@${digest}` : `${name}:${tag}`;
  return { registry, repository, tag, digest: digest ?? null, normalized };
}

/**
 * The runtime's error for a pull of `image` that cannot succeed, or null when the registry has it.
 */
export function pullError(image: string): string | null {
  const ref = parseReference(image);
  if (ref.digest) return null;
  const prefix = `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}"`;
  const known =
    ref.registry === "docker.io"
      ? DOCKER_HUB.has(ref.repository)
      : ref.registry === "registry.k8s.io" && REGISTRY_K8S_IO.has(ref.repository)
        ? true
        : null;
  if (known === null) return null; // another registry: assumed to hold what it is asked for
  if (!known)
    return `rpc error: code = Unknown desc = ${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  if (!plausibleTag(ref.tag)) return `rpc error: code = NotFound desc = ${prefix}: ${ref.normalized}: not found`;
  return null;
}
