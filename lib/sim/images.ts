import type { Container } from "./types";

// What the container images the lessons use really carry, and what their main process does.
// Checked against each image's build: busybox (one binary with its applets), curlimages/curl and
// agnhost (Alpine: busybox applets plus curl; agnhost adds bind-tools, test/images/agnhost/Dockerfile),
// nginx (Debian: apt installs nginx, gettext-base and curl, no wget/nslookup/ping; nginxinc/docker-nginx
// mainline/debian/Dockerfile; its Alpine variant is busybox plus curl). An image the catalog does not
// know is modelled as a small web app: it listens where its spec declares ports (else on 80), answers
// with its hostname, and has every tool, since nothing says which it lacks.

/** What every image here has: a shell and the coreutils the simulator models. */
const BASE_PROGRAMS = [
  "sh",
  "hostname",
  "env",
  "printenv",
  "cat",
  "touch",
  "rm",
  "ls",
  "kill",
  "echo",
  "sleep",
  "true",
  "false",
  // BusyBox has the applet; Debian's coreutils has chroot(8).
  "chroot",
] as const;
/** The programs the simulator can run inside a container. */
export const CONTAINER_PROGRAMS = [
  ...BASE_PROGRAMS,
  "curl",
  "wget",
  "nslookup",
  "ping",
  "ip",
  "dig",
  "iptables-save",
  "ipvsadm",
  "conntrack",
] as const;
export type ContainerProgram = (typeof CONTAINER_PROGRAMS)[number];

/** What answers HTTP in the container: the nginx default site, agnhost netexec, or the generic app. */
export type HttpServer = "nginx" | "netexec" | "hostname" | "ingress-nginx" | "echoserver";

export interface ImageProfile {
  /** How the image is known, for messages and tests. */
  family:
    | "busybox"
    | "alpine"
    | "curl"
    | "agnhost"
    | "nginx"
    | "nginx-alpine"
    | "netshoot"
    | "distro"
    | "dnsutils"
    | "app"
    | "node"
    | "ingress-nginx"
    | "echoserver";
  programs: ReadonlySet<ContainerProgram>;
  /** The shell `sh` is, which words "not found" its own way (busybox ash or Debian's dash). */
  shell: "ash" | "dash";
  /** The TCP ports the main process listens on, whatever the spec declares, and what answers there. */
  listens(container: Container): number[];
  server: HttpServer | null;
}

const COMMON: ContainerProgram[] = [...BASE_PROGRAMS];
/** BusyBox's applets include wget, nslookup, ping and ip, but not curl, dig or iptables. */
const BUSYBOX = new Set<ContainerProgram>([...COMMON, "wget", "nslookup", "ping", "ip"]);
const BUSYBOX_AND_CURL = new Set<ContainerProgram>([...BUSYBOX, "curl"]);
const DEBIAN_WITH_CURL = new Set<ContainerProgram>([...COMMON, "curl"]);
const EVERYTHING = new Set<ContainerProgram>(CONTAINER_PROGRAMS);

