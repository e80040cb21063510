import type { Cluster } from "../cluster";
import { type DnsAnswer, type DnsRecord, resolvConfFor, reverseFromPod, reverseName, searchWalk } from "../dns";
import { sha256 } from "../sha256";
import type { CommandResult, Pod } from "../types";

// dig from BIND 9 (the bind-tools / dnsutils package), run in a pod. What it shows that nslookup
// hides: dig asks for exactly the name typed, as an absolute name, unless +search is given (BIND 9
// dig(1): "+[no]search ... The search list is not used by default"), so `dig web` asks the root
// for "web." and gets NXDOMAIN while `nslookup web` walks the pod's search list and finds the
// Service. Answers come from lib/sim/dns.ts; CoreDNS's kubernetes plugin answers with TTL 30 (the
// `ttl 30` of kubeadm's default Corefile, kubernetes#76238; the plugin's own default is 5) and sets
// AA, and its `cache 30` caps what it forwards at 30 seconds too. The columns follow BIND's
// masterdump.c indent(). Not modelled: the server cookie, the exact EDNS buffer size CoreDNS
// echoes, the SOA serial CoreDNS uses (here the current time), the older dig of the Debian jessie
// dnsutils image (every image here prints as BIND 9.18 does); no IPv6, so AAAA answers are empty.

const DIG_VERSION = "9.18.33";
const TTL = 30;

interface Query {
  name: string;
  type: string;
  short: boolean;
  search: boolean;
  server?: string;
  reverse: boolean;
}

function parseArgs(args: string[]): Query | string {
  const q: Query = { name: "", type: "A", short: false, search: false, reverse: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "+short") q.short = true;
    else if (a === "+search" || a === "+defname") q.search = true;
    else if (a === "+nosearch" || a === "+nodefname") q.search = false;
    else if (a.startsWith("+"))
      continue; // display options the simulator does not model change nothing here
    else if (a.startsWith("@")) q.server = a.slice(1);
    else if (a === "-x") {
      q.reverse = true;
      q.type = "PTR";
      q.name = args[++i] ?? "";
    } else if (a === "-t") q.type = (args[++i] ?? "A").toUpperCase();
    else if (/^(A|AAAA|SRV|PTR|CNAME|TXT|MX|NS|SOA|ANY)$/i.test(a)) q.type = a.toUpperCase();
    else if (a.startsWith("-")) return `Invalid option: ${a}`;
    else q.name = a;
  }
  return q;
}

/** BIND's column alignment (masterdump.c indent): tab stops of 8, at least one space past a column. */
function columns(fields: string[], stops: number[]): string {
  let out = fields[0];
  let column = fields[0].length;
  for (let i = 1; i < fields.length; i++) {
    const to = Math.max(stops[i - 1], column + 1);
    const tabs = Math.floor(to / 8) - Math.floor(column / 8);
    out += tabs > 0 ? `${"\t".repeat(tabs)}${" ".repeat(to % 8)}` : " ".repeat(to - column);
    column = to + fields[i].length;
    out += fields[i];
  }
  return out;
}

const absolute = (name: string) => (name.endsWith(".") ? name : `${name}.`);

function rdata(r: DnsRecord): string {
  if (r.type === "A") return r.address;
  if (r.type === "SRV") return `${r.priority} ${r.weight} ${r.port} ${absolute(r.target)}`;
  return absolute(r.target);
}

/** One resource record as dig prints it: owner, TTL, class, type, data at columns 24, 32, 40, 48. */
const recordLine = (owner: string, type: string, data: string) =>
  columns([absolute(owner), String(TTL), "IN", type, data], [24, 32, 40, 48]);

/** The zone's SOA in the authority section of a negative answer: CoreDNS's for the cluster zone, the root's otherwise. */
function soaLine(cluster: Cluster, inZone: boolean): string {
  const zone = cluster.options.clusterDomain;
  const seconds = Math.floor(cluster.now() / 1000);
  return inZone
    ? recordLine(zone, "SOA", `ns.dns.${zone}. hostmaster.${zone}. ${seconds} 7200 1800 86400 ${TTL}`)
    : recordLine(
        ".",
        "SOA",
        `a.root-servers.net. nstld.verisign-grs.com. ${dateSerial(cluster)} 1800 900 604800 86400`,
      );
}

const dateSerial = (cluster: Cluster) => `${new Date(cluster.now()).toISOString().slice(0, 10).replace(/-/g, "")}00`;

/** A stable message id from the clock and the name, so that dig leaves the cluster's random stream alone. */
function messageId(cluster: Cluster, name: string): number {
  const digest = sha256(`${cluster.now()} ${name}`);
  return ((digest[0] << 8) | digest[1]) & 0xffff;
}

