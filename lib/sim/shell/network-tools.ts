import type { Cluster } from "../cluster";
import { candidateNames, resolvConfFor, resolveFromPod, reverseFromPod, reverseName } from "../dns";
import { type Client, pingReply } from "../network";
import type { CommandResult } from "../types";
import { CONNECT_TIMEOUT_SECONDS, httpExchange, httpResponse, parseUrl, resolveHost, STATUS_TEXT } from "./http-client";

const fail = (output: string, exitCode: number): CommandResult => ({ output, exitCode });

/** curl URL, with the flags people use in drills (-s -S -f -v -L -k -i -I -m N --connect-timeout N -H HEADER -o FILE -w FORMAT). */
// The User-Agent headers the tools send, as a server's access log shows them: curl's is
// "curl/VERSION" (the curlimages/curl image's curl 8.x); busybox wget sends "Wget" (networking/wget.c).
const CURL_USER_AGENT = "curl/8.11.1";
const WGET_USER_AGENT = "Wget";

/**
 * curl's options as its parser reads them (src/tool_getparam.c): a word "-abc" is a cluster of short
 * options, read left to right; an option that takes a value takes the rest of the cluster ("-m5",
 * "-sm5") or, when nothing is left, the next word ("-sm 5"); "--name" and "--name=value" are long ones.
 */
const CURL_SHORT: Record<string, { long: string; value: boolean }> = {
  s: { long: "silent", value: false },
  S: { long: "show-error", value: false },
  f: { long: "fail", value: false },
  L: { long: "location", value: false },
  v: { long: "verbose", value: false },
  k: { long: "insecure", value: false },
  I: { long: "head", value: false },
  i: { long: "include", value: false },
  m: { long: "max-time", value: true },
  H: { long: "header", value: true },
  o: { long: "output", value: true },
  w: { long: "write-out", value: true },
};
const CURL_LONG_VALUES = new Set(["max-time", "header", "output", "write-out", "connect-timeout"]);
const CURL_LONG_FLAGS = new Set(Object.values(CURL_SHORT).map((o) => o.long));

type CurlOptions = { flags: Set<string>; values: Map<string, string[]>; url?: string };

