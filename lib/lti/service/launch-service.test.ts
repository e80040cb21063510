import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases } from "../../db/test-support/databases";
import { CLAIM } from "../core/claims";
import { LAUNCH_ERRORS } from "../core/launch-claims";
import { createDeepLinkService } from "./deep-link-service";
import { LAUNCH_REFUSALS } from "./launch-service";
import { resourceClaims, TOOL_URLS, testLaunchService, testPlatform, testToolKey } from "./test-support/platform";

describe.each(testDatabases)("LTI launches on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const start = new Date("2026-06-01T09:00:00Z");

  /** Runs the OIDC login and answers the state and nonce the tool sent to the platform. */
  async function login(service: ReturnType<typeof testLaunchService>, issuer: string) {
    const result = await service.login({
      iss: issuer,
      login_hint: "u",
      target_link_uri: TOOL_URLS.launch,
      client_id: "client-1",
    });
    if (!result.ok) throw new Error(result.error);
    const auth = new URL(result.value);
    return { auth, state: auth.searchParams.get("state")!, nonce: auth.searchParams.get("nonce")! };
  }

  it("sends the OIDC authentication request of the IMS Security Framework (step-2-authentication-request) to the platform's auth URL", async () => {
    const p = await testPlatform(ctx.repos, start);
    const service = testLaunchService(ctx.repos, p.jwks, { now: start });
    const { auth } = await login(service, p.platform.issuer);
    expect(`${auth.origin}${auth.pathname}`).toBe(p.platform.authLoginUrl);
    expect(Object.fromEntries(auth.searchParams)).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: "client-1",
      redirect_uri: TOOL_URLS.launch,
      login_hint: "u",
    });
    expect(
      await service.login({ iss: "https://nobody.example", login_hint: "u", target_link_uri: TOOL_URLS.launch }),
    ).toEqual({
      ok: false,
      error: LAUNCH_REFUSALS.unknownPlatform,
    });
    expect(
      await service.login({ iss: p.platform.issuer, login_hint: "u", target_link_uri: "https://evil.example/launch" }),
    ).toEqual({ ok: false, error: LAUNCH_REFUSALS.foreignTarget });
  });

  it("launches once per state, signs in with a one-time ticket and opens the linked quiz", async () => {
    const p = await testPlatform(ctx.repos, start);
    const clock = { now: start };
    const service = testLaunchService(ctx.repos, p.jwks, clock);
    const { state, nonce } = await login(service, p.platform.issuer);
    const idToken = await p.sign(resourceClaims(nonce, "learner-1"));
    const launched = await service.launch({ idToken, state });
    expect(launched).toMatchObject({ ok: true, value: { redirectTo: "/lessons/cluster-ip-vs-pod-ip/quiz" } });
    if (!launched.ok) return;
    const user = await service.redeemTicket(launched.value.ticket);
    expect(user).toMatchObject({ role: "LEARNER", name: "Ada", email: expect.stringMatching(/@lti\.invalid$/) });
    expect(await service.redeemTicket(launched.value.ticket)).toBeNull();
    expect(await service.launch({ idToken, state })).toEqual({ ok: false, error: LAUNCH_REFUSALS.state });
    // The same sub launching again is the same account.
    const again = await login(service, p.platform.issuer);
    const second = await service.launch({
      idToken: await p.sign(resourceClaims(again.nonce, "learner-1")),
      state: again.state,
    });
    expect(second.ok && (await service.redeemTicket(second.value.ticket))?.id).toBe(user?.id);
  });

  it("refuses an expired state, another audience, another nonce and an unknown deployment", async () => {
    const p = await testPlatform(ctx.repos, start);
    const clock = { now: start };
    const service = testLaunchService(ctx.repos, p.jwks, clock);
    const late = await login(service, p.platform.issuer);
    clock.now = new Date(start.getTime() + 11 * 60_000);
    expect(await service.launch({ idToken: await p.sign(resourceClaims(late.nonce, "x")), state: late.state })).toEqual(
      {
        ok: false,
        error: LAUNCH_REFUSALS.state,
      },
    );
    clock.now = start;
    const a = await login(service, p.platform.issuer);
    expect(
      await service.launch({
        idToken: await p.sign(resourceClaims(a.nonce, "x"), { audience: "other" }),
        state: a.state,
      }),
    ).toEqual({ ok: false, error: LAUNCH_REFUSALS.signature });
    const b = await login(service, p.platform.issuer);
    expect(await service.launch({ idToken: await p.sign(resourceClaims("other-nonce", "x")), state: b.state })).toEqual(
      {
        ok: false,
        error: LAUNCH_ERRORS.nonce,
      },
    );
    const c = await login(service, p.platform.issuer);
    expect(
      await service.launch({
        idToken: await p.sign(resourceClaims(c.nonce, "x", { [CLAIM.deploymentId]: "dep-9" })),
        state: c.state,
      }),
    ).toEqual({ ok: false, error: LAUNCH_ERRORS.deployment });
  });

  it("refuses an id_token that has expired, or that carries no exp or no iat (security/v1p0#id-token)", async () => {
    // The IMS Security Framework makes exp and iat required claims of an id_token and has the tool
    // check the current time is before exp: a token without exp would never expire.
    const p = await testPlatform(ctx.repos, start);
    const service = testLaunchService(ctx.repos, p.jwks, { now: start });
    for (const options of [{ expiresIn: -60 }, { expiresIn: null }, { issued: false }]) {
      const { nonce, state } = await login(service, p.platform.issuer);
      expect(await service.launch({ idToken: await p.sign(resourceClaims(nonce, "x"), options), state })).toEqual({
        ok: false,
        error: LAUNCH_REFUSALS.signature,
      });
    }
    const { nonce, state } = await login(service, p.platform.issuer);
    expect((await service.launch({ idToken: await p.sign(resourceClaims(nonce, "x")), state })).ok).toBe(true);
  });

  it("sends an instructor's deep linking launch to the picker, and signs the response the platform checks", async () => {
    const p = await testPlatform(ctx.repos, start);
    const service = testLaunchService(ctx.repos, p.jwks, { now: start });
    const deepLinkClaims = (nonce: string, role: string) =>
      resourceClaims(nonce, `t-${role}`, {
        [CLAIM.messageType]: "LtiDeepLinkingRequest",
        [CLAIM.resourceLink]: undefined,
        [CLAIM.roles]: [`http://purl.imsglobal.org/vocab/lis/v2/membership#${role}`],
        [CLAIM.deepLinkingSettings]: {
          deep_link_return_url: "https://lms.example/return",
          accept_types: ["ltiResourceLink"],
          data: "d-1",
        },
      });
    const learner = await login(service, p.platform.issuer);
    expect(
      await service.launch({ idToken: await p.sign(deepLinkClaims(learner.nonce, "Learner")), state: learner.state }),
    ).toEqual({
      ok: false,
      error: LAUNCH_REFUSALS.notInstructor,
    });
    const teacher = await login(service, p.platform.issuer);
    const launched = await service.launch({
      idToken: await p.sign(deepLinkClaims(teacher.nonce, "Instructor")),
      state: teacher.state,
    });
    if (!launched.ok) throw new Error(launched.error);
    const user = await service.redeemTicket(launched.value.ticket);
    expect(user?.role).toBe("INSTRUCTOR");
    const token = new URL(launched.value.redirectTo, "https://tool.example").searchParams.get("context")!;
    expect(await service.readDeepLinkContext("someone-else", token)).toBeNull();
    const context = await service.readDeepLinkContext(user!.id, token);
    expect(context).toMatchObject({
      platformId: p.platform.id,
      deploymentId: "dep-1",
      returnUrl: "https://lms.example/return",
      data: "d-1",
    });

    const deepLinks = createDeepLinkService({
      lti: ctx.repos.lti,
      now: () => start,
      randomToken: () => "nonce-1",
      toolKey: () => testToolKey(ctx.repos),
      urls: TOOL_URLS,
      catalog: () => [{ target: { kind: "lesson", id: "cluster-ip-vs-pod-ip" }, title: "Quiz: ClusterIP vs Pod IP" }],
    });
    expect(await deepLinks.respond(context!, { kind: "lesson", id: "nope" })).toMatchObject({ ok: false });
    const response = await deepLinks.respond(context!, { kind: "lesson", id: "cluster-ip-vs-pod-ip" });
    if (!response.ok) throw new Error(response.error);
    const key = await testToolKey(ctx.repos);
    const { payload, protectedHeader } = await jwtVerify(response.value.jwt, key.publicKey, {
      issuer: "client-1",
      audience: p.platform.issuer,
      currentDate: start,
    });
    expect(protectedHeader.kid).toBe(key.kid);
    expect(payload).toMatchObject({
      nonce: "nonce-1",
      [CLAIM.messageType]: "LtiDeepLinkingResponse",
      [CLAIM.deepLinkingData]: "d-1",
    });
  });
});
