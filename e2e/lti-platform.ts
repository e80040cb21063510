// A stand-in LTI 1.3 platform (an LMS) for the end-to-end test, written from the IMS specifications:
// LTI 1.3 Core and the IMS Security Framework 1.0 (OIDC third-party initiated login, the id_token of
// a resource link launch, the client_credentials token with a JWT client assertion), Deep Linking 2.0
// (the request's deep_linking_settings, the tool's response posted as JWT) and Assignment and Grade
// Services 2.0 (line items from deep linking, scores posted to <lineitem>/scores). It signs with its own RSA key and serves its JWKS; every JWT operation goes through jose.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
const SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
const LINEITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

export interface PlatformUser {
  sub: string;
  name: string;
  roles: string[];
}

export const LMS_USERS = {
  teacher: {
    sub: "lms-teacher-1",
    name: "Tess Teacher",
    roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
  },
  learner: {
    sub: "lms-learner-1",
    name: "Lena Learner",
    roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
  },
} satisfies Record<string, PlatformUser>;

/** A link placed in the course by deep linking, with the grade column made from its lineItem. */
export interface CourseLink {
  id: string;
  title: string;
  url: string;
  custom: Record<string, string>;
  lineItemUrl: string | null;
  scoreMaximum: number | null;
}

export interface ReceivedScore {
  lineItemUrl: string;
  contentType: string;
  body: Record<string, unknown>;
}

/** What a launch should do differently, to see the tool refuse it. */
export type Tamper = "none" | "bad-signature" | "unknown-deployment";

interface PendingMessage {
  user: PlatformUser;
  kind: "deep-link" | "resource";
  linkId?: string;
  tamper: Tamper;
}

export interface ToolConfig {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

export class LtiPlatform {
  readonly issuer: string;
  readonly clientId = "kubelearn-e2e-client";
  readonly deploymentId = "deployment-1";
  readonly links: CourseLink[] = [];
  readonly scores: ReceivedScore[] = [];
  readonly tokenRequests: Record<string, string>[] = [];
  /** Score POSTs still to answer with 503 (a grade book that is down), and how many were refused. */
  failNextScores = 0;
  refusedScores = 0;
  /** The last id_token and state the auth endpoint posted to the tool, for replay tests. */
  lastLaunch: { idToken: string; state: string } | null = null;
  private tool: ToolConfig | null = null;
  private toolKeys: JWTVerifyGetKey | null = null;
  private readonly messages = new Map<string, PendingMessage>();
  private readonly tokens = new Set<string>();
  private server: Server | null = null;
  private keys!: { privateKey: CryptoKey; jwk: JWK; strangerKey: CryptoKey };

  constructor(readonly port: number) {
    this.issuer = `http://127.0.0.1:${port}`;
  }

  get registration() {
    return {
      issuer: this.issuer,
      clientId: this.clientId,
      authLoginUrl: `${this.issuer}/auth`,
      authTokenUrl: `${this.issuer}/token`,
      jwksUrl: `${this.issuer}/jwks`,
      deploymentIds: this.deploymentId,
    };
  }

  configureTool(tool: ToolConfig) {
    this.tool = tool;
    this.toolKeys = createRemoteJWKSet(new URL(tool.jwksUrl));
  }

  async start() {
    const pair = await generateKeyPair("RS256", { extractable: true });
    const stranger = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "platform-key-1", alg: "RS256", use: "sig" };
    this.keys = { privateKey: pair.privateKey, jwk, strangerKey: stranger.privateKey };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => send(res, 500, "text/plain", String(err)));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /**
   * The URL a browser opens to launch from the course: the platform's login initiation, which
   * sends the browser to the tool's login URL with iss, login_hint, target_link_uri and
   * lti_message_hint (security/v1p0#step-1-third-party-initiated-login).
   */
  launchUrl(user: PlatformUser, kind: "deep-link" | "resource", options: { linkId?: string; tamper?: Tamper } = {}) {
    const hint = randomUUID();
    this.messages.set(hint, { user, kind, linkId: options.linkId, tamper: options.tamper ?? "none" });
    const url = new URL(this.tool!.loginUrl);
    url.searchParams.set("iss", this.issuer);
    url.searchParams.set("login_hint", user.sub);
    url.searchParams.set("target_link_uri", this.tool!.launchUrl);
    url.searchParams.set("lti_message_hint", hint);
    url.searchParams.set("client_id", this.clientId);
    url.searchParams.set("lti_deployment_id", this.deploymentId);
    return url.toString();
  }