/** The wire size of the reply, counting every owner name after the question as a 2-byte pointer. */
function messageSize(qname: string, answers: DnsRecord[], extra: number, authority: number): number {
  const wireName = (n: string) =>
    absolute(n)
      .split(".")
      .filter(Boolean)
      .reduce((s, l) => s + l.length + 1, 1);
  let size = 12 + wireName(qname) + 4 + 11; // header, question, OPT
  for (const r of answers)
    size += 12 + (r.type === "A" ? 4 : r.type === "SRV" ? 6 + wireName(r.target) : wireName(r.target));
  return size + extra * 16 + authority * 60;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** strftime "%a %b %d %H:%M:%S %Z %Y", as dig prints its WHEN line. */
function when(cluster: Cluster): string {
  const d = new Date(cluster.now());
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * @SERVER: cluster DNS answers at its ClusterIP and at its pods' addresses; any other server knows
 * only names outside the cluster. The lookup runs as from a copy of the pod that names that server.
 */
function podAsking(
  cluster: Cluster,
  pod: Pod,
  chosen: string | undefined,
  server: string,
): { asked: Pod; viaCluster: boolean } {
  const conf = resolvConfFor(cluster, pod);
  const dnsService = cluster.store.get("Service", "kube-system", "kube-dns")?.spec.clusterIP;
  const coreDNSPods = cluster
    .pods("kube-system")
    .filter((p) => p.metadata.labels?.["k8s-app"] === "kube-dns")
    .map((p) => p.status.podIP);
  const viaCluster = server === dnsService || coreDNSPods.includes(server);
  if (chosen === undefined) return { asked: pod, viaCluster };
  const options = conf.options.map((o) => {
    const [name, value] = o.split(":");
    return value === undefined ? { name } : { name, value };
  });
  const nameservers = [viaCluster ? dnsService! : server];
  return {
    asked: {
      ...pod,
      spec: { ...pod.spec, dnsPolicy: "None", dnsConfig: { nameservers, searches: conf.search, options } },
    },
    viaCluster,
  };
}

export function dig(cluster: Cluster, pod: Pod, args: string[]): CommandResult {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") return { output: `${parsed}\n`, exitCode: 1 };
  if (!parsed.name) parsed.name = ".";
  const server = parsed.server ?? resolvConfFor(cluster, pod).nameservers[0] ?? "127.0.0.1";
  const zone = cluster.options.clusterDomain;
  const banner = `\n; <<>> DiG ${DIG_VERSION} <<>> ${args.join(" ")}\n;; global options: +cmd\n`;
  const { asked, viaCluster } = podAsking(cluster, pod, parsed.server, server);
  let answer: DnsAnswer;
  let qname: string;
  if (parsed.reverse) {
    qname = reverseName(parsed.name);
    answer = reverseFromPod(cluster, asked, parsed.name);
  } else {
    const lookupType = parsed.type === "SRV" ? "SRV" : "A";
    const walk = searchWalk(cluster, asked, parsed.search ? parsed.name : absolute(parsed.name), lookupType);
    answer = walk.answer;
    qname = answer.rcode === "NOERROR" ? answer.name : walk.tried.at(-1)!.name;
  }
  if (answer.rcode === "TIMEOUT") {
    cluster.advance(15); // three tries of five seconds (+tries=3 +time=5)
    const message = ";; connection timed out; no servers could be reached\n";
    return { output: parsed.short ? message : `${banner}${message}\n`, exitCode: 9 };
  }
  const fqdn = absolute(qname.replace(/\.$/, ""));
  const inZone = fqdn.endsWith(`.${zone}.`) || fqdn.endsWith(".in-addr.arpa.");
  const authoritative = viaCluster && inZone;
  // A name that exists but has no record of the type asked (AAAA, TXT...) is NOERROR with no answer.
  const typed =
    answer.rcode === "NOERROR"
      ? answer.records.filter((r) =>
          parsed.type === "A" ? r.type === "A" || r.type === "CNAME" : r.type === parsed.type,
        )
      : [];
  const records = answer.rcode === "NOERROR" && ["A", "SRV", "PTR"].includes(parsed.type) ? answer.records : typed;
  if (parsed.short) return { output: records.map((r) => `${rdata(r)}\n`).join(""), exitCode: 0 };

  // CoreDNS adds the A records of SRV targets it knows as additional records.
  const additional: DnsRecord[] = [];
  if (parsed.type === "SRV" && answer.rcode === "NOERROR")
    for (const r of answer.records)
      if (r.type === "SRV") {
        const target = searchWalk(cluster, asked, absolute(r.target), "A").answer;
        if (target.rcode === "NOERROR") additional.push(...target.records.filter((t) => t.type === "A"));
      }
  const authority = records.length === 0 ? 1 : 0;
  const status = answer.rcode;
  const flags = authoritative ? "qr aa rd" : "qr rd ra";
  const out = [
    banner.slice(0, -1),
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${messageId(cluster, fqdn)}`,
    `;; flags: ${flags}; QUERY: 1, ANSWER: ${records.length}, AUTHORITY: ${authority}, ADDITIONAL: ${additional.length + 1}`,
  ];
  if (authoritative) out.push(";; WARNING: recursion requested but not available");
  out.push("", ";; OPT PSEUDOSECTION:", "; EDNS: version: 0, flags:; udp: 1232", ";; QUESTION SECTION:");
  out.push(`;${columns([fqdn, "IN", parsed.type], [32, 40])}`, "");
  if (records.length) {
    out.push(";; ANSWER SECTION:", ...records.map((r) => recordLine(r.name, r.type, rdata(r))), "");
  }
  if (authority) out.push(";; AUTHORITY SECTION:", soaLine(cluster, authoritative), "");
  if (additional.length)
    out.push(";; ADDITIONAL SECTION:", ...additional.map((r) => recordLine(r.name, r.type, rdata(r))), "");
  out.push(
    ";; Query time: 0 msec",
    `;; SERVER: ${server}#53(${server}) (UDP)`,
    `;; WHEN: ${when(cluster)}`,
    `;; MSG SIZE  rcvd: ${messageSize(fqdn, records, additional.length, authority)}`,
    "",
  );
  return { output: `${out.join("\n")}\n`, exitCode: 0 };
}
