// Small standalone HTML answers of the LTI routes: refusals (400) and the deep linking auto-post.
// They are route handler responses, not React pages, because the platform posts to them directly.

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

export function htmlPage(input: { title: string; body: string; status?: number; headers?: Record<string, string> }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.title)} · kubelearn</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">${input.body}</body></html>`;
  return new Response(html, {
    status: input.status ?? 200,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...input.headers },
  });
}

/** A refusal the person can read: what went wrong, in a sentence. */
export const refusalPage = (message: string) =>
  htmlPage({
    title: "LTI launch refused",
    status: 400,
    body: `<h1>This launch could not be completed</h1><p role="alert">${escapeHtml(message)}</p><p><a href="/">Go to kubelearn</a></p>`,
  });