  /** A URL of the tool (its origin from the configured launch URL). */
  toolUrl(path: string) {
    return new URL(path, this.tool!.launchUrl).href;
  }

  /** A course page of this platform that shows a URL (a launch, or any tool page) in an iframe, as an LMS does. */
  coursePageUrl(src: string) {
    return `${this.issuer}/course?${new URLSearchParams({ src })}`;
  }

  private coursePage(params: URLSearchParams, res: ServerResponse) {
    send(
      res,
      200,
      "text/html",
      `<!doctype html><html lang="en"><title>Course</title><h1>Kubernetes networking (course)</h1>` +
        `<iframe title="kubelearn activity" src="${attr(params.get("src") ?? "")}" style="width:100%;height:600px"></iframe>`,
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.issuer);
    if (req.method === "GET" && url.pathname === "/jwks")
      return send(res, 200, "application/json", JSON.stringify({ keys: [this.keys.jwk] }));
    if (req.method === "GET" && url.pathname === "/auth") return this.authorize(url.searchParams, res);
    if (req.method === "GET" && url.pathname === "/course") return this.coursePage(url.searchParams, res);
    if (req.method === "POST" && url.pathname === "/token") return this.token(req, res);
    if (req.method === "POST" && url.pathname === "/deep-link-return") return this.deepLinkReturn(req, res);
    const scores = url.pathname.match(/^\/lineitems\/([\w-]+)\/scores$/);
    if (req.method === "POST" && scores) return this.score(req, res, `${this.issuer}/lineitems/${scores[1]}`);
    send(res, 404, "text/plain", "not found");
  }

  /** The OIDC authorization endpoint: checks the tool's authentication request (security/v1p0#step-2-authentication-request), answers with a form_post. */
  private async authorize(params: URLSearchParams, res: ServerResponse) {
    const problems = [
      params.get("scope") !== "openid" && "scope must be openid",
      params.get("response_type") !== "id_token" && "response_type must be id_token",
      params.get("response_mode") !== "form_post" && "response_mode must be form_post",
      params.get("prompt") !== "none" && "prompt should be none",
      params.get("client_id") !== this.clientId && "unknown client_id",
      params.get("redirect_uri") !== this.tool?.launchUrl && "redirect_uri is not the registered one",
      !params.get("state") && "state missing",
      !params.get("nonce") && "nonce missing",
    ].filter(Boolean);
    const message = this.messages.get(params.get("lti_message_hint") ?? "");
    if (!message || message.user.sub !== params.get("login_hint")) problems.push("unknown login_hint or message");
    if (problems.length > 0 || !message) return send(res, 400, "text/plain", problems.join("; "));
    const idToken = await this.idToken(message, params.get("nonce")!);
    const state = params.get("state")!;
    this.lastLaunch = { idToken, state };
    send(
      res,
      200,
      "text/html",
      `<!doctype html><title>Launching</title><form id="f" method="post" action="${attr(this.tool!.launchUrl)}">` +
        `<input type="hidden" name="id_token" value="${attr(idToken)}"><input type="hidden" name="state" value="${attr(state)}">` +
        `<button type="submit">Continue</button></form><script>document.getElementById("f").submit()</script>`,
    );
  }

