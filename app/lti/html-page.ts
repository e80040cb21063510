import { frameAncestorsDirective } from "@/lib/lti/core/frame-ancestors";

// Small standalone HTML answers of the LTI routes: refusals (400) and the deep linking auto-post.
// They are route handler responses, not React pages, because the platform posts to them directly.

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * The policy of these pages: nothing but inline styles, forms posting back to kubelearn, and framed
 * only by `frameAncestors` (the registered platforms, for the launch routes) or no one.
 */
export const ltiPagePolicy = (frameAncestors: readonly string[] = []) =>
  `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; ${frameAncestorsDirective(frameAncestors)}`;

export function htmlPage(input: {
  title: string;
  body: string;
  status?: number;
  headers?: Record<string, string>;
  frameAncestors?: readonly string[];
}) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.title)} · kubelearn</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">${input.body}</body></html>`;
  return new Response(html, {
    status: input.status ?? 200,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": ltiPagePolicy(input.frameAncestors),
      ...input.headers,
    },
  });
}

/** A refusal the person can read: what went wrong, in a sentence (framed by the platforms when it answers a launch route). */
export const refusalPage = (message: string, frameAncestors: readonly string[] = []) =>
  htmlPage({
    title: "LTI launch refused",
    status: 400,
    frameAncestors,
    body: `<h1>This launch could not be completed</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/">Go to kubelearn</a></p>`,
  });