const nothing = () => [];
const declaredTcp = (c: Container) =>
  (c.ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP").map((p) => p.containerPort);

/** agnhost runs the subcommand named by its arguments; only netexec serves HTTP (--http-port, default 8080). */
function agnhostPorts(c: Container): number[] {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (!argv.includes("netexec")) return [];
  const flag = argv.find((a) => a.startsWith("--http-port"));
  const value = flag?.includes("=") ? flag.split("=")[1] : flag ? argv[argv.indexOf(flag) + 1] : undefined;
  const port = Number(value ?? 8080);
  return Number.isInteger(port) ? [port] : [];
}

/** The repository part of an image reference, without registry defaults, tag or digest. */
function repository(image: string): { name: string; tag: string } {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const tag = colon > slash ? noDigest.slice(colon + 1) : "latest";
  const name = (colon > slash ? noDigest.slice(0, colon) : noDigest).replace(/^(docker\.io\/)?(library\/)?/, "");
  return { name, tag };
}

export function imageProfile(image: string): ImageProfile {
  const { name, tag } = repository(image);
  if (name === "busybox") return { family: "busybox", programs: BUSYBOX, shell: "ash", listens: nothing, server: null };
  if (name === "alpine") return { family: "alpine", programs: BUSYBOX, shell: "ash", listens: nothing, server: null };
  if (name === "curlimages/curl")
    return { family: "curl", programs: BUSYBOX_AND_CURL, shell: "ash", listens: nothing, server: null };
  // Plain distribution images: a shell and coreutils; Debian and Ubuntu ship no curl, wget, nslookup or ping.
  if (name === "ubuntu" || name === "debian")
    return { family: "distro", programs: new Set(COMMON), shell: "dash", listens: nothing, server: null };
  // The dnsutils test image exists for nslookup and dig.
  if (/(^|\/)(e2e-test-images\/)?(jessie-)?dnsutils$/.test(name))
    return {
      family: "dnsutils",
      programs: new Set<ContainerProgram>([...COMMON, "nslookup", "dig"]),
      shell: "dash",
      listens: nothing,
      server: null,
    };
  if (name === "nicolaka/netshoot")
    return { family: "netshoot", programs: EVERYTHING, shell: "ash", listens: nothing, server: null };
  if (/(^|\/)e2e-test-images\/agnhost$/.test(name))
    return {
      family: "agnhost",
      programs: new Set<ContainerProgram>([...BUSYBOX_AND_CURL, "dig"]),
      shell: "ash",
      listens: agnhostPorts,
      server: "netexec",
    };
  // The ingress-nginx controller (an Alpine image): nginx on 80 and 443, the controller's /healthz and
  // metrics on 10254, its admission webhook on 8443 (the ports of its deploy manifest).
  if (/(^|\/)ingress-nginx\/controller$/.test(name))
    return {
      family: "ingress-nginx",
      programs: BUSYBOX,
      shell: "ash",
      listens: () => [80, 443, 8443, 10254],
      server: "ingress-nginx",
    };
  // The echoserver test image (nginx with a Lua handler) answers every request with what it received, on 8080.
  if (/(^|\/)(e2e-test-images\/)?echoserver$/.test(name))
    return {
      family: "echoserver",
      programs: new Set(COMMON),
      shell: "dash",
      listens: () => [8080],
      server: "echoserver",
    };
  if (name === "nginx") {
    // The default site listens on 80 only; a declared containerPort does not make nginx listen anywhere else.
    const alpine = tag.includes("alpine");
    return {
      family: alpine ? "nginx-alpine" : "nginx",
      programs: alpine ? BUSYBOX_AND_CURL : DEBIAN_WITH_CURL,
      shell: alpine ? "ash" : "dash",
      listens: () => [80],
      server: "nginx",
    };
  }
  return {
    family: "app",
    programs: EVERYTHING,
    shell: "ash",
    listens: (c) => {
      const declared = declaredTcp(c);
      return declared.length > 0 ? declared : [80];
    },
    server: "hostname",
  };
}

/** The TCP ports a container accepts connections on: its process decides; spec ports are informational. */
export const listeningPorts = (container: Container): number[] => imageProfile(container.image).listens(container);

/**
 * The node's own root filesystem, as `chroot /host` in a node debugging pod reaches it: a Debian
 * node prepared for kubeadm, whose preflight checks want iptables and conntrack and whose standard install has
 * iproute2 and iputils-ping (no dig or nslookup: dnsutils is not installed). ipvsadm is there when
 * kube-proxy runs in IPVS mode, since kube-proxy's IPVS guide (pkg/proxy/ipvs/README.md) has the
 * administrator install it; its processes are the node's, so nothing listens here.
 */
export function nodeRootProfile(proxyMode: "iptables" | "ipvs"): ImageProfile {
  const programs = new Set<ContainerProgram>([...COMMON, "curl", "ping", "ip", "iptables-save", "conntrack"]);
  if (proxyMode === "ipvs") programs.add("ipvsadm");
  return { family: "node", programs, shell: "dash", listens: nothing, server: null };
}