  private async idToken(message: PendingMessage, nonce: string) {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      nonce,
      name: message.user.name,
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: message.tamper === "unknown-deployment" ? "deployment-unknown" : this.deploymentId,
      [`${LTI}target_link_uri`]: this.tool!.launchUrl,
      [`${LTI}roles`]: message.user.roles,
      [`${LTI}context`]: { id: "course-1", title: "Kubernetes networking" },
    };
    if (message.kind === "deep-link") {
      claims[`${LTI}message_type`] = "LtiDeepLinkingRequest";
      claims[`${DL}deep_linking_settings`] = {
        deep_link_return_url: `${this.issuer}/deep-link-return`,
        accept_types: ["ltiResourceLink"],
        accept_presentation_document_targets: ["window", "iframe"],
        accept_multiple: false,
        data: "course-1-section-2",
      };
    } else {
      const link = this.links.find((l) => l.id === message.linkId);
      if (!link) throw new Error(`no course link ${message.linkId}`);
      claims[`${LTI}message_type`] = "LtiResourceLinkRequest";
      claims[`${LTI}resource_link`] = { id: link.id, title: link.title };
      claims[`${LTI}custom`] = link.custom;
      if (link.lineItemUrl)
        claims[AGS_ENDPOINT] = {
          scope: [LINEITEM_SCOPE, SCORE_SCOPE],
          lineitem: link.lineItemUrl,
          lineitems: `${this.issuer}/lineitems`,
        };
    }
    const key = message.tamper === "bad-signature" ? this.keys.strangerKey : this.keys.privateKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "platform-key-1", typ: "JWT" })
      .setIssuer(this.issuer)
      .setAudience(this.clientId)
      .setSubject(message.user.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(key);
  }

  /** security/v1p0#using-json-web-tokens-with-oauth-2-0-client-credentials-grant: client_credentials with a JWT assertion signed by the tool, aud = this token URL. */
  private async token(req: IncomingMessage, res: ServerResponse) {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    this.tokenRequests.push(form);
    if (
      form.grant_type !== "client_credentials" ||
      form.client_assertion_type !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    )
      return send(res, 400, "application/json", JSON.stringify({ error: "unsupported_grant_type" }));
    try {
      await jwtVerify(form.client_assertion, this.toolKeys!, {
        issuer: this.clientId,
        subject: this.clientId,
        audience: `${this.issuer}/token`,
      });
    } catch {
      return send(res, 401, "application/json", JSON.stringify({ error: "invalid_client" }));
    }
    const token = randomUUID();
    this.tokens.add(token);
    send(
      res,
      200,
      "application/json",
      JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.scope }),
    );
  }

  /** lti-dl/v2p0#deep-linking-response-message: the tool's LtiDeepLinkingResponse, checked and turned into a course link with a grade column. */
  private async deepLinkReturn(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    try {
      const { payload } = await jwtVerify(form.get("JWT") ?? "", this.toolKeys!, {
        issuer: this.clientId,
        audience: this.issuer,
      });
      if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse") throw new Error("wrong message type");
      if (payload[`${LTI}deployment_id`] !== this.deploymentId) throw new Error("wrong deployment");
      if (payload[`${DL}data`] !== "course-1-section-2") throw new Error("data not echoed");
      if (typeof payload.nonce !== "string") throw new Error("no nonce");
      const items = payload[`${DL}content_items`] as Record<string, unknown>[];
      for (const item of items) {
        if (item.type !== "ltiResourceLink") continue;
        const id = `rl-${this.links.length + 1}`;
        const lineItem = item.lineItem as { scoreMaximum: number } | undefined;
        this.links.push({
          id,
          title: String(item.title),
          url: String(item.url),
          custom: item.custom as Record<string, string>,
          lineItemUrl: lineItem ? `${this.issuer}/lineitems/li-${id}` : null,
          scoreMaximum: lineItem?.scoreMaximum ?? null,
        });
      }
      send(
        res,
        200,
        "text/html",
        `<!doctype html><title>Added</title><h1>Added to the course: ${attr(this.links.at(-1)?.title ?? "nothing")}</h1>`,
      );
    } catch (err) {
      send(res, 400, "text/plain", `deep linking response refused: ${String(err)}`);
    }
  }

  /** lti-ags/v2p0#score-publish-service: a score with the score media type and a token this platform issued. */
  private async score(req: IncomingMessage, res: ServerResponse, lineItemUrl: string) {
    const bearer = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (!this.tokens.has(bearer)) return send(res, 401, "text/plain", "no valid token");
    if (this.failNextScores > 0) {
      this.failNextScores--;
      this.refusedScores++;
      return send(res, 503, "text/plain", "grade book unavailable");
    }
    const contentType = req.headers["content-type"] ?? "";
    if (contentType !== "application/vnd.ims.lis.v1.score+json")
      return send(res, 415, "text/plain", "wrong media type");
    this.scores.push({ lineItemUrl, contentType, body: JSON.parse(await readBody(req)) });
    res.writeHead(204);
    res.end();
  }
}