function parseCurlArgs(args: string[]): CurlOptions | { error: CommandResult } {
  const options: CurlOptions = { flags: new Set(), values: new Map() };
  const unknown = (a: string) => ({
    error: fail(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2),
  });
  const missing = (a: string) => ({
    error: fail(
      `curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
      2,
    ),
  });
  const set = (name: string, value: string) => options.values.set(name, [...(options.values.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (CURL_LONG_VALUES.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) return missing(a);
        set(name, value);
      } else if (CURL_LONG_FLAGS.has(name) && eq < 0) options.flags.add(name);
      else return unknown(a);
    } else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const option = CURL_SHORT[a[j]];
        if (!option) return unknown(a);
        if (!option.value) {
          options.flags.add(option.long);
          continue;
        }
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return missing(a);
        set(option.long, value);
        break;
      }
    } else options.url = a;
  }
  return options;
}

/** curl -w: the variables people print (%{http_code}), and \n. */
function writeOut(format: string, status: number | null): string {
  return format
    .replace(/%\{http_code\}|%\{response_code\}/g, String(status ?? 0).padStart(3, "0"))
    .replace(/\\n/g, "\n");
}

export function curl(cluster: Cluster, client: Client, args: string[]): CommandResult {
  const parsedArgs = parseCurlArgs(args);
  if ("error" in parsedArgs) return parsedArgs.error;
  const { flags, values, url } = parsedArgs;
  const last = (name: string) => values.get(name)?.at(-1);
  const maxTimeText = last("max-time") ?? last("connect-timeout");
  const maxTime = maxTimeText === undefined ? undefined : Number(maxTimeText);
  const headers: Record<string, string> = {};
  for (const h of values.get("header") ?? []) addHeader(headers, h);
  if (!url)
    return fail("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  let parsed = parseUrl(url);
  // -s silences curl's own error messages; -S brings them back (tool_getparam.c, "show-error").
  const quiet = flags.has("silent") && !flags.has("show-error");
  const finish = (result: CommandResult, status: number | null): CommandResult => {
    let output = result.exitCode !== 0 && quiet ? "" : result.output;
    if (result.exitCode === 0 && last("output") !== undefined) output = ""; // -o FILE: the body goes to the file
    const format = last("write-out");
    return { output: output + (format === undefined ? "" : writeOut(format, status)), exitCode: result.exitCode };
  };
  if (!parsed) return finish(fail(`curl: (3) URL using bad/illegal format or missing URL\n`, 3), null);
  const request = {
    headers,
    insecure: flags.has("insecure"),
    maxTime,
    headOnly: flags.has("head"),
    include: flags.has("include"),
    failOnError: flags.has("fail"),
  };
  // -L follows redirects (up to curl's default --max-redirs of 50), sending the same headers.
  for (let hop = 0; ; hop++) {
    const result = curlOnce(cluster, client, { parsed, ...request });
    if (!flags.has("location") || !result.location || hop === 50) return finish(result.result, result.status ?? null);
    const next = parseUrl(result.location);
    if (!next) return finish(result.result, result.status ?? null);
    parsed = next;
  }
}

interface CurlRequest {
  parsed: NonNullable<ReturnType<typeof parseUrl>>;
  headers: Record<string, string>;
  insecure: boolean;
  maxTime: number | undefined;
  headOnly: boolean;
  /** -i: the response's status line and headers before the body. */
  include: boolean;
  failOnError: boolean;
}

/** One request of a curl run, and where a redirect points. */
function curlOnce(
  cluster: Cluster,
  client: Client,
  { parsed, headers, insecure, maxTime, headOnly, include, failOnError }: CurlRequest,
): { result: CommandResult; location?: string; status?: number } {
  const done = (result: CommandResult) => ({ result });
  const target = {
    ...parsed,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(insecure ? { insecure } : {}),
  };
  const exchange = httpExchange(cluster, client, target, CURL_USER_AGENT);
  if (exchange.kind === "dns-failed") {
    if (exchange.error === "dns-timeout") cluster.advance(10);
    return done(fail(`curl: (6) Could not resolve host: ${target.host}\n`, 6));
  }
  if (exchange.kind === "connected" && !exchange.result.ok) {
    if (exchange.result.error === "refused")
      return done(
        fail(`curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Connection refused\n`, 7),
      );
    // Connected, request sent, then end of file before any response byte.
    if (exchange.result.error === "closed") return done(fail("curl: (52) Empty reply from server\n", 52));
    const waited = maxTime ?? CONNECT_TIMEOUT_SECONDS;
    cluster.advance(waited);
    return done(
      maxTime !== undefined
        ? fail(`curl: (28) Connection timed out after ${waited * 1000} milliseconds\n`, 28)
        : fail(
            `curl: (28) Failed to connect to ${target.host} port ${target.port} after ${waited * 1000} ms: Connection timed out\n`,
            28,
          ),
    );
  }
  const { status, body, location, tlsError } = httpResponse(cluster, exchange);
  // curl's TLS failures (OpenSSL): a server that answers plain HTTP, and a certificate it cannot verify.
  if (tlsError === "not-tls")
    return done(fail("curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number\n", 35));
  if (tlsError === "untrusted") return done(fail(CURL_SELF_SIGNED, 60));
  if (failOnError && status >= 400)
    return { ...done(fail(`curl: (22) The requested URL returned error: ${status}\n`, 22)), status };
  const head = `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n${location ? `Location: ${location}\r\n` : ""}\r\n`;
  if (headOnly) return { result: { output: head, exitCode: 0 }, location, status };
  return { result: { output: include ? head + body : body, exitCode: 0 }, location, status };
}

const CURL_SELF_SIGNED = `curl: (60) SSL certificate problem: self-signed certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the webpage mentioned above.
`;

/** A request header as curl -H and wget --header take it, "Name: value" (the name is case-insensitive). */
function addHeader(headers: Record<string, string>, text: string): void {
  const colon = text.indexOf(":");
  if (colon > 0) headers[text.slice(0, colon).trim().toLowerCase()] = text.slice(colon + 1).trim();
}

/** busybox wget: `wget -qO- URL` prints the body; `--header 'Host: NAME'` sets a request header. */
export function wget(cluster: Cluster, client: Client, argv: string[]): CommandResult {
  const headers: Record<string, string> = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--header") addHeader(headers, argv[++i] ?? "");
    else if (argv[i].startsWith("--header=")) addHeader(headers, argv[i].slice("--header=".length));
    else args.push(argv[i]);
  }
  const url = args.filter((a) => !a.startsWith("-")).at(-1);
  const quietToStdout =
    args.some((a) => /^-q?O-?$|^-qO-$|^-O-$/.test(a)) || (args.includes("-O") && args[args.indexOf("-O") + 1] === "-");
  if (!url)
    return fail(
      "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n",
      1,
    );
  const parsed = parseUrl(url);
  if (!parsed) return fail(`wget: bad address '${url}'\n`, 1);
  // busybox wget's own TLS client does not verify certificates, and says so (networking/wget.c).
  const target = { ...parsed, ...(Object.keys(headers).length ? { headers } : {}), insecure: true };
  const note = target.scheme === "https" ? "wget: note: TLS certificate validation not implemented\n" : "";
  const exchange = httpExchange(cluster, client, target, WGET_USER_AGENT);
  if (exchange.kind === "dns-failed") return fail(`wget: bad address '${target.host}'\n`, 1);
  if (exchange.kind === "connected" && !exchange.result.ok) {
    if (exchange.result.error === "refused")
      return fail(`wget: can't connect to remote host (${exchange.ip}): Connection refused\n`, 1);
    // busybox wget's fgets of the status line meets end of file: bb_perror_msg with errno 0.
    if (exchange.result.error === "closed") return fail("wget: error getting response\n", 1);
    cluster.advance(CONNECT_TIMEOUT_SECONDS);
    return fail(`wget: can't connect to remote host (${exchange.ip}): Connection timed out\n`, 1);
  }
  const { status, body, tlsError } = httpResponse(cluster, exchange);
  if (tlsError) return fail(`${note}wget: error getting response: Connection reset by peer\n`, 1);
  // busybox 1.36 networking/wget.c: 200-204 are success and only 300-303 redirections it follows; any
  // other status, 307 and 308 included (ingress-nginx's redirect to https), is "server returned error".
  if (!(status >= 200 && status <= 204) && !(status >= 300 && status <= 303))
    return fail(`${note}wget: server returned error: HTTP/1.1 ${status} ${STATUS_TEXT[status]}\n`, 1);
  return quietToStdout
    ? { output: note + body, exitCode: 0 }
    : {
        output: `Connecting to ${target.host} (${exchange.ip}:${target.port})\n${note}saving to 'index.html'\nindex.html           100% |********************************|    ${body.length}  0:00:00 ETA\n'index.html' saved\n`,
        exitCode: 0,
      };
}

/** nslookup as in the dnsutils image (BIND 9): the name, what server answered, the records. */
export function nslookup(cluster: Cluster, client: Client, args: string[]): CommandResult {
  const typeArg = args.find((a) => /^-(type|query|q)=/i.test(a));
  const type = typeArg && /srv$/i.test(typeArg) ? "SRV" : "A";
  const name = args.filter((a) => !a.startsWith("-"))[0];
  if (!name) return fail("Usage: nslookup [-type=a|srv] NAME\n", 1);
  if (client.kind !== "pod") {
    const address = cluster.options.externalDNS[name.replace(/\.$/, "").toLowerCase()];
    const header = "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n";
    return address
      ? { output: `${header}Non-authoritative answer:\nName:\t${name}\nAddress: ${address}\n\n`, exitCode: 0 }
      : fail(`${header}** server can't find ${name}: NXDOMAIN\n\n`, 1);
  }
  const conf = resolvConfFor(cluster, client.pod);
  const isAddress = /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
  const answer = isAddress
    ? reverseFromPod(cluster, client.pod, name)
    : resolveFromPod(cluster, client.pod, name, type);
  if (answer.rcode === "TIMEOUT") {
    cluster.advance(15);
    return fail(";; connection timed out; no servers could be reached\n\n", 1);
  }
  const header = `Server:\t\t${conf.nameservers[0]}\nAddress:\t${conf.nameservers[0]}#53\n\n`;
  if (answer.rcode === "NXDOMAIN") {
    const last = isAddress ? reverseName(name) : candidateNames(name, conf).at(-1)!;
    return fail(`${header}** server can't find ${last.replace(/\.$/, "")}: NXDOMAIN\n\n`, 1);
  }
  const lines: string[] = [];
  for (const r of answer.records) {
    if (r.type === "CNAME") lines.push(`${r.name}\tcanonical name = ${r.target}.`);
    else if (r.type === "A") lines.push(`Name:\t${r.name}`, `Address: ${r.address}`);
    else if (r.type === "PTR") lines.push(`${r.name}\tname = ${r.target}.`);
    else lines.push(`${r.name}\tservice = ${r.priority} ${r.weight} ${r.port} ${r.target}.`);
  }
  return { output: `${header}${lines.join("\n")}\n\n`, exitCode: 0 };
}

/**
 * busybox ping: `ping [-c COUNT] HOST`. A real ping without -c runs until interrupted; here it stops
 * after 4 packets, as if the learner pressed Ctrl-C then.
 */
export function ping(cluster: Cluster, client: Client, args: string[]): CommandResult {
  let count = 4;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-c") count = Number(args[++i]);
    else if (/^-c\d+$/.test(args[i])) count = Number(args[i].slice(2));
    else if (!args[i].startsWith("-")) host = args[i];
  }
  if (!host || !Number.isInteger(count) || count < 1)
    return fail("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n", 1);
  const resolved = resolveHost(cluster, client, host);
  if (!resolved.ok) return fail(`ping: bad address '${host}'\n`, 1);
  const ip = resolved.ip;
  const reply = pingReply(cluster, client, ip);
  cluster.advance(count);
  const lines = [`PING ${host} (${ip}): 56 data bytes`];
  if (reply)
    for (let seq = 0; seq < count; seq++) lines.push(`64 bytes from ${ip}: seq=${seq} ttl=${reply.ttl} time=0.100 ms`);
  lines.push("", `--- ${host} ping statistics ---`);
  lines.push(`${count} packets transmitted, ${reply ? count : 0} packets received, ${reply ? 0 : 100}% packet loss`);
  if (reply) lines.push("round-trip min/avg/max = 0.100/0.100/0.100 ms");
  return { output: `${lines.join("\n")}\n`, exitCode: reply ? 0 : 1 };
}
